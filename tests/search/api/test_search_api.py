"""The search API end to end: real encoders, real indexes, a tiny collection."""

import io
from typing import Any

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image, ImageDraw

from exhibition.models import CollectionObject, ObjectImage, Visibility
from search.embeddings import object_embed
from search.indexing import rebuild_indexes
from search.keyword import rebuild_keyword_index
from tests import builders

pytestmark = pytest.mark.django_db


def _picture(pattern: str) -> bytes:
    image = Image.new("RGB", (160, 120), (230, 230, 220))
    draw = ImageDraw.Draw(image)
    if pattern == "stripes":
        for x in range(0, 160, 16):
            draw.rectangle([x, 0, x + 7, 120], fill=(20, 40, 160))
    else:
        for x in range(0, 160, 20):
            for y in range(0, 120, 20):
                if (x + y) // 20 % 2:
                    draw.rectangle([x, y, x + 19, y + 19], fill=(160, 30, 20))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def _pictured(pattern: str, **fields: object) -> CollectionObject:
    obj = builders.make_object(**fields)
    data = _picture(pattern)
    image = ObjectImage(collection_object=obj, checksum=builders.sha256(data), alt_text="x")
    image.original.save(f"{obj.slug}.jpg", ContentFile(data), save=False)
    image.width, image.height = 160, 120
    image.save()
    return obj


@pytest.fixture
def collection() -> dict[str, CollectionObject]:
    objects = {
        "ship": _pictured(
            "stripes", title="Ships in a storm", description="Sailing ships on a rough sea."
        ),
        "skaters": _pictured(
            "checks",
            title="Winter scene",
            description="People skating on a frozen pond.",
            object_type="photograph",
        ),
        "dog": builders.make_object(title="A sleeping dog", description="A dog by the fire."),
        "secret": _pictured("checks", title="Secret ship", description="A ship."),
    }
    for obj in objects.values():
        object_embed(collection_object=obj)
    rebuild_indexes()
    rebuild_keyword_index()
    return objects


def _slugs(response: object) -> list[str]:
    return [hit["object"]["slug"] for hit in response.json()["results"]]  # type: ignore[attr-defined]


def test_words_find_the_right_object_first_with_reasons(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    response = client.get("/api/search/", {"q": "ships in a storm"})
    assert response.status_code == 200
    body = response.json()
    assert _slugs(response)[0] == collection["ship"].slug
    first = body["results"][0]
    assert first["explanation"]["matched_fields"]["title"] == ["Ships", "storm"]
    assert set(first["explanation"]["channels"]) == {"keyword", "text", "visual"}
    assert first["explanation"]["summary"][0] == "Matches ‘Ships’ and ‘storm’ in the title"
    assert body["notice"] == ""
    assert {"keyword", "encode", "fuse", "total"} <= set(body["timings_ms"])


def test_meaning_finds_records_without_shared_words(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    response = client.get("/api/search/", {"q": "ice skaters"})
    assert _slugs(response)[0] == collection["skaters"].slug


def test_restricted_records_never_appear_even_from_a_stale_index(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    secret = collection["secret"]
    CollectionObject.objects.filter(pk=secret.pk).update(visibility=Visibility.RESTRICTED)
    response = client.get("/api/search/", {"q": "secret ship"})
    assert secret.slug not in _slugs(response)


# Committed for real: each write moves the collection version on, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_record_restricted_after_a_search_is_gone_from_the_next_one(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    # The first search leaves this worker holding the public ids and the hit cards.
    secret = collection["secret"]
    assert secret.slug in _slugs(client.get("/api/search/", {"q": "secret ship"}))
    secret.visibility = Visibility.RESTRICTED
    secret.save()
    assert secret.slug not in _slugs(client.get("/api/search/", {"q": "secret ship"}))


@pytest.mark.django_db(transaction=True)
def test_a_changed_record_shows_its_new_card_in_the_next_search(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    dog = collection["dog"]
    client.get("/api/search/", {"q": "dog"})
    dog.date_display = "about 1890"
    dog.save()
    first = client.get("/api/search/", {"q": "dog"}).json()["results"][0]["object"]
    assert (first["slug"], first["date_display"]) == (dog.slug, "about 1890")


def test_filters_keep_only_matching_objects(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    response = client.get("/api/search/", {"q": "ships", "type": "photograph"})
    assert _slugs(response) == [collection["skaters"].slug]


def test_without_vector_indexes_keyword_results_come_with_a_notice(
    client: Client, settings: object, tmp_path: object, collection: dict[str, CollectionObject]
) -> None:
    settings.INDEX_DIR = tmp_path / "empty-index"  # type: ignore[attr-defined, operator]
    response = client.get("/api/search/", {"q": "dog"})
    assert response.status_code == 200
    assert "keyword results only" in response.json()["notice"]
    assert _slugs(response) == [collection["dog"].slug]


def test_a_photo_of_an_object_finds_it(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    upload = SimpleUploadedFile("photo.jpg", _picture("stripes"), content_type="image/jpeg")
    response = client.post("/api/search/by-image/", {"image": upload})
    assert response.status_code == 200
    assert _slugs(response)[0] == collection["ship"].slug
    assert set(response.json()["results"][0]["explanation"]["channels"]) == {"visual", "joint"}


def test_object_page_shows_more_like_this(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    html = client.get(collection["ship"].get_absolute_url()).content.decode()
    assert "More like this" in html
    assert collection["skaters"].title in html


def _json_schema(openapi: Any, name: str) -> dict[str, Any]:
    """An OpenAPI 3.0 component as a JSON Schema (``nullable`` becomes a null alternative)."""

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        converted = {key: convert(value) for key, value in node.items() if key != "nullable"}
        if node.get("nullable"):
            return {"anyOf": [converted, {"type": "null"}]}
        return converted

    return {"$ref": f"#/components/schemas/{name}", "components": convert(openapi["components"])}


def test_responses_match_the_documented_schema(
    client: Client, collection: dict[str, CollectionObject]
) -> None:
    # The body is built as plain data for speed; the OpenAPI schema is what clients read.
    from drf_spectacular.generators import SchemaGenerator

    openapi = SchemaGenerator().get_schema(request=None, public=True)
    schema = _json_schema(openapi, "SearchResults")
    by_words = client.get("/api/search/", {"q": "ships in a storm"}).json()
    upload = SimpleUploadedFile("photo.jpg", _picture("stripes"), content_type="image/jpeg")
    by_photo = client.post("/api/search/by-image/", {"image": upload}).json()
    for body in (by_words, by_photo):
        assert body["results"]
        jsonschema.validate(body, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**by_words, "count": "many"}, schema)
