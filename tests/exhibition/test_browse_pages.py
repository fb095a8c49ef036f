"""Browse pages by keyset: the links walk every public object once, either way, in order."""

import html
import re

import pytest
from django.http import QueryDict
from django.test import Client

from exhibition.browse import browse_objects, parse_browse_params
from exhibition.models import Visibility
from exhibition.views import browse as browse_view
from tests import builders

pytestmark = pytest.mark.django_db

URL = "/objects/"
PER_PAGE = 3


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # Three a page, so a dozen objects make pages whose links carry cursors.
    monkeypatch.setattr(browse_view, "PAGE_SIZE", PER_PAGE)


def _slugs(page_html: str) -> list[str]:
    return re.findall(r'class="card__link" href="/objects/([^/"]+)/"', page_html)


def _link(page_html: str, rel: str) -> str | None:
    found = re.search(rf'href="\?([^"]+)" rel="{rel}"', page_html)
    return f"{URL}?{html.unescape(found.group(1))}" if found else None


def _walk(client: Client, start: str, rel: str) -> list[list[str]]:
    pages: list[list[str]] = []
    url: str | None = start
    while url is not None:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        pages.append(_slugs(body))
        url = _link(body, rel)
        assert len(pages) < 50
    return pages


def _expected(params: str) -> list[str]:
    return [o.slug for o in browse_objects(parse_browse_params(QueryDict(params)))]


def _bowls_with_ties() -> None:
    """14 public bowls whose titles and dates repeat (only the id breaks the ties), and a
    restricted one that no page may show."""
    for n in range(14):
        builders.make_object(title=f"Bowl {n % 3}", date_start=1800 + n % 2, date_end=1801)
    builders.make_object(title="Bowl 0", visibility=Visibility.RESTRICTED)


@pytest.mark.parametrize("sort", ["title", "-title", "date", "-date", "recent"])
def test_next_and_previous_links_walk_every_object_once_with_ties(
    client: Client, sort: str
) -> None:
    _bowls_with_ties()  # no object may be lost or shown twice

    forwards = _walk(client, f"{URL}?sort={sort}", "next")
    last_page = len(forwards)
    backwards = _walk(client, f"{URL}?sort={sort}&page={last_page}", "prev")

    expected = _expected(f"sort={sort}")
    assert len(expected) == 14
    assert [slug for page in forwards for slug in page] == expected
    assert [slug for page in reversed(backwards) for slug in page] == expected
    assert last_page == 5


@pytest.mark.parametrize("sort", ["title", "-title", "date", "-date", "recent"])
def test_a_typed_page_number_shows_that_slice_of_the_order_with_ties(
    client: Client, sort: str
) -> None:
    # Typed numbers (no cursor) skip rows by the sort's columns alone, from the end past
    # the middle: each page is still exactly its slice, ties and all.
    _bowls_with_ties()
    expected = _expected(f"sort={sort}")

    for number in range(1, 6):
        body = client.get(URL, {"sort": sort, "page": str(number)}).content.decode()
        start = (number - 1) * PER_PAGE
        assert _slugs(body) == expected[start : start + PER_PAGE], number


def test_numbered_links_carry_cursors_and_show_the_same_pages_as_page_numbers(
    client: Client,
) -> None:
    for n in range(20):
        builders.make_object(title=f"Print {n:02d}", object_type="print")
    builders.make_object(title="Coin", object_type="coin")

    body = client.get(URL, {"type": "print", "page": "4"}).content.decode()
    links = dict(
        (int(number), html.unescape(query))
        for query, number in re.findall(
            r'href="\?([^"]+)"[^>]*><span class="visually-hidden">Page </span>(\d+)</a>', body
        )
    )
    assert sorted(links) == [1, 2, 3, 4, 5, 6, 7]
    assert "cursor=" in links[2] and "cursor=" in links[6]
    for number, query in links.items():
        by_link = _slugs(client.get(f"{URL}?{query}").content.decode())
        by_number = _slugs(client.get(URL, {"type": "print", "page": str(number)}).content.decode())
        assert by_link == by_number, number
        start = (number - 1) * PER_PAGE
        assert by_number == _expected("type=print")[start : start + PER_PAGE]


def test_a_cursor_made_for_other_filters_or_tampered_with_is_ignored(client: Client) -> None:
    for n in range(12):
        builders.make_object(title=f"Vase {n:02d}", object_type="vase" if n % 2 else "cup")
    body = client.get(URL, {"page": "2"}).content.decode()
    next_url = _link(body, "next")
    assert next_url is not None and "cursor=" in next_url
    cursor = QueryDict(next_url.split("?", 1)[1])["cursor"]

    other_filters = client.get(URL, {"type": "vase", "page": "3", "cursor": cursor})
    tampered = client.get(URL, {"page": "3", "cursor": cursor[:-2] + "xx"})

    assert _slugs(other_filters.content.decode()) == _expected("type=vase")[6:9]
    assert _slugs(tampered.content.decode()) == _expected("")[6:9]


def test_a_page_past_the_end_is_the_not_found_page(client: Client) -> None:
    for n in range(4):
        builders.make_object(title=f"Cup {n}")

    response = client.get(URL, {"page": "99999"})

    assert response.status_code == 404
    assert any(t.name == "404.html" for t in response.templates)
    assert client.get(URL, {"page": "2"}).status_code == 200
    assert client.get(URL, {"page": "3"}).status_code == 404


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1.5", "9" * 40])
def test_a_page_that_is_not_a_number_is_a_400_or_404_never_a_500(client: Client, raw: str) -> None:
    builders.make_object(title="Cup")
    assert client.get(URL, {"page": raw}).status_code in {400, 404}


def test_an_empty_collection_shows_page_one_and_no_further(client: Client) -> None:
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"page": "2"}).status_code == 404
