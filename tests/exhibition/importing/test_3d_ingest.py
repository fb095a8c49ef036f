"""OBJ (with MTL and texture), PLY, STL and glTF imported as centred GLB in metres."""

import contextlib
import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import trimesh
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image
from pytest_django.fixtures import Settings

from exhibition.models import ObjectModel3D
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[3]
VALIDATOR = REPO / "scripts" / "validate_gltf.mjs"


def _box(extents: list[float], offset: list[float]) -> trimesh.Trimesh:
    box = trimesh.creation.box(extents=extents)
    box.apply_translation(offset)
    return box


def _textured_obj(folder: Path) -> None:
    """box.obj in centimetres, its material.mtl and a PNG texture beside it."""
    box = _box([20, 10, 40], [300, -50, 7])
    texture = Image.fromarray(np.arange(16 * 16 * 3, dtype=np.uint8).reshape(16, 16, 3))
    uv = np.random.default_rng(0).random((len(box.vertices), 2))
    box.visual = trimesh.visual.TextureVisuals(uv=uv, image=texture)
    folder.mkdir(parents=True, exist_ok=True)
    box.export(folder / "box.obj")


def _gltf_with_bin(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    files = trimesh.Scene([_box([2, 1, 0.5], [10, 10, 10])]).export(file_type="gltf")
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _import(root: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("import_collection", str(root), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _scene(model: ObjectModel3D, field: str = "glb") -> trimesh.Scene:
    with getattr(model, field).open("rb") as fh:
        return trimesh.load_scene(io.BytesIO(fh.read()), file_type="glb")


def _validator_report(path: Path) -> dict[str, Any]:
    if shutil.which("node") is None:
        pytest.skip("node is not installed: the Khronos glTF Validator runs on Node")
    if not (REPO / "node_modules" / "gltf-validator").is_dir():
        pytest.skip("gltf-validator is not installed: run `npm ci`")
    run = subprocess.run(
        ["node", str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode in (0, 1), run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    sphere = trimesh.creation.icosphere(subdivisions=2, radius=50)  # 100 mm across
    records = [
        record("obj-box", image=None, model="scans/box/box.obj", model_unit="cm"),
        record("ply-sphere", image=None, model="scans/sphere.ply", model_unit="mm"),
        record("stl-sphere", image=None, model="scans/sphere.stl"),
        record("gltf-box", image=None, model="scans/gltf/model.gltf"),
    ]
    write_collection(
        root,
        records,
        files={
            "scans/sphere.ply": sphere.export(file_type="ply"),
            "scans/sphere.stl": sphere.export(file_type="stl"),
        },
    )
    # After the helper, which gives every model it was not handed a placeholder GLB.
    _textured_obj(root / "scans" / "box")
    _gltf_with_bin(root / "scans" / "gltf")
    return root


def test_every_format_becomes_a_centred_glb_in_metres(collection: Path) -> None:
    out, err = _import(collection, "--unit", "mm")

    assert not err
    assert "created 4" in out
    expected = {
        "obj-box": [0.2, 0.1, 0.4],
        "ply-sphere": [0.1, 0.1, 0.1],
        "stl-sphere": [0.1, 0.1, 0.1],  # no model_unit: --unit mm
        "gltf-box": [2, 1, 0.5],
    }
    for slug, extents in expected.items():
        model = ObjectModel3D.objects.get(collection_object__slug=slug)
        scene = _scene(model)
        assert model.glb.name.endswith(".glb")
        assert np.allclose(scene.bounds.mean(axis=0), 0, atol=1e-6), slug
        assert np.allclose(scene.extents, extents, rtol=0.02), slug
        assert not model.original  # under the budget: nothing decimated
    box = _scene(ObjectModel3D.objects.get(collection_object__slug="obj-box"))
    assert next(iter(box.geometry.values())).visual.kind == "texture"


def test_converted_glbs_pass_the_khronos_validator(collection: Path) -> None:
    _import(collection, "--unit", "mm")

    for model in ObjectModel3D.objects.all():
        report = _validator_report(Path(model.glb.path))
        assert report["issues"]["numErrors"] == 0, (model, report["issues"]["messages"])


def test_reimport_of_the_same_meshes_changes_nothing(collection: Path) -> None:
    _import(collection, "--unit", "mm")
    out, _ = _import(collection, "--unit", "mm")

    assert "unchanged 4" in out


def test_mesh_over_the_budget_is_decimated_and_the_original_kept(
    tmp_path: Path, settings: Settings
) -> None:
    settings.MODEL_TRIANGLE_BUDGET = 500
    sphere = trimesh.creation.icosphere(subdivisions=4, radius=0.5)  # 5,120 triangles
    root = write_collection(
        tmp_path / "c",
        [record("dense", image=None, model="dense.stl")],
        files={"dense.stl": sphere.export(file_type="stl")},
    )

    _import(root)

    model = ObjectModel3D.objects.get(collection_object__slug="dense")
    web, full = _scene(model), _scene(model, "original")
    assert len(web.triangles) <= 500 < len(full.triangles) == 5120
    assert np.allclose(full.extents, 1.0, rtol=0.01)
    assert _validator_report(Path(model.glb.path))["issues"]["numErrors"] == 0
    assert _validator_report(Path(model.original.path))["issues"]["numErrors"] == 0
    # The download is the full-resolution conversion, not the web copy.
    response = Client().get(f"/objects/dense/download/model-{model.pk}.glb")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    downloaded = trimesh.load_scene(io.BytesIO(body), file_type="glb")
    assert len(downloaded.triangles) == 5120


def test_corrupt_stl_is_reported_and_the_others_import(tmp_path: Path) -> None:
    cube = _box([1, 1, 1], [0, 0, 0])
    truncated = cube.export(file_type="stl")[:-30]
    root = write_collection(
        tmp_path / "c",
        [
            record("good", image=None, model="good.stl"),
            record("broken", image=None, model="broken.stl"),
            record("photo"),
        ],
        files={"good.stl": cube.export(file_type="stl"), "broken.stl": truncated},
    )

    out, err = _import(root)

    assert "created 2" in out and "failed 1" in out
    assert err.startswith("line 2 (id broken): binary STL broken.stl declares 12 triangles")
    assert ObjectModel3D.objects.filter(collection_object__slug="good").exists()


def test_texture_over_the_pixel_limit_is_refused(tmp_path: Path, settings: Settings) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 100  # the test texture is 16×16
    root = tmp_path / "c"
    write_collection(root, [record("box", image=None, model="box/box.obj")])
    _textured_obj(root / "box")

    _, err = _import(root)

    assert "texture material_0.png has 256 pixels, over the limit of 100" in err


def test_unknown_unit_is_refused(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c",
        [record("x", image=None, model="x.stl", model_unit="furlong")],
        files={"x.stl": _box([1, 1, 1], [0, 0, 0]).export(file_type="stl")},
    )

    _, err = _import(root)

    assert "unknown model_unit 'furlong'" in err


def test_admin_upload_of_an_stl_in_mm_is_stored_as_glb_in_metres() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from exhibition.admin.forms import ObjectModel3DAdminForm
    from exhibition.models import CollectionObject

    obj = CollectionObject.objects.create(slug="bowl", title="Bowl", object_type="bowl")
    stl = _box([100, 50, 20], [1000, 0, 0]).export(file_type="stl")
    form = ObjectModel3DAdminForm(
        data={"collection_object": obj.pk, "order": 0, "alt_text": "A bowl", "model_unit": "mm"},
        files={"glb": SimpleUploadedFile("bowl.stl", stl)},
    )

    assert form.is_valid(), form.errors
    model = form.save()
    assert model.glb.name.endswith(".glb")
    assert np.allclose(_scene(model).extents, [0.1, 0.05, 0.02])


def test_admin_upload_of_a_damaged_stl_is_a_form_error() -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from exhibition.admin.forms import ObjectModel3DAdminForm
    from exhibition.models import CollectionObject

    obj = CollectionObject.objects.create(slug="bowl", title="Bowl", object_type="bowl")
    form = ObjectModel3DAdminForm(
        data={"collection_object": obj.pk, "order": 0, "model_unit": "m"},
        files={"glb": SimpleUploadedFile("bowl.stl", b"\0" * 84 + b"\1\2")},
    )

    assert not form.is_valid()
    assert "binary STL bowl.stl declares 0 triangles" in str(form.errors["glb"])
