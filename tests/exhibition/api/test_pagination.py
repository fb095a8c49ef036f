"""Cursor pages on the list endpoints: bounded sizes, next/previous links, stable positions."""

import base64
from urllib.parse import parse_qs, urlsplit

import pytest
from rest_framework.test import APIClient

from exhibition.models import CollectionObject, Visibility
from tests import builders

pytestmark = pytest.mark.django_db


def _object(n: int, *, title: str | None = None, start: int | None = None) -> CollectionObject:
    return CollectionObject(
        slug=f"object-{n:03d}",
        accession_number=f"B.{n:03d}",
        title=title or f"Object {n:03d}",
        object_type="print",
        licence="PDM-1.0",
        date_start=start,
        visibility=Visibility.PUBLIC,
    )


@pytest.fixture
def many_objects() -> None:
    CollectionObject.objects.bulk_create(_object(n) for n in range(105))


def _get(api: APIClient, url: str) -> dict:
    response = api.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def _walk(api: APIClient, url: str, link: str = "next") -> list[str]:
    slugs: list[str] = []
    next_url: str | None = url
    while next_url:
        data = _get(api, next_url)
        slugs += [item["slug"] for item in data["results"]]
        next_url = data[link]
    return slugs


def test_first_page_has_24_results_a_next_cursor_and_no_previous(
    api: APIClient, many_objects: None
) -> None:
    data = _get(api, "/api/objects/")
    assert set(data) == {"next", "previous", "results"}
    assert len(data["results"]) == 24
    assert data["previous"] is None
    assert "cursor=" in data["next"] and "page=" not in data["next"]


def test_following_next_visits_every_object_once_in_order(
    api: APIClient, many_objects: None
) -> None:
    slugs = _walk(api, "/api/objects/?page_size=10")
    assert slugs == [f"object-{n:03d}" for n in range(105)]


def test_previous_leads_back_to_the_same_pages(api: APIClient, many_objects: None) -> None:
    first = _get(api, "/api/objects/?page_size=10")
    second = _get(api, first["next"])
    back = _get(api, second["previous"])
    assert back["results"] == first["results"]
    assert back["previous"] is None
    assert _get(api, back["next"])["results"] == second["results"]


def test_page_size_is_capped_at_100(api: APIClient, many_objects: None) -> None:
    data = _get(api, "/api/objects/?page_size=500")
    assert len(data["results"]) == 100
    assert len(_get(api, data["next"])["results"]) == 5


def test_pages_are_stable_when_objects_are_added(api: APIClient, many_objects: None) -> None:
    first = _get(api, "/api/objects/?page_size=10")
    # Sorted before everything already seen: an offset page would repeat object-009.
    CollectionObject.objects.bulk_create(
        [_object(900, title="Aardvark"), _object(901, title="Abacus")]
    )
    second = _get(api, first["next"])
    assert [item["slug"] for item in second["results"]] == [
        f"object-{n:03d}" for n in range(10, 20)
    ]


def test_ties_in_the_sort_never_repeat_or_skip(api: APIClient) -> None:
    # 150 objects of one year: more ties than DRF's own cursor offset allows for.
    CollectionObject.objects.bulk_create(
        _object(n, title="Untitled", start=1850) for n in range(150)
    )
    slugs = _walk(api, "/api/objects/?sort=date&page_size=7")
    assert sorted(slugs) == [f"object-{n:03d}" for n in range(150)]
    assert len(slugs) == 150


def test_a_descending_sort_pages_back_and_forth(api: APIClient, many_objects: None) -> None:
    first = _get(api, "/api/objects/?sort=-title&page_size=50")
    assert first["results"][0]["slug"] == "object-104"
    second = _get(api, first["next"])
    assert second["results"][0]["slug"] == "object-054"
    assert _get(api, second["previous"])["results"] == first["results"]


def test_other_lists_page_by_cursor_too(api: APIClient) -> None:
    for n in range(3):
        builders.make_exhibition(builders.make_object(), slug=f"show-{n}", title=f"Show {n}")
    first = _get(api, "/api/exhibitions/?page_size=2")
    assert len(first["results"]) == 2
    rest = _get(api, first["next"])
    assert len(rest["results"]) == 1 and rest["next"] is None
    assert api.get("/api/exhibitions/?page=2").status_code == 400


def _cursor(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64!",
        _cursor("o=5&r=0&p=%5B%22Object+001%22%2C1%5D"),  # an offset: not one of ours
        _cursor("r=0&p=not-json"),
        _cursor("r=0&p=%5B1%5D"),  # wrong number of values
        _cursor("r=0&p=%5Bnull%2C1%5D"),
        _cursor("r=0&p=%5B%22x%22%2C%22y%22%2C%22z%22%5D"),
        "A" * 2001,
    ],
)
def test_a_bad_cursor_is_a_404_in_words(api: APIClient, many_objects: None, cursor: str) -> None:
    response = api.get("/api/objects/", {"cursor": cursor})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Invalid cursor")


def test_a_position_of_the_wrong_kind_is_a_404_not_a_500(
    api: APIClient, many_objects: None
) -> None:
    # sort=date orders by year first: a word where the year should be.
    response = api.get("/api/objects/?sort=date", {"cursor": _cursor('r=0&p=["x","y",1]')})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Invalid cursor")


def test_the_cursor_keeps_the_filters(api: APIClient, many_objects: None) -> None:
    data = _get(api, "/api/objects/?type=print&page_size=5")
    query = parse_qs(urlsplit(data["next"]).query)
    assert query["type"] == ["print"] and query["page_size"] == ["5"]
