"""Objects API: browse filters, 400 messages, detail in full, hidden objects 404."""

import pytest
from rest_framework.test import APIClient

from exhibition.models import (
    Agent,
    Hotspot,
    ObjectCreator,
    Place,
    ReviewStatus,
    Tag,
    Visibility,
)
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles

pytestmark = pytest.mark.django_db


def _slugs(api: APIClient, query: str = "") -> list[str]:
    response = api.get(f"/api/objects/{query}")
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_list_shows_public_objects_only(api: APIClient) -> None:
    builders.make_object(slug="shown", title="Shown")
    builders.make_object(slug="sacred", visibility=Visibility.RESTRICTED)
    builders.make_object(slug="unfinished", visibility=Visibility.DRAFT)
    response = api.get("/api/objects/")
    assert len(response.json()["results"]) == 1
    assert _slugs(api) == ["shown"]


def test_list_items_link_to_record_page_and_manifest(api: APIClient) -> None:
    obj = builders.make_object(slug="wave", title="The Great Wave")
    write_tiles(builders.add_image(obj, width=1000, height=600))
    builders.make_object(slug="no-image")
    items = {item["slug"]: item for item in api.get("/api/objects/").json()["results"]}
    wave = items["wave"]
    assert wave["links"] == {
        "api": "http://testserver/api/objects/wave/",
        "page": "http://testserver/objects/wave/",
        "manifest": "http://testserver/iiif/wave/manifest.json",
    }
    assert (
        wave["thumbnail"]["url"] == "http://testserver/iiif/image/wave-0/full/500,300/0/default.jpg"
    )
    assert wave["thumbnail"]["alt_text"] == "Image of The Great Wave"
    assert items["no-image"]["links"]["manifest"] is None
    assert items["no-image"]["thumbnail"] is None


def test_list_filters_like_the_browse_page(api: APIClient, curator) -> None:  # type: ignore[no-untyped-def]
    maker = Agent.objects.create(slug="hokusai", name="Katsushika Hokusai")
    japan = Place.objects.create(slug="japan", name="Japan")
    wave = builders.make_object(
        slug="wave",
        title="Wave",
        object_type="print",
        culture="Japan",
        date_start=1831,
        date_end=1831,
        place=japan,
    )
    ObjectCreator.objects.create(collection_object=wave, agent=maker, role="artist")
    lisa = builders.make_object(
        slug="lisa", title="Lisa", culture="Italy", date_start=1503, date_end=1519
    )
    builders.add_restoration(
        builders.add_image(lisa), status=ReviewStatus.APPROVED, reviewer=curator
    )
    bust = builders.make_object(
        slug="bust", title="Bust", object_type="sculpture", date_start=1890, date_end=1890
    )
    builders.add_model(bust)
    draft_fix = builders.make_object(
        slug="draft-fix", title="Draft fix", date_start=1700, date_end=1700
    )
    builders.add_restoration(builders.add_image(draft_fix), status=ReviewStatus.DRAFT)

    assert _slugs(api, "?type=print&type=sculpture") == ["bust", "wave"]
    assert _slugs(api, "?culture=Italy") == ["lisa"]
    assert _slugs(api, "?century=19") == ["bust", "wave"]
    assert _slugs(api, "?has_3d=true") == ["bust"]
    assert _slugs(api, "?has_restoration=true") == ["lisa"]
    assert _slugs(api, "?agent=hokusai") == ["wave"]
    assert _slugs(api, "?place=japan") == ["wave"]
    assert _slugs(api, "?date_from=1800&date_to=1850") == ["wave"]
    assert _slugs(api, "?date_from=1850&date_to=1800") == ["wave"]
    assert _slugs(api, "?sort=date") == ["lisa", "draft-fix", "wave", "bust"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?colour=blue", "Unknown filter colour"),
        ("?century=nineteen", "'century' must be a whole number"),
        ("?has_3d=maybe", "'has_3d' must be true or false"),
        ("?sort=price", "'sort' must be one of"),
        ("?page=2", "'page' is not used"),
        ("?page_size=0", "'page_size' must be a whole number from 1 to 100"),
        ("?page_size=%C2%B2", "'page_size' must be a whole number"),
    ],
)
def test_bad_queries_answer_400_with_a_message(api: APIClient, query: str, message: str) -> None:
    builders.make_object()
    response = api.get(f"/api/objects/{query}")
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_detail_has_the_whole_record(api: APIClient) -> None:
    place = Place.objects.create(slug="florence", name="Florence", latitude=43.77, longitude=11.25)
    obj = builders.make_object(
        slug="annunciation", title="Annunciation", place=place, licence="CC-BY-4.0",
        attribution="Photo: Example", content_note="Shows a religious scene.",
    )  # fmt: skip
    leonardo = Agent.objects.create(slug="leonardo", name="Leonardo da Vinci")
    ObjectCreator.objects.create(
        collection_object=obj, agent=leonardo, role="artist", qualifier="workshop of"
    )
    obj.tags.add(Tag.objects.create(name="angel"))
    write_tiles(builders.add_image(obj, width=80, height=60))
    model = builders.add_model(obj)
    Hotspot.objects.create(model=model, position="0 1 0", label="Wing", text="Painted feathers")

    data = api.get("/api/objects/annunciation/").json()
    assert data["creators"] == [
        {
            "name": "Leonardo da Vinci",
            "slug": "leonardo",
            "role": "artist",
            "qualifier": "workshop of",
        }
    ]
    assert data["place"] == {
        "slug": "florence",
        "name": "Florence",
        "latitude": 43.77,
        "longitude": 11.25,
    }
    assert data["tags"] == ["angel"]
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["content_note"] == "Shows a religious scene."
    [image] = data["images"]
    assert image["iiif_info_url"] == "http://testserver/iiif/image/annunciation-0/info.json"
    assert image["full_image_url"].endswith("/iiif/image/annunciation-0/full/max/0/default.jpg")
    assert (image["width"], image["height"]) == (80, 60)
    assert image["alt_text"] == "Image of Annunciation"
    [glb] = data["models"]
    assert glb["glb_url"].startswith("http://testserver/media/objects/annunciation/models/")
    assert glb["hotspots"] == [
        {"label": "Wing", "text": "Painted feathers", "position": "0 1 0", "normal": "0 1 0"}
    ]
    assert data["links"]["manifest"] == "http://testserver/iiif/annunciation/manifest.json"


