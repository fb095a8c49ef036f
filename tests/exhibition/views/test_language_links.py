"""Every visitor page exists in English and French: the switcher and hreflang links."""

import re

import pytest
from django.test import Client

from tests import builders

pytestmark = pytest.mark.django_db


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _switcher(html: str) -> list[tuple[str, str]]:
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)


def test_an_object_page_links_its_french_version_and_back(client: Client) -> None:
    builders.make_object(slug="the-harbour", title="The Harbour")
    english = client.get("/objects/the-harbour/").content.decode()
    assert '<html lang="en">' in english
    assert _alternates(english) == {
        "en": "http://testserver/objects/the-harbour/",
        "x-default": "http://testserver/objects/the-harbour/",
        "fr": "http://testserver/fr/objects/the-harbour/",
    }
    assert _switcher(english) == [
        ("/objects/the-harbour/", "en"),
        ("/fr/objects/the-harbour/", "fr"),
    ]

    french = client.get("/fr/objects/the-harbour/").content.decode()
    assert '<html lang="fr">' in french
    assert _switcher(french) == [
        ("/objects/the-harbour/", "en"),
        ("/fr/objects/the-harbour/", "fr"),
    ]
    assert 'aria-current="true">Français</a>' in french


def test_search_keeps_its_terms_across_languages(client: Client) -> None:
    html = client.get("/search/", {"q": "harbour"}).content.decode()
    assert ("/fr/search/?q=harbour", "fr") in _switcher(html)


def test_other_pages_drop_the_query_string(client: Client) -> None:
    builders.make_object(slug="the-harbour", title="The Harbour")
    html = client.get("/objects/the-harbour/", {"object": "a-secret-slug"}).content.decode()
    assert "a-secret-slug" not in html
    assert ("/fr/objects/the-harbour/", "fr") in _switcher(html)


def test_a_cached_page_is_never_served_in_the_other_language(
    client: Client, settings: object
) -> None:
    settings.VITRINE_PAGE_CACHE = True  # type: ignore[attr-defined]
    assert '<html lang="en">' in client.get("/").content.decode()
    assert '<html lang="fr">' in client.get("/fr/").content.decode()
    assert '<html lang="en">' in client.get("/").content.decode()


def test_machine_addresses_have_no_language_versions(client: Client) -> None:
    response = client.get("/fr/api/objects/")
    assert response.status_code == 404
    assert client.get("/api/objects/").status_code == 200
