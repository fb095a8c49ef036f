"""The public exhibition pages in French under /fr/, and the English ones unchanged.

French strings come from locale/fr/LC_MESSAGES/django.mo, compiled from locale/fr/parts/.
"""

from collections.abc import Iterator

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

from config.error_views import server_error
from exhibition.browse import century_label
from exhibition.models import ReviewStatus
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

    response = client.get("/fr/objects/?page=9")

    assert response.status_code == 400
    html = response.content.decode()
    assert "La page 9 n’existe pas : les résultats tiennent sur 1 page." in html
    assert "There is no page" not in html


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
