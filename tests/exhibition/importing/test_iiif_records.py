"""Reading IIIF manifests into records: languages, licences, metadata labels, image URLs."""

import json
from pathlib import Path

import pytest

from exhibition.importing.iiif.documents import ImageRef, language_map, read_manifest
from exhibition.importing.iiif.fetching import FetchError, Location, location_for_source
from exhibition.importing.iiif.images import image_urls
from exhibition.importing.iiif.records import (
    licence_for_rights,
    manifest_record,
    pick_text,
    slug_for_manifest,
)
from exhibition.importing.records import RecordError
from exhibition.models import Visibility

WEB = Location("https://museum.example/manifest.json", local=False)


@pytest.mark.parametrize(
    ("rights", "licence"),
    [
        ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0"),
        ("https://creativecommons.org/licenses/by-sa/4.0/deed.fr", "CC-BY-SA-4.0"),
        ("https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0"),
        ("http://rightsstatements.org/vocab/InC/1.0/", "InC"),
        ("https://rightsstatements.org/page/NoC-US/1.0/?language=en", "NoC-US"),
        ("CC-BY-4.0", "CC-BY-4.0"),
    ],
)
def test_rights_uris_name_the_sites_licences(rights: str, licence: str) -> None:
    choice = licence_for_rights(rights)

    assert (choice.licence, choice.known) == (licence, True)


@pytest.mark.parametrize("rights", ["", "https://museum.example/terms", "all rights reserved"])
def test_other_rights_are_not_evaluated_and_say_why(rights: str) -> None:
    choice = licence_for_rights(rights)

    assert (choice.licence, choice.known) == ("CNE", False)
    assert "draft" in choice.note


def test_language_maps_pick_the_site_language_then_none_then_the_first() -> None:
    assert pick_text({"de": "Hafen", "en": "Harbour"}) == ("en", "Harbour")
    assert pick_text({"de": "Hafen", "none": "Port 1"}) == ("en", "Port 1")
    assert pick_text({"fr-FR": "Le Port", "de": "Hafen"}) == ("fr", "Le Port")
    assert pick_text({"de": "Hafen"}) == ("en", "Hafen")


def test_v2_texts_of_every_shape_become_language_maps() -> None:
    assert language_map("A <i>fine</i>&amp;rare<br/>print") == {"none": "A fine&rare print"}
    assert language_map([{"@value": "Port", "@language": "fr"}, "Harbour"]) == {
        "fr": "Port",
        "none": "Harbour",
    }
    assert language_map({"en": ["One", "Two"]}) == {"en": "One; Two"}


def test_a_v2_manifest_with_french_metadata_maps_to_a_record() -> None:
    manifest = read_manifest(
        {
            "@context": "http://iiif.io/api/presentation/2/context.json",
            "@id": "https://musee.example/iiif/vase-42/manifest.json",
            "@type": "sc:Manifest",
            "label": [{"@value": "Vase", "@language": "fr"}],
            "metadata": [
                {"label": "Matériaux", "value": "faïence"},
                {"label": "Datation", "value": "vers 1750"},
                {"label": "Numéro d'inventaire", "value": "OA 42"},
            ],
            "license": "https://creativecommons.org/licenses/by/4.0/",
        },
        fallback_id="unused",
    )

    record = manifest_record(manifest, visibility=None)

    assert record.slug == slug_for_manifest("https://musee.example/iiif/vase-42/manifest.json")
    assert record.slug.startswith("iiif-vase-42-")
    assert (record.title, record.language, record.licence) == ("Vase", "fr", "CC-BY-4.0")
    assert (record.text["medium"], record.text["accession_number"]) == ("faïence", "OA 42")
    assert (record.date_display, record.date_start, record.date_end) == ("vers 1750", 1750, 1750)
    assert (record.visibility, record.object_type) == (None, "object")


def test_a_manifest_without_a_label_is_refused() -> None:
    with pytest.raises(RecordError, match="no label"):
        read_manifest({"type": "Manifest", "id": "https://m.example/1"}, fallback_id="x")


def test_unknown_rights_never_leave_an_object_public_but_restricted_stays() -> None:
    data = {"type": "Manifest", "id": "https://m.example/1", "label": "X", "rights": "x:y"}
    manifest = read_manifest(data, fallback_id="x")

    public = manifest_record(manifest, visibility=Visibility.PUBLIC)
    restricted = manifest_record(manifest, visibility=Visibility.RESTRICTED)

    assert (public.visibility, restricted.visibility) == (Visibility.DRAFT, Visibility.RESTRICTED)


def test_image_service_urls_by_version_bounded_by_the_pixel_limit(tmp_path: Path) -> None:
    service = tmp_path / "iiif" / "b"
    service.mkdir(parents=True)
    (service / "info.json").write_text(json.dumps({"width": 8000, "height": 6000}))
    local = Location((tmp_path / "manifest.json").as_uri(), local=True)
    v2 = ImageRef(
        url="https://i.example/a.jpg", service=(tmp_path / "a").as_uri(), service_version=2
    )
    v3 = ImageRef(url="https://i.example/b.jpg", service=service.as_uri(), width=10, height=10)

    # v2 has no info.json to read, and its manifest gives no size: the full image is asked for.
    assert image_urls(v2, base=local, max_pixels=12_000_000) == [
        f"{(tmp_path / 'a').as_uri()}/full/full/0/default.jpg",
        "https://i.example/a.jpg",
    ]
    assert image_urls(v3, base=local, max_pixels=12_000_000)[0] == (
        f"{service.as_uri()}/full/!4000,3000/0/default.jpg"
    )
    assert image_urls(v3, base=local, max_pixels=48_000_000)[0] == (
        f"{service.as_uri()}/full/max/0/default.jpg"
    )


def test_sources_and_references_are_limited_to_allowed_schemes() -> None:
    assert location_for_source("/data/manifest.json").local
    assert not location_for_source("https://m.example/manifest").local
    with pytest.raises(FetchError, match="not a file"):
        location_for_source("ftp://m.example/manifest")
    with pytest.raises(FetchError, match="not an http or https URL"):
        WEB.resolve("file:///etc/passwd")
    assert Location("/data/c.json", local=True).resolve("file:///data/m.json").local


def test_a_v3_canvas_image_is_found_through_choices_and_service_urls() -> None:
    body = {
        "type": "Choice",
        "items": [
            {
                "id": "https://i.example/front.jpg",
                "type": "Image",
                "service": [
                    {"@id": "https://i.example/iiif/front/info.json", "@type": "ImageService2"}
                ],
            },
            {"id": "https://i.example/back.jpg", "type": "Image"},
        ],
    }
    canvas = {
        "type": "Canvas",
        "width": 300,
        "height": 200,
        "items": [
            {
                "type": "AnnotationPage",
                "items": [
                    {"type": "Annotation", "motivation": ["commenting"], "body": {"id": "x"}},
                    {"type": "Annotation", "motivation": ["painting"], "body": body},
                ],
            }
        ],
    }
    data = {"type": "Manifest", "id": "https://m.example/2", "label": "Y", "items": [canvas]}

    images = read_manifest(data, fallback_id="x").images

    assert images == [
        ImageRef(
            url="https://i.example/front.jpg",
            service="https://i.example/iiif/front",
            service_version=2,
            width=300,
            height=200,
        )
    ]
