"""The browse page: facets with counts, sorting, pagination, named filters, 400s."""

import re

import pytest
from django.test import Client

from exhibition.models import Place, Visibility
from tests import builders

pytestmark = pytest.mark.django_db

URL = "/objects/"


def _titles(html: str) -> list[str]:
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html)


def test_lists_public_objects_only(client: Client) -> None:
    builders.make_object(title="Harbour at dawn")
    builders.make_object(title="Sacred bundle", visibility=Visibility.RESTRICTED)
    builders.make_object(title="Unfinished record", visibility=Visibility.DRAFT)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert _titles(html) == ["Harbour at dawn"]
    assert "1 object" in html
    assert "Sacred bundle" not in html
    assert "Unfinished record" not in html


def test_facets_show_counts_and_filter_results(client: Client) -> None:
    builders.make_object(title="Storm", object_type="painting", culture="Netherlands")
    builders.make_object(title="Calm", object_type="painting", culture="Netherlands")
    builders.make_object(title="Portrait", object_type="photograph", culture="France")
    builders.make_object(title="Hidden", object_type="photograph", visibility=Visibility.DRAFT)

    html = client.get(URL).content.decode()
    assert re.search(
        r'value="painting"[^>]*>\s*<label[^>]*>Painting <span class="facet__count">\(2\)', html
    )
    assert re.search(
        r'value="photograph"[^>]*>\s*<label[^>]*>Photograph <span class="facet__count">\(1\)', html
    )

    filtered = client.get(URL, {"type": "photograph"}).content.decode()
    assert _titles(filtered) == ["Portrait"]
    assert re.search(r'value="photograph" checked', filtered)


def test_boolean_facets_filter_by_3d_model(client: Client) -> None:
    with_model = builders.make_object(title="Statue")
    builders.add_model(with_model)
    builders.make_object(title="Drawing")

    html = client.get(URL, {"has_3d": "true"}).content.decode()

    assert _titles(html) == ["Statue"]
    assert re.search(r'id="facet-has_3d-true"[^>]*checked', html)
    assert "3D model</li>" in html


def test_sorting_orders_results(client: Client) -> None:
    builders.make_object(title="Beta", date_start=1900, date_end=1900)
    builders.make_object(title="Alpha", date_start=1700, date_end=1700)
    builders.make_object(title="Gamma", date_start=1500, date_end=1500)

    assert _titles(client.get(URL).content.decode()) == ["Alpha", "Beta", "Gamma"]
    assert _titles(client.get(URL, {"sort": "-title"}).content.decode()) == [
        "Gamma",
        "Beta",
        "Alpha",
    ]
    newest = client.get(URL, {"sort": "-date"}).content.decode()
    assert _titles(newest) == ["Beta", "Alpha", "Gamma"]
    assert '<option value="-date" selected>Newest first</option>' in newest


def test_paginates_24_a_page_with_current_page_marked(client: Client) -> None:
    for n in range(30):
        builders.make_object(title=f"Object {n:02d}")

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": "2"}).content.decode()

    assert len(_titles(first)) == 24
    assert _titles(second) == [f"Object {n:02d}" for n in range(24, 30)]
    assert "30 objects, showing 1–24" in first
    assert re.search(
        r'href="\?page=2" aria-current="page"><span class="visually-hidden">Page </span>2', second
    )
    assert 'rel="prev"' in second


def test_page_links_keep_the_filters(client: Client) -> None:
    for n in range(25):
        builders.make_object(title=f"Print {n:02d}", object_type="print")

    html = client.get(URL, {"type": "print", "sort": "-title"}).content.decode()

    assert 'href="?type=print&amp;sort=-title&amp;page=2"' in html


def test_agent_filter_shows_objects_by_heading(client: Client) -> None:
    painter = builders.make_agent("Johannes Vermeer")
    builders.make_object(title="View of Delft", creator=painter)
    builders.make_object(title="Someone else's work")

    html = client.get(URL, {"agent": painter.slug}).content.decode()

    assert "<h1>Objects by Johannes Vermeer</h1>" in html
    assert _titles(html) == ["View of Delft"]


def test_place_filter_shows_objects_from_heading(client: Client) -> None:
    place = Place.objects.create(slug="japan", name="Japan")
    builders.make_object(title="Great Wave", place=place)
    builders.make_object(title="Elsewhere")

    html = client.get(URL, {"place": "japan"}).content.decode()

    assert "<h1>Objects from Japan</h1>" in html
    assert _titles(html) == ["Great Wave"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"colour": "blue"}, "Unknown filter colour."),
        ({"sort": "price"}, "&#x27;sort&#x27; must be one of"),
        ({"century": "nineteen"}, "&#x27;century&#x27; must be a whole number"),
        ({"has_3d": "maybe"}, "&#x27;has_3d&#x27; must be true or false"),
        ({"page": "abc"}, "&#x27;page&#x27; must be a whole number such as 2"),
        ({"agent": "nobody"}, "There is no agent &#x27;nobody&#x27; in the collection."),
        ({"place": "atlantis"}, "There is no place &#x27;atlantis&#x27; in the collection."),
    ],
)
def test_bad_parameter_answers_400_saying_what_was_wrong(
    client: Client, params: dict[str, str], message: str
) -> None:
    builders.make_object(title="Only object")

    response = client.get(URL, params)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_agent_of_only_restricted_objects_is_not_revealed(client: Client) -> None:
    agent = builders.make_agent("Community maker")
    builders.make_object(title="Restricted", creator=agent, visibility=Visibility.RESTRICTED)

    response = client.get(URL, {"agent": agent.slug})

    assert response.status_code == 400
    assert "Community maker" not in response.content.decode()


def test_empty_result_says_so(client: Client) -> None:
    builders.make_object(title="Painting", object_type="painting")

    html = client.get(URL, {"date_from": "1990"}).content.decode()

    assert "No objects match these filters." in html
    assert "Clear all filters" in html


def test_long_facets_fold_the_smaller_values_but_keep_selected_ones_visible(client: Client) -> None:
    for n in range(12):
        for _ in range(12 - n):
            builders.make_object(title=f"From culture {n:02d}", culture=f"Culture {n:02d}")

    html = client.get(URL).content.decode()
    top, folded = html.split('<details class="facet__more">')
    assert "<summary>4 more</summary>" in folded
    assert "Culture 00 <span" in top and "Culture 07 <span" in top
    assert "Culture 08 <span" in folded and "Culture 11 <span" in folded

    selected = client.get(URL, {"culture": "Culture 11"}).content.decode()
    visible = selected.split('<details class="facet__more">')[0]
    assert re.search(r'value="Culture 11" checked>\s*<label[^>]*>Culture 11 ', visible)
    assert "<summary>3 more</summary>" in selected