def test_detail_image_without_tiles_points_at_the_original(api: APIClient) -> None:
    obj = builders.make_object(slug="fresh")
    builders.add_image(obj)
    [image] = api.get("/api/objects/fresh/").json()["images"]
    assert image["iiif_info_url"] is None
    assert image["full_image_url"] == image["original_url"]


def test_detail_shows_approved_restorations_only_with_provenance(api: APIClient, curator) -> None:  # type: ignore[no-untyped-def]
    obj = builders.make_object(slug="supper")
    image = builders.add_image(obj)
    builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    builders.add_restoration(image, status=ReviewStatus.DRAFT, engine="unreviewed")
    builders.add_restoration(image, status=ReviewStatus.REJECTED, reviewer=curator, engine="bad")
    [restoration] = api.get("/api/objects/supper/").json()["restorations"]
    assert restoration["label"] == "AI reconstruction — not the original"
    assert restoration["source_image"] == "supper-0"
    provenance = restoration["provenance"]
    assert provenance["engine"] == "telea"
    assert provenance["engine_version"] == "4.10.0"
    assert provenance["parameters"] == {"radius": 3}
    assert provenance["review_status"] == "approved"
    assert provenance["reviewed_by"] == "curator"
    assert provenance["reviewed_at"]


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_detail_of_hidden_objects_is_not_found(api: APIClient, visibility: str) -> None:
    builders.make_object(slug="hidden", visibility=visibility)
    response = api.get("/api/objects/hidden/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No public object 'hidden'."}


def test_unknown_object_is_a_json_404(api: APIClient) -> None:
    response = api.get("/api/objects/nothing-here/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_list_queries_do_not_grow_with_the_page(
    api: APIClient, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    for n in range(12):
        agent = Agent.objects.create(slug=f"maker-{n}", name=f"Maker {n}")
        obj = builders.make_object(creator=agent)
        builders.add_image(obj)
        builders.add_model(obj)
    with django_assert_max_num_queries(8):
        assert len(api.get("/api/objects/?page_size=12").json()["results"]) == 12


def test_writes_are_refused(api: APIClient) -> None:
    builders.make_object(slug="shown")
    assert api.post("/api/objects/", {"title": "x"}).status_code == 405
    assert api.delete("/api/objects/shown/").status_code == 405


def test_an_approved_restorations_tiles_are_offered_once_cut(api: APIClient, curator) -> None:  # type: ignore[no-untyped-def]
    image = builders.add_image(builders.make_object(slug="supper"))
    restoration = builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    [before] = api.get("/api/objects/supper/").json()["restorations"]
    assert before["iiif_info_url"] is None  # not cut yet: the result file is what there is

    restoration.tiles_ready = True
    restoration.save(update_fields=["tiles_ready"])
    [after] = api.get("/api/objects/supper/").json()["restorations"]

    assert (
        after["iiif_info_url"] == f"http://testserver/iiif/restoration/{restoration.pk}/info.json"
    )
