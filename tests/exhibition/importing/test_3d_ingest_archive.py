"""A 3D model uploaded in the admin as a .zip: an OBJ with its MTL and texture, or a glTF
with its .bin, becomes a valid GLB in metres; an archive that escapes its folder, holds a
link, has too many entries, or unpacks to too much is a clear form error."""

import io
import json
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from exhibition.admin.forms import ObjectModel3DAdminForm
from exhibition.models import CollectionObject, ObjectModel3D
from exhibition.models3d_ingest import archive
from tests.builders import make_curator, make_object
from tests.exhibition.importing.test_3d_ingest import (
    _gltf_with_bin,
    _scene,
    _textured_obj,
    _validator_report,
)

pytestmark = pytest.mark.django_db


def _zip(files: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as zipped:
        for name, data in files.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


def _folder_zip(folder: Path, prefix: str = "") -> bytes:
    return _zip({prefix + p.name: p.read_bytes() for p in sorted(folder.iterdir())})


def _form(upload: bytes, name: str = "scan.zip", unit: str = "m") -> ObjectModel3DAdminForm:
    obj, _ = CollectionObject.objects.get_or_create(
        slug="vase", defaults={"title": "Vase", "object_type": "vase"}
    )
    return ObjectModel3DAdminForm(
        data={"collection_object": obj.pk, "order": 0, "alt_text": "A vase", "model_unit": unit},
        files={"glb": SimpleUploadedFile(name, upload)},
    )


def _glb_json(model: ObjectModel3D) -> dict[str, Any]:
    with model.glb.open("rb") as fh:
        data = fh.read()
    (length,) = struct.unpack("<I", data[12:16])
    document: dict[str, Any] = json.loads(data[20 : 20 + length])
    return document


def _error(form: ObjectModel3DAdminForm) -> str:
    assert not form.is_valid()
    return " ".join(str(message) for message in form.errors["glb"])


def test_an_obj_with_its_mtl_and_png_texture_becomes_a_textured_valid_glb(tmp_path: Path) -> None:
    _textured_obj(tmp_path / "box")
    names = {p.suffix for p in (tmp_path / "box").iterdir()}
    assert {".obj", ".mtl", ".png"} <= names  # what a curator zips

    form = _form(_folder_zip(tmp_path / "box", prefix="scan/"), unit="cm")

    assert form.is_valid(), form.errors
    model = form.save()
    assert model.glb.name.endswith("scan.glb")
    assert np.allclose(_scene(model).extents, [0.2, 0.1, 0.4], rtol=0.02)
    document = _glb_json(model)
    assert len(document["images"]) == 1 and document["images"][0]["mimeType"] == "image/png"
    assert "baseColorTexture" in document["materials"][0]["pbrMetallicRoughness"]
    assert next(iter(_scene(model).geometry.values())).visual.kind == "texture"
    report = _validator_report(Path(model.glb.path))
    assert report["issues"]["numErrors"] == 0, report["issues"]["messages"]


def test_a_gltf_with_its_bin_becomes_a_glb(tmp_path: Path) -> None:
    _gltf_with_bin(tmp_path / "gltf")

    form = _form(_folder_zip(tmp_path / "gltf"), unit="mm")  # glTF says metres itself

    assert form.is_valid(), form.errors
    assert np.allclose(_scene(form.save()).extents, [2, 1, 0.5], rtol=0.02)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../evil.png", "names a path outside its folder: '../../evil.png'"),
        ("/etc/evil.png", "names a path outside its folder"),
        ("C:\\evil.png", "names a path outside its folder"),
    ],
)
def test_names_outside_the_archive_are_refused(tmp_path: Path, name: str, message: str) -> None:
    _textured_obj(tmp_path / "box")
    files = {p.name: p.read_bytes() for p in (tmp_path / "box").iterdir()}
    files[name] = b"\x89PNG"

    error = _error(_form(_zip(files)))

    assert "This model cannot be converted" in error and message in error
    assert not (tmp_path.parent / "evil.png").exists()


def test_a_link_in_the_archive_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        zipped.writestr("box.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n")
        link = zipfile.ZipInfo("texture.png")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zipped.writestr(link, "/etc/passwd")

    assert "holds a link, which is not accepted: 'texture.png'" in _error(_form(buffer.getvalue()))


def test_too_many_entries_are_refused() -> None:
    files = {f"t/{n}.png": b"x" for n in range(archive.MAX_ARCHIVE_ENTRIES + 1)}

    error = _error(_form(_zip(files)))

    assert f"holds {archive.MAX_ARCHIVE_ENTRIES + 1} entries, over the limit of" in error


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    bomb = _zip({"box.obj": b"v 0 0 0\n", "texture.png": bytes(5_000_000)})
    assert len(bomb) < 100_000

    error = _error(_form(bomb))

    assert "texture.png in the .zip file is compressed more than 100 to 1" in error
    assert "zip bomb" in error


def test_an_archive_unpacking_past_the_model_bound_is_refused(settings: Settings) -> None:
    settings.VITRINE_MAX_MODEL_BYTES = 50_000
    # Random digits: small enough packed to pass the upload bound, not a bomb, too big unpacked.
    digits = "".join(map(str, np.random.default_rng(1).integers(0, 10, 60_000))).encode()
    upload = _zip({"box.obj": b"v 0 0 0\n", "noise.txt": digits})
    assert len(upload) < 50_000

    error = _error(_form(upload))

    assert "unpacks to" in error and "VITRINE_MAX_MODEL_BYTES" in error


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"notes.txt": b"hello"}, "must hold exactly one model"),
        ({"a.obj": b"v 0 0 0\n", "b.stl": b"\0" * 84}, "found a.obj, b.stl"),
    ],
)
def test_an_archive_without_exactly_one_model_is_refused(
    files: dict[str, bytes], message: str
) -> None:
    assert message in _error(_form(_zip(files)))


def test_a_file_that_is_not_a_zip_is_a_form_error() -> None:
    assert "the .zip file cannot be read" in _error(_form(b"PK\x03\x04 but truncated"))


def test_the_admin_page_shows_the_archives_error_and_then_stores_a_good_one(
    client: Client, tmp_path: Path
) -> None:
    client.force_login(make_curator())
    obj = make_object(slug="vase")
    url = reverse("admin:exhibition_objectmodel3d_add")
    fields = {"collection_object": obj.pk, "order": 0, "alt_text": "A vase", "model_unit": "cm"}
    for prefix in ("hotspots-",):  # the hotspot inline's empty management form
        fields.update({f"{prefix}TOTAL_FORMS": 0, f"{prefix}INITIAL_FORMS": 0})
    bomb = _zip({"box.obj": b"v 0 0 0\n", "texture.png": bytes(5_000_000)})

    refused = client.post(url, {**fields, "glb": SimpleUploadedFile("scan.zip", bomb)})

    assert refused.status_code == 200
    assert "zip bomb" in refused.content.decode()
    assert not ObjectModel3D.objects.exists()
    _textured_obj(tmp_path / "box")
    upload = SimpleUploadedFile("scan.zip", _folder_zip(tmp_path / "box"))

    stored = client.post(url, {**fields, "glb": upload})

    assert stored.status_code == 302
    model = ObjectModel3D.objects.get(collection_object=obj)
    assert model.glb.name.endswith(".glb") and model.checksum and model.size_bytes > 0
