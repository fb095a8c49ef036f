"""Cultures are faceted by their normalised form ("Dutch Republic"), detail kept per object.

The demo collection records ~75 cultures such as "Dutch Republic" and "Dutch Republic
(Delft)"; visitors filter on the ~35 groups, links made before the grouping still work,
and the object page keeps the detail.
"""

import pytest
from django.http import QueryDict
from django.test import Client
from rest_framework.test import APIClient

from exhibition.browse import browse_facets, browse_objects, parse_browse_params
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch() -> None:
    builders.make_object(slug="night-watch", title="The Night Watch", culture="Dutch Republic")
    builders.make_object(slug="delft", title="View of Delft", culture="Dutch Republic (Delft)")
    builders.make_object(slug="lacemaker", title="Lacemaker", culture="Dutch Republic (Delft)")
    builders.make_object(slug="leiden", title="Scholar", culture="Dutch Republic (Leiden)")
    builders.make_object(slug="paris", title="Paris street", culture="France (Paris)")
    # Shares the words but not the culture: "Dutch" alone is not "Dutch Republic".
    builders.make_object(slug="dutch", title="Tulips", culture="Dutch")


def _titles(query: str) -> list[str]:
    return [obj.title for obj in browse_objects(parse_browse_params(QueryDict(query)))]


def test_facet_counts_each_culture_group_once(dutch) -> None:  # type: ignore[no-untyped-def]
    facets = browse_facets(parse_browse_params(QueryDict("")))

    cultures = {value.value: value.count for value in facets["culture"]}
    assert cultures == {"Dutch Republic": 4, "France": 1, "Dutch": 1}


def test_group_filter_includes_the_detailed_cultures(dutch) -> None:  # type: ignore[no-untyped-def]
    assert _titles("culture=Dutch+Republic") == [
        "Lacemaker",
        "Scholar",
        "The Night Watch",
        "View of Delft",
    ]


def test_a_detailed_culture_link_still_filters_exactly(dutch) -> None:  # type: ignore[no-untyped-def]
    assert _titles("culture=Dutch+Republic+(Delft)") == ["Lacemaker", "View of Delft"]
    facets = browse_facets(parse_browse_params(QueryDict("culture=Dutch+Republic+(Delft)")))
    selected = [value for value in facets["culture"] if value.selected]
    assert [(v.value, v.count) for v in selected] == [("Dutch Republic (Delft)", 2)]


def test_browse_page_offers_groups_not_raw_values(client: Client, dutch) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/objects/").content.decode()

    assert 'value="Dutch Republic"' in html
    assert 'value="Dutch Republic (Delft)"' not in html
    assert 'value="France"' in html and 'value="France (Paris)"' not in html

    filtered = client.get("/objects/", {"culture": "Dutch Republic"}).content.decode()
    assert "View of Delft" in filtered and "Paris street" not in filtered


def test_api_culture_filter_accepts_the_group(dutch) -> None:  # type: ignore[no-untyped-def]
    api = APIClient()

    grouped = api.get("/api/objects/", {"culture": "Dutch Republic"}).json()
    exact = api.get("/api/objects/", {"culture": "Dutch Republic (Leiden)"}).json()

    assert len(grouped["results"]) == 4
    assert [item["slug"] for item in exact["results"]] == ["leiden"]
    assert {item["culture_group"] for item in grouped["results"]} == {"Dutch Republic"}


def test_object_page_links_the_group_and_keeps_the_detail(client: Client, dutch) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/objects/delft/").content.decode()

    assert (
        '<dd><a href="/objects/?culture=Dutch%20Republic">Dutch Republic</a> (Delft)</dd>' in html
    )
