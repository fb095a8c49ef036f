"""The search pages in French under /fr/, and the English pages as they were."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from exhibition.models import CollectionObject
from search.explanations import Explanation
from search.keyword import rebuild_keyword_index
from search.throttling import wait_words
from tests.builders import add_translation, make_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def skaters() -> None:
    make_object(title="Skaters on a frozen canal", description="People skating on the ice.")
    rebuild_keyword_index()


def _page(client: Client, path: str, **params: str) -> tuple[int, str]:
    response = client.get(path, params)
    return response.status_code, response.content.decode()


def test_the_french_search_page_speaks_french(client: Client) -> None:
    status, html = _page(client, "/fr/search/")
    assert status == 200
    assert '<html lang="fr">' in html
    assert "Rechercher dans la collection" in html
    assert "Chercher avec une photo" in html
    assert "Saisissez ce que vous cherchez, ou cherchez avec une photo." in html
    assert "Search the collection" not in html
    assert "Search with a photo" not in html
    # The script's own sentences come from the page, in French.
    assert 'data-searching="Recherche avec votre photo…"' in html
    assert 'data-failed="La recherche a échoué. Veuillez réessayer."' in html
    # Links between pages stay in French.
    assert 'action="/fr/search/"' in html and 'action="/fr/search/photo/"' in html


def test_french_results_say_how_many_and_why_in_french(client: Client, skaters: None) -> None:
    status, html = _page(client, "/fr/search/", q="skating")
    assert status == 200
    assert "1 résultat pour «\u00a0skating\u00a0»" in html
    assert "Correspond à «\u00a0skating\u00a0» dans la description" in html
    assert 'aria-label="Pourquoi ce résultat"' in html
    assert "<summary>Détails</summary>" in html
    assert "result for" not in html and "Matches" not in html
    # The record itself is not translated.
    assert "Skaters on a frozen canal" in html


def test_nothing_matched_is_said_in_french(client: Client, skaters: None) -> None:
    status, html = _page(client, "/fr/search/", q="qwertyuiop")
    assert status == 200
    assert "Rien dans la collection ne correspond à «\u00a0qwertyuiop\u00a0»." in html
    assert "Nothing in the collection matched" not in html


def test_a_misspelling_is_offered_in_french(client: Client, skaters: None) -> None:
    status, html = _page(client, "/fr/search/", q="frozn")
    assert status == 200
    assert "Vouliez-vous dire" in html and "Did you mean" not in html


def test_french_errors_say_what_is_wrong_in_french(client: Client) -> None:
    status, html = _page(client, "/fr/search/", q="x" * 501)
    assert status == 400
    assert "Une recherche compte au plus 500 caractères." in html

    response = client.post("/fr/search/photo/")
    assert response.status_code == 400
    assert "Choisissez d’abord une photo." in response.content.decode()

    text = SimpleUploadedFile("notes.txt", b"not a picture at all", content_type="text/plain")
    response = client.post("/fr/search/photo/", {"image": text})
    assert response.status_code == 415
    page = response.content.decode()
    assert "La recherche par photo accepte les images JPEG, PNG ou WebP." in page
    assert "Search by photo takes" not in page


def test_the_english_pages_are_unchanged(client: Client, skaters: None) -> None:
    status, html = _page(client, "/search/", q="skating")
    assert status == 200
    assert '<html lang="en">' in html
    assert "Search the collection" in html
    assert "1 result for “skating”" in html
    assert "Matches ‘skating’ in the description" in html
    assert 'data-searching="Searching with your photo…"' in html
    assert "Rechercher dans la collection" not in html and "résultat" not in html

    status, html = _page(client, "/search/", q="qwertyuiop")
    assert "Nothing in the collection matched “qwertyuiop”." in html


def test_the_reasons_follow_the_language_they_are_read_in() -> None:
    explanation = Explanation(fields={"title": ["Rembrandt"], "creators": ["Rembrandt"]})
    with translation.override("fr"):
        assert explanation.sentences() == [
            "Correspond à «\u00a0Rembrandt\u00a0» dans le titre et le nom de l’artiste"
        ]
        assert Explanation(asked_by="photo").sentences() == [
            "Ressemble à votre photo, selon la comparaison d’images d’un modèle"
        ]
    assert explanation.sentences() == ["Matches ‘Rembrandt’ in the title and the artist's name"]


def test_waits_are_counted_in_french() -> None:
    with translation.override("fr"):
        assert wait_words(1) == "1 seconde"
        assert wait_words(30) == "30 secondes"
        assert wait_words(600) == "10 minutes"
    assert wait_words(1) == "1 second"


def test_the_like_and_tour_buttons_speak_french(client: Client, skaters: None) -> None:
    status, html = _page(client, "/fr/search/", q="skating")
    assert status == 200
    found = re.search(r'<script type="application/json" id="interaction-strings">(.*?)<', html)
    assert found is not None
    strings = json.loads(found.group(1))
    assert strings["like"] == "J’aime"
    assert strings["add"] == "Ajouter à mon parcours"
    assert strings["added"] == "Dans mon parcours"

    status, english = _page(client, "/search/", q="skating")
    assert '"like": "I like this"' in english and "J’aime" not in english


def test_french_results_show_french_titles_and_mark_untranslated_ones(
    client: Client, skaters: None
) -> None:
    skaters_obj = CollectionObject.objects.get(title="Skaters on a frozen canal")
    add_translation(skaters_obj, "fr", title="Patineurs sur un canal gelé")
    make_object(title="Skating lesson", description="A skating lesson.")
    rebuild_keyword_index()

    status, html = _page(client, "/fr/search/", q="skating")

    assert status == 200
    assert re.search(r'href="/fr/objects/[^"]+/">Patineurs sur un canal gelé</a>', html)
    assert 'data-object-title="Patineurs sur un canal gelé"' in html
    assert re.search(r'href="/fr/objects/[^"]+/" lang="en">Skating lesson</a>', html)
    status, english = _page(client, "/search/", q="skating")
    assert ">Skaters on a frozen canal</a>" in english and "Patineurs" not in english
    assert 'lang="en">Skating lesson' not in english


@pytest.mark.django_db(transaction=True)  # nothing comes from the page cache between counts
def test_result_titles_cost_no_query_per_result(client: Client, steady_version: None) -> None:
    def search_queries() -> int:
        # The first search after a change calibrates the relevance floors (a thousand null
        # queries whose count follows the collection's words): another query pays for it.
        _page(client, "/fr/search/", q="patinage")
        with CaptureQueriesContext(connection) as queries:
            status, _html = _page(client, "/fr/search/", q="skating")
            assert status == 200
        return len(queries.captured_queries)

    for n in range(2):
        add_translation(make_object(title=f"Skating {n}"), "fr", title=f"Patinage {n}")
    rebuild_keyword_index()
    few = search_queries()
    for n in range(6):
        add_translation(make_object(title=f"More skating {n}"), "fr", title=f"Patins {n}")
    rebuild_keyword_index()
    assert search_queries() == few


@pytest.mark.parametrize(
    ("params", "french", "english"),
    [
        (
            {"century": "abc"},
            "«\u00a0century\u00a0» doit être un nombre entier",
            "must be a whole number",
        ),
        ({"sort": "zz"}, "«\u00a0sort\u00a0» doit valoir l’une des valeurs", "must be one of"),
        ({"colour": "red"}, "Filtre inconnu : colour.", "Unknown filter colour."),
        ({"page": "x"}, "«\u00a0page\u00a0» doit être un nombre entier", "must be a whole number"),
    ],
)
def test_bad_filters_are_explained_in_french(
    client: Client, params: dict[str, str], french: str, english: str
) -> None:
    status, html = _page(client, "/fr/search/", q="skating", **params)
    assert status == 400
    assert french in html and english not in html

    status, html = _page(client, "/search/", q="skating", **params)
    assert status == 400
    assert english in html and french not in html
