"""The public exhibition pages in French under /fr/, and the English ones unchanged.

French strings come from locale/fr/LC_MESSAGES/django.mo, compiled from locale/fr/parts/.
"""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from config.error_views import server_error
from exhibition.browse import century_label
from exhibition.models import CollectionObject, ReviewStatus
from exhibition.restoration_display import AI_LABEL
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_does_not_leak() -> Iterator[None]:
    # A request under /fr/ leaves French active in the thread; later tests that call
    # gettext outside a request must not inherit it.
    yield
    translation.deactivate()


def test_home_page_in_french(client: Client) -> None:
    star = builders.make_object(title="The Night Watch", featured=True)
    builders.add_image(star)
    builders.make_exhibition(star, title="Faces of the Golden Age", featured=True)

    html = client.get("/fr/").content.decode()

    assert '<html lang="fr">' in html
    assert "<title>Vitrine — une exposition en ligne</title>" in html
    assert "Découvrez 1 objet de la collection" in html
    assert "Expositions à la une" in html
    assert "Featured exhibitions" not in html
    assert "Browse the collection" not in html
    # Record data stays as catalogued.
    assert "The Night Watch" in html and "Faces of the Golden Age" in html
    assert 'href="/fr/objects/"' in html


def test_english_home_page_is_unchanged(client: Client) -> None:
    builders.add_image(builders.make_object(title="The Night Watch", featured=True))

    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert "Explore 1 object from the collection" in html
    assert "Découvrez" not in html
    assert 'href="/objects/"' in html


def test_browse_page_in_french_with_facets_sorts_and_counts(client: Client) -> None:
    for n in range(30):
        builders.make_object(title=f"Print {n:02d}", date_start=1850, date_end=1850)

    html = client.get("/fr/objects/?page=2").content.decode()

    assert "<title>Parcourir la collection (page 2) — Vitrine</title>" in html
    assert "Filtrer et trier" in html
    assert "<legend>Siècle</legend>" in html
    assert "XIXe siècle" in html
    assert '<option value="date">Du plus ancien au plus récent</option>' in html
    assert "30 objets, résultats 25 à 30" in html
    assert '<span class="visually-hidden">Page </span>Précédente' in html
    for english in ("Filter and sort", "19th century", "Oldest first", "Apply filters"):
        assert english not in html


def test_english_browse_page_is_unchanged(client: Client) -> None:
    for n in range(30):
        builders.make_object(title=f"Print {n:02d}")

    html = client.get("/objects/?page=2").content.decode()

    assert "<title>Browse the collection (page 2) — Vitrine</title>" in html
    assert "30 objects, showing 25–30" in html
    assert 'rel="prev">Previous<span class="visually-hidden"> page</span>' in html
    assert "Filtrer" not in html


def test_bad_browse_parameters_are_explained_in_french(client: Client) -> None:
    builders.make_object()

    response = client.get("/fr/objects/?page=neuf")

    assert response.status_code == 400
    html = response.content.decode()
    assert "doit être un nombre entier, par exemple 2, et non" in html
    assert "must be a whole number" not in html
    # A page past the end is a page that does not exist: the site's 404, in French.
    beyond = client.get("/fr/objects/?page=9")
    assert beyond.status_code == 404
    assert 'lang="fr"' in beyond.content.decode()


