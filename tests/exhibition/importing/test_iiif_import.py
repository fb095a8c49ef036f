"""Importing IIIF manifests and collections served by a real HTTP server on loopback."""

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from exhibition.importing.iiif.fetching import MAX_DOCUMENT_BYTES
from exhibition.importing.iiif.services import iiif_import
from exhibition.models import AuditLogEntry, CollectionObject, ObjectImage, Tag, Visibility
from tests.builders import jpeg_bytes

pytestmark = pytest.mark.django_db(transaction=True)

V2 = "http://iiif.io/api/presentation/2/context.json"
V3 = "http://iiif.io/api/presentation/3/context.json"


@dataclass
class Site:
    """What the loopback server answers, path by path, and the paths it was asked for."""

    base: str = ""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def json(self, path: str, document: dict[str, Any]) -> str:
        self.routes[path] = (
            200,
            {"Content-Type": "application/json"},
            json.dumps(document).encode(),
        )
        return self.url(path)

    def raw(self, path: str, body: bytes, status: int = 200, **headers: str) -> str:
        self.routes[path] = (status, headers, body)
        return self.url(path)


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requested.append(self.path)
            status, headers, body = served.routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The importer stops reading a body over its bound.
            with contextlib.suppress(ConnectionError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep the test output to the test's own

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


def v2_manifest(site: Site, name: str = "nightwatch") -> str:
    site.raw("/img/a.jpg", jpeg_bytes(40, 30, (200, 40, 40)), Content_Type="image/jpeg")
    return site.json(
        f"/m/{name}.json",
        {
            "@context": V2,
            "@id": f"https://museum.example/iiif/{name}/manifest",
            "@type": "sc:Manifest",
            "label": "The Night Watch",
            "description": "A company of <b>civic guardsmen</b> sets out.",
            "metadata": [
                {"label": "Artist", "value": "Rembrandt van Rijn"},
                {"label": "Date", "value": "1642"},
                {"label": "Medium", "value": "oil on canvas"},
                {"label": "Dimensions", "value": "379.5 × 453.5 cm"},
                {"label": "Accession number", "value": "SK-C-5"},
            ],
            "attribution": "Rijksmuseum, Amsterdam",
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            "related": "https://museum.example/objects/SK-C-5",
            "sequences": [
                {
                    "@type": "sc:Sequence",
                    "canvases": [
                        {
                            "@id": "https://museum.example/canvas/1",
                            "@type": "sc:Canvas",
                            "width": 40,
                            "height": 30,
                            "images": [
                                {
                                    "@type": "oa:Annotation",
                                    "motivation": "sc:painting",
                                    "resource": {
                                        "@id": site.url("/img/a.jpg"),
                                        "@type": "dctypes:Image",
                                        "format": "image/jpeg",
                                    },
                                }
                            ],
                        }
                    ],
                }
            ],
        },
    )


def v3_manifest(
    site: Site, name: str = "harbour", rights: str = "http://creativecommons.org/licenses/by/4.0/"
) -> str:
    """A v3 manifest whose image comes only from its Image API service (120×80 in info.json)."""
    site.json(
        "/iiif/img-b/info.json",
        {"@context": "http://iiif.io/api/image/3/context.json", "width": 120, "height": 80},
    )
    site.raw("/iiif/img-b/full/max/0/default.jpg", jpeg_bytes(120, 80), Content_Type="image/jpeg")
    site.raw("/iiif/img-b/full/!60,40/0/default.jpg", jpeg_bytes(60, 40), Content_Type="image/jpeg")
    return site.json(
        f"/m/{name}.json",
        {
            "@context": V3,
            "id": f"https://museum.example/iiif/{name}.json",
            "type": "Manifest",
            "label": {"en": ["The Harbour"], "fr": ["Le Port"]},
            "summary": {"en": ["Ships at anchor."], "fr": ["Des navires au mouillage."]},
            "metadata": [
                {"label": {"fr": ["Technique"]}, "value": {"none": ["etching"]}},
                {"label": {"en": ["Object type"]}, "value": {"en": ["Print"]}},
                {"label": {"en": ["Créateur"]}, "value": {"none": ["Wenceslaus Hollar"]}},
            ],
            "rights": rights,
            "requiredStatement": {
                "label": {"en": ["Attribution"]},
                "value": {"en": ["Photo: Example Museum"], "fr": ["Photo : Musée exemple"]},
            },
            "homepage": [{"id": "https://museum.example/objects/harbour", "type": "Text"}],
            "items": [
                {
                    "id": "https://museum.example/canvas/h1",
                    "type": "Canvas",
                    "width": 120,
                    "height": 80,
                    "items": [
                        {
                            "type": "AnnotationPage",
                            "items": [
                                {
                                    "type": "Annotation",
                                    "motivation": "painting",
                                    "body": {
                                        "id": site.url("/img/missing.jpg"),
                                        "type": "Image",
                                        "service": [
                                            {"id": site.url("/iiif/img-b"), "type": "ImageService3"}
                                        ],
                                    },
                                }
                            ],
                        }
                    ],
                }
            ],
        },
    )


def collection(site: Site) -> str:
    """A collection of both manifests, with a nested collection that points back at it."""
    top = site.url("/c/all.json")
    nested = site.json(
        "/c/nested.json",
        {
            "@context": V3,
            "id": site.url("/c/nested.json"),
            "type": "Collection",
            "label": {"en": ["Nested"]},
            "items": [
                {"id": top, "type": "Collection"},
                {"id": site.url("/m/harbour.json"), "type": "Manifest"},
            ],
        },
    )
    return site.json(
        "/c/all.json",
        {
            "@context": V3,
            "id": top,
            "type": "Collection",
            "label": {"en": ["All"]},
            "items": [
                {"id": v2_manifest(site), "type": "Manifest"},
                {"id": v3_manifest(site), "type": "Manifest"},
                {"id": nested, "type": "Collection"},
            ],
        },
    )


def bad_sources(site: Site) -> dict[str, str]:
    """Manifests that must each be refused, by source, with a word of the reason."""
    no_image = site.json(
        "/m/no-image.json",
        {
            "@context": V3,
            "id": "https://museum.example/empty",
            "type": "Manifest",
            "label": "Empty",
        },
    )
    huge = b'{"type": "Manifest", "label": "big"' + b" " * MAX_DOCUMENT_BYTES + b"}"
    return {
        site.raw("/m/broken.json", b'{"type": "Manifest", "label": '): "invalid JSON",
        no_image: "no image",
        site.raw("/m/huge.json", huge): "over the limit",
        site.raw("/m/redirect.json", b"", 302, Location="file:///etc/passwd"): "refused",
    }


def test_collection_of_v2_and_v3_imports_each_manifest_once_with_its_fields(
    site: Site, settings: Settings
) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 2400  # the service's 120×80 image is over it

    summary = iiif_import(sources=[collection(site)])

    assert (summary.created, summary.failed, summary.tiles_generated) == (2, 0, 2)
    watch = CollectionObject.objects.get(title="The Night Watch")
    assert watch.slug.startswith("iiif-nightwatch-")
    assert (watch.date_display, watch.date_start, watch.date_end) == ("1642", 1642, 1642)
    assert (watch.medium, watch.dimensions) == ("oil on canvas", "379.5 × 453.5 cm")
    assert watch.accession_number == "SK-C-5"
    assert watch.description == "A company of civic guardsmen sets out."
    assert [link.agent.name for link in watch.creator_links.all()] == ["Rembrandt van Rijn"]
    assert (watch.licence, watch.visibility) == ("CC0-1.0", Visibility.PUBLIC)
    assert "Rijksmuseum, Amsterdam" in watch.public_credit_line
    assert watch.source.startswith("https://museum.example/objects/SK-C-5")
    harbour = CollectionObject.objects.get(title="The Harbour")
    assert (harbour.medium, harbour.object_type, harbour.licence) == (
        "etching",
        "print",
        "CC-BY-4.0",
    )
    assert harbour.description == "Ships at anchor."
    assert harbour.translations.get(language="fr").title == "Le Port"
    assert harbour.public_credit_line == "CC BY 4.0 · Photo: Example Museum"
    image = harbour.images.get()
    assert (image.width, image.height, image.tiles_ready) == (60, 40, True)
    # The service was asked for the largest size inside the pixel limit, not for full/max.
    assert "/iiif/img-b/full/!60,40/0/default.jpg" in site.requested
    assert "/iiif/img-b/full/max/0/default.jpg" not in site.requested
    assert site.requested.count("/c/all.json") == 1  # the cycle back to it is not followed


def test_reimport_is_idempotent_and_a_changed_manifest_updates(site: Site) -> None:
    sources = [v2_manifest(site), v3_manifest(site)]
    first = iiif_import(sources=sources)
    watch = CollectionObject.objects.get(title="The Night Watch")
    watch.tags.add(Tag.objects.create(name="militia"))  # a curator's, in the admin
    entries = AuditLogEntry.objects.count()

    again = iiif_import(sources=sources)

    assert (first.created, again.created, again.updated, again.unchanged) == (2, 0, 0, 2)
    assert (CollectionObject.objects.count(), ObjectImage.objects.count()) == (2, 2)
    assert AuditLogEntry.objects.count() == entries
    assert again.tiles_generated == 0
    assert list(watch.tags.values_list("name", flat=True)) == ["militia"]
    document = json.loads(site.routes["/m/nightwatch.json"][2])
    document["label"] = "The Night Watch (restored)"
    site.json("/m/nightwatch.json", document)

    changed = iiif_import(sources=sources)

    assert (changed.updated, changed.unchanged, CollectionObject.objects.count()) == (1, 1, 2)
    assert CollectionObject.objects.filter(title="The Night Watch (restored)").exists()


def test_bad_manifests_are_reported_with_reasons_while_the_rest_import(site: Site) -> None:
    bad = bad_sources(site)

    summary = iiif_import(sources=[v2_manifest(site), *bad])

    assert (summary.created, summary.failed) == (1, len(bad))
    reasons = {problem.source: problem.reason for problem in summary.reports}
    for source, word in bad.items():
        assert word in reasons[source], reasons[source]
    assert "file:///etc/passwd" in reasons[site.url("/m/redirect.json")]


def test_unknown_rights_import_as_draft_and_say_so(site: Site) -> None:
    source = v3_manifest(site, rights="https://museum.example/our-terms")

    summary = iiif_import(sources=[source], visibility=Visibility.PUBLIC)

    harbour = CollectionObject.objects.get()
    assert (harbour.visibility, harbour.licence) == (Visibility.DRAFT, "CNE")
    assert (summary.created, summary.failed, summary.drafted) == (1, 0, 1)
    assert "our-terms" in str(summary.reports[0]) and "draft" in str(summary.reports[0])
    assert "our-terms" in harbour.source  # the curators' notes keep what the manifest said


def test_an_image_over_the_byte_bound_is_refused(site: Site, settings: Settings) -> None:
    settings.VITRINE_MAX_UPLOAD_BYTES = 200

    summary = iiif_import(sources=[v2_manifest(site)])

    assert (summary.created, summary.failed) == (0, 1)
    assert "VITRINE_MAX_UPLOAD_BYTES" in summary.reports[0].reason
    assert not CollectionObject.objects.exists()


def test_a_remote_manifest_cannot_name_a_local_file(site: Site, tmp_path: Path) -> None:
    (tmp_path / "local.jpg").write_bytes(jpeg_bytes(20, 20))
    document = json.loads(site.routes[v2_manifest(site).removeprefix(site.base)][2])
    resource = document["sequences"][0]["canvases"][0]["images"][0]["resource"]
    resource["@id"] = (tmp_path / "local.jpg").as_uri()
    remote = site.json("/m/sneaky.json", document)
    local = tmp_path / "manifest.json"
    local.write_text(json.dumps(document), encoding="utf-8")

    summary = iiif_import(sources=[remote, str(local)])

    assert (summary.created, summary.unchanged, summary.failed) == (1, 0, 1)
    assert "not an http or https URL" in summary.reports[0].reason
    assert summary.reports[0].source == remote


def test_command_prints_a_summary_and_fails_only_when_everything_failed(site: Site) -> None:
    bad = bad_sources(site)
    out, err = StringIO(), StringIO()

    call_command("import_iiif", v2_manifest(site), *bad, stdout=out, stderr=err)

    assert "created 1, updated 0, unchanged 0, failed 4" in out.getvalue()
    assert "invalid JSON" in err.getvalue()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_iiif", *bad, stdout=StringIO(), stderr=StringIO())
