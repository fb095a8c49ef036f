"""The object page answers Linked Art to a client that asks for it, and HTML to the rest."""

import pytest
from django.test import Client

from interop.negotiation import wants_linked_art
from tests.interop.linked_art.collection import Collection
from tests.interop.linked_art.conftest import HOST, LINKED_ART

pytestmark = pytest.mark.django_db
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PAGE = "/objects/harbour-at-dusk/"


@pytest.mark.parametrize(
    ("accept", "linked_art"),
    [
        (LINKED_ART, True),
        ("application/ld+json", True),
        ('application/ld+json; profile="https://linked.art/ns/v1/linked-art.json"', True),
        ("application/ld+json;q=0.5, text/html", False),
        ("text/html;q=0.5, application/ld+json", True),
        ('application/ld+json;profile="https://schema.org"', False),
        (BROWSER, False),
        ("*/*", False),
        ("", False),
        ("application/ld+json;q=nonsense", False),
        ("text/html," * 5000 + LINKED_ART, False),  # past the bound: the page
    ],
)
def test_which_accept_headers_get_linked_art(accept: str, linked_art: bool) -> None:
    assert wants_linked_art(accept) is linked_art


def test_linked_art_accept_gets_the_document(client: Client, collection: Collection) -> None:
    response = client.get(PAGE, HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)
    assert response.status_code == 200
    assert response["Content-Type"] == LINKED_ART
    assert response.json()["id"] == f"http://{HOST}/linked-art/object/harbour-at-dusk"
    assert "Accept" in response["Vary"]


def test_a_cached_page_is_never_served_as_json_ld_or_back(
    client: Client, collection: Collection
) -> None:
    html = client.get(PAGE, HTTP_HOST=HOST, HTTP_ACCEPT=BROWSER)
    assert html["Content-Type"].startswith("text/html")
    as_linked_art = client.get(PAGE, HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)
    assert as_linked_art["Content-Type"] == LINKED_ART
    again = client.get(PAGE, HTTP_HOST=HOST, HTTP_ACCEPT=BROWSER)
    assert again["Content-Type"].startswith("text/html")
    assert again.content == html.content
    assert "Accept" in again["Vary"]


def test_json_ld_first_does_not_poison_the_page(client: Client, collection: Collection) -> None:
    page = "/objects/bust/"
    assert client.get(page, HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)["Content-Type"] == LINKED_ART
    html = client.get(page, HTTP_HOST=HOST, HTTP_ACCEPT=BROWSER)
    assert html["Content-Type"].startswith("text/html")
    assert b"Bust of a Sailor" in html.content


def test_head_is_answered_too(client: Client, collection: Collection) -> None:
    response = client.head(PAGE, HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)
    assert response.status_code == 200
    assert response["Content-Type"] == LINKED_ART


@pytest.mark.parametrize("slug", ["sacred-object", "draft-object", "no-such-object"])
def test_hidden_objects_are_the_same_404_by_negotiation(
    client: Client, collection: Collection, slug: str
) -> None:
    response = client.get(f"/objects/{slug}/", HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)
    assert response.status_code == 404
    assert response.content == b'{"error": "Not found"}'


def test_other_pages_are_not_negotiated(client: Client, collection: Collection) -> None:
    response = client.get("/objects/", HTTP_HOST=HOST, HTTP_ACCEPT=LINKED_ART)
    assert response["Content-Type"].startswith("text/html")
    sub_page = client.get(
        "/objects/harbour-at-dusk/restorations/1/download.png",
        HTTP_HOST=HOST,
        HTTP_ACCEPT=LINKED_ART,
    )
    assert sub_page["Content-Type"] != LINKED_ART