def test_api_errors_stay_english(client: Client) -> None:
    response = client.get("/api/objects/?century=abc", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 400
    assert "must be a whole number" in response.json()["detail"]


def test_exhibition_page_in_french(client: Client) -> None:
    first, second = builders.make_object(title="Harbour"), builders.make_object(title="Clouds")
    builders.add_image(first)
    exhibition = builders.make_exhibition(first, second, title="The Sea and the Sky")

    html = client.get(f"/fr/exhibitions/{exhibition.slug}/").content.decode()

    assert "<title>The Sea and the Sky — Vitrine</title>" in html
    assert "Commencer la visite" in html
    assert "2 objets" in html
    assert "Voir toutes les expositions" in html
    assert "Begin the exhibition" not in html and "About this object" not in html


def test_licences_page_in_french(client: Client) -> None:
    builders.make_object(title="Mona Lisa", licence="PDM-1.0")
    builders.make_object(title="Corset", licence="CC-BY-SA-4.0")

    html = client.get("/fr/licences/").content.decode()

    assert "<h1>Licences et crédits</h1>" in html
    assert "Marque du domaine public 1.0" in html
    assert "Creative Commons Attribution – Partage dans les mêmes conditions 4.0" in html
    assert "Mention de crédit" in html
    assert "Public Domain Mark 1.0" not in html and "Credit line" not in html


def test_restoration_comparison_in_french_says_ai_reconstruction(client: Client) -> None:
    obj = builders.make_object(title="Torn print")
    image = builders.add_image(obj)
    curator = builders.make_curator()
    builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    # The object page's own template is translated elsewhere; the comparison is ours.
    restoration = obj.images.get().restorations.get()
    with translation.override("fr"):
        html = render_to_string(
            "exhibition/includes/restoration.html",
            {"restoration": restoration, "obj": obj, "n": 1},
        )

    assert "Reconstruction par IA — pas l’original" in html
    assert 'aria-valuetext="50 % de reconstruction, 50 % d’original"' in html
    assert 'data-valuetext="{reconstruction} % de reconstruction, {original} % d’original"' in html
    assert AI_LABEL not in html


def test_page_not_found_in_french(client: Client) -> None:
    with override_settings(DEBUG=False):
        response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page introuvable</h1>" in html
    assert 'href="/fr/objects/"' in html
    assert "Page not found" not in html


def test_century_labels_follow_the_language() -> None:
    with translation.override("en"):
        assert [century_label(c) for c in (1, 19, 21, -5)] == [
            "1st century",
            "19th century",
            "21st century",
            "5th century BCE",
        ]
    with translation.override("fr"):
        assert [century_label(c) for c in (1, 19, 21, -5)] == [
            "Ier siècle",
            "XIXe siècle",
            "XXIe siècle",
            "Ve siècle av. J.-C.",
        ]


def test_server_error_page_in_french_links_home_in_french(rf: RequestFactory) -> None:
    with translation.override("fr"):
        response = server_error(rf.get("/fr/objects/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "<h1>Une erreur s’est produite</h1>" in html
    assert '<a class="button" href="/fr/">Aller à la page d’accueil</a>' in html
    assert "Something went wrong" not in html


def test_object_page_in_french_names_its_licence_and_hides_media_in_french(
    client: Client,
) -> None:
    obj = builders.make_object(
        slug="ancestor", licence="CC-BY-SA-4.0", content_note="Shows a named ancestor."
    )
    builders.add_image(obj)

    french = client.get("/fr/objects/ancestor/").content.decode()
    english = client.get("/objects/ancestor/").content.decode()

    assert ">Creative Commons Attribution – Partage dans les mêmes conditions 4.0</a>" in french
    assert 'data-hide-text="Masquer les médias"' in french
    assert ">Afficher les médias</button>" in french
    assert "Hide media" not in french
    assert ">Creative Commons Attribution-ShareAlike 4.0</a>" in english
    assert 'data-hide-text="Hide media"' in english


def test_the_object_page_gives_the_like_and_tour_buttons_french_words(client: Client) -> None:
    builders.make_object(slug="harbour")

    french = client.get("/fr/objects/harbour/").content.decode()

    assert 'id="interaction-strings"' in french
    assert '"like": "J\\u2019aime"' in french or '"like": "J’aime"' in french
    assert '"add": "Ajouter à mon parcours"' in french
    assert '"like": "I like this"' in client.get("/objects/harbour/").content.decode()


def test_exhibition_story_shows_titles_in_french_and_marks_the_others(client: Client) -> None:
    translated = builders.make_object(slug="harbour", title="Harbour")
    builders.add_translation(translated, "fr", title="Le Port")
    untranslated = builders.make_object(slug="clouds", title="Clouds")
    builders.add_image(translated)
    exhibition = builders.make_exhibition(translated, untranslated, title="The Sea and the Sky")

    french = client.get(f"/fr/exhibitions/{exhibition.slug}/").content.decode()
    english = client.get(f"/exhibitions/{exhibition.slug}/").content.decode()

    assert 'href="/fr/objects/harbour/">Le Port</a></h3>' in french
    assert 'href="/fr/objects/clouds/" lang="en">Clouds</a></h3>' in french
    assert "Zoom into detail" not in french
    assert 'href="/objects/harbour/">Harbour</a></h3>' in english
    assert "Le Port" not in english and 'lang="en">Clouds' not in english


@pytest.mark.django_db(transaction=True)  # each write commits, so no page comes from cache
def test_exhibition_story_titles_cost_no_query_per_object(
    client: Client, steady_version: None
) -> None:
    def story_queries(slug: str) -> int:
        cache.clear()  # the page cache would answer a second visit without the database
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/fr/exhibitions/{slug}/").status_code == 200
        return len(queries.captured_queries)

    def objects(count: int, start: int) -> list[CollectionObject]:
        made = [builders.make_object(title=f"Object {start + n}") for n in range(count)]
        for obj in made:
            builders.add_translation(obj, "fr", title=f"Objet {obj.pk}")
        return made

    few = builders.make_exhibition(*objects(2, 0), slug="few", title="Few")
    many = builders.make_exhibition(*objects(8, 2), slug="many", title="Many")
    story_queries(few.slug)  # the first page of a test fills per-process caches
    assert story_queries(many.slug) == story_queries(few.slug)
