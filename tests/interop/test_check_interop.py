"""check_interop: a tiny collection read back by each standard's validator or client, and
a broken record counted as failed, with its reason."""

import io
import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import Image

from exhibition.iiif import views as iiif_views
from exhibition.models import CollectionObject, Visibility
from exhibition.services.annotations import AnnotationInput, annotation_create
from tests import builders


@dataclass
class Tiny:
    painting: CollectionObject
    fossil: CollectionObject
    print_: CollectionObject


@pytest.fixture
def tiny(transactional_db: None, settings: Any) -> Tiny:
    settings.OAI_PAGE_SIZE = 2  # the harvest follows a resumption token
    curator: User = builders.make_curator()
    painter = builders.make_agent("Anna Vos")
    painting = builders.make_object(
        slug="harbour", title="Harbour", licence="CC-BY-4.0", creator=painter,
        credit_line="Photo: Example Museum",
    )  # fmt: skip
    image = builders.add_image(painting, width=120, height=80)
    annotation_create(
        data=AnnotationInput(
            selector_kind="rect", selector={"x": 1, "y": 2, "w": 30, "h": 20},
            body="The lighthouse.", image=image,
        ),
        creator=curator,
    )  # fmt: skip
    fossil = builders.make_object(slug="fossil", title="Fossil", licence="CC0-1.0")
    model = builders.add_model(fossil)
    poster = io.BytesIO()
    Image.new("RGB", (80, 60), (200, 190, 170)).save(poster, format="WEBP")
    model.poster.save("poster.webp", ContentFile(poster.getvalue()))
    print_ = builders.make_object(slug="etching", title="Etching", licence="InC")
    builders.add_image(print_, width=60, height=90)
    builders.make_object(slug="withdrawn", visibility=Visibility.RESTRICTED)
    builders.make_exhibition(painting, fossil, slug="shore", title="Shore")
    return Tiny(painting, fossil, print_)


def run(*arguments: str) -> tuple[dict[str, Any], bool]:
    out = io.StringIO()
    try:
        call_command("check_interop", "--json", *arguments, stdout=out)
        failed = False
    except CommandError:
        failed = True
    report = json.loads(out.getvalue())
    return {check["standard"]: check for check in report["checks"]}, failed


def counts(check: dict[str, Any]) -> tuple[int, int, int]:
    return check["checked"], check["passed"], check["failed"]


def test_every_standard_passes_on_a_tiny_collection(tiny: Tiny) -> None:
    checks, failed = run("--limit", "1")

    assert not failed, {k: v["failures"] for k, v in checks.items() if v["failed"]}
    # 3 objects, 1 person, 0 places, and the local object-type terms they name.
    linked_art = checks["Linked Art 1.0 JSON-LD"]
    assert linked_art["checked"] >= 4 and linked_art["failed"] == 0
    assert counts(checks["OAI-PMH 2.0 ListRecords (oai_dc)"]) == (3, 3, 0)
    assert counts(checks["OAI-PMH 2.0 ListRecords (linked_art)"]) == (3, 3, 0)
    manifests = checks["IIIF Presentation 3 Manifests"]
    assert counts(manifests) == (3, 3, 0) and manifests["validator"].startswith("iiif-prezi3")
    # The top, its one page, the exhibitions and "Shore"; then the pages' listing as a whole.
    assert counts(checks["IIIF Presentation 3 Collections"]) == (5, 5, 0)
    assert checks["IIIF Change Discovery 1.0"]["failed"] == 0
    # The fossil's GLB as served and as downloaded (with its licence written in).
    assert counts(checks["glTF 2.0 (GLB)"]) == (2, 2, 0)
    annotations = checks["W3C Web Annotation (AnnotationPage)"]
    assert counts(annotations) == (3, 3, 0)
    assert "1 annotations" in annotations["notes"][0]
    downloads = checks["Downloads: licence inside the file"]
    assert counts(downloads) == (2, 2, 0)  # the etching is in copyright: no download
    assert counts(checks["PDF object reports (sample of 1)"]) == (1, 1, 0)


def test_a_broken_manifest_is_counted_as_failed_with_its_reason(
    tiny: Tiny, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = iiif_views.build_manifest

    def broken(**kwargs: Any) -> dict[str, Any]:
        manifest: dict[str, Any] = real(**kwargs)
        if kwargs["obj"].slug == "harbour":
            manifest["items"] = "no canvases"
        return manifest

    monkeypatch.setattr(iiif_views, "build_manifest", broken)

    def stops(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the discovery check fell over")

    monkeypatch.setattr("interop.conformance.runner.check_discovery", stops)

    checks, failed = run("--limit", "0")

    assert failed
    manifests = checks["IIIF Presentation 3 Manifests"]
    assert counts(manifests) == (3, 2, 1)
    [failure] = manifests["failures"]
    assert failure["subject"] == "/iiif/harbour/manifest.json"
    assert "iiif-prezi3: items: Input should be a valid list" in failure["reason"]
    assert "a Manifest must have at least one Canvas" in failure["reason"]
    assert "PDF object reports (sample of 0)" not in checks
    assert checks["OAI-PMH 2.0 ListRecords (oai_dc)"]["failed"] == 0
    [stopped] = checks["IIIF Change Discovery"]["failures"]
    assert stopped["reason"] == "RuntimeError: the discovery check fell over"


def test_the_table_names_each_standard_its_validator_and_the_failures(
    tiny: Tiny, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "interop.conformance.downloads.glb_problems", lambda data, licence: ["no copyright"]
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="Downloads"):
        call_command("check_interop", "--limit", "0", stdout=out)

    table = out.getvalue()
    assert table.splitlines()[0].split(" | ") == [
        "standard".ljust(len(table.splitlines()[2].split(" | ")[0])),
        *table.splitlines()[0].split(" | ")[1:],
    ]
    row = next(line for line in table.splitlines() if line.startswith("Downloads"))
    assert [cell.strip() for cell in row.split(" | ")[2:]] == ["2", "1", "1"]
    assert "✗ fossil: model 0: no copyright" in table
    assert "Khronos glTF Validator" in table
