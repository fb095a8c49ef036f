"""Tours and the kiosk in French under /fr/, and the English pages unchanged.

French strings come from locale/fr/LC_MESSAGES/django.mo, compiled from locale/fr/parts/.
"""

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from exhibition.models import CollectionObject
from tests import builders
from tests.tours.views.collection import Museum, small_museum
from tours.models import Tour

pytestmark = pytest.mark.django_db

LINK = re.compile(r'(?<![-\w])(?:href|action)="([^"]*)"')


def _plan_in_french(client: Client, **fields: Any) -> Tour:
    data: dict[str, Any] = {"mode": "building", "budget": "60", "pace": "1", **fields}
    response = client.post("/fr/tours/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/fr/tours/")
    return Tour.objects.get(public_id=response["Location"].strip("/").split("/")[-1])


def _html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return str(response.content.decode())


def test_the_start_page_in_french() -> None:
    small_museum()

    html = _html(Client(), "/fr/tours/")

    assert '<html lang="fr">' in html
    assert "<h1>Préparer un parcours</h1>" in html
    assert "De combien de temps disposez-vous ?" in html
    assert "30 minutes" in html and "1 h 30" in html and "2 heures" in html
    assert "Itinéraires sans marches uniquement (pas d’escaliers)" in html
    assert ">Tranquille</option>" in html
    assert 'action="/fr/tours/"' in html
    for english in ("Plan my tour", "How long do you have?", "Unhurried", "The main entrance"):
        assert english not in html


def test_a_refused_budget_is_explained_in_french() -> None:
    small_museum()

    response = Client().post("/fr/tours/", {"mode": "online", "budget": "custom"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "La durée doit être un nombre de minutes." in html
    assert "budget_minutes" not in html


def test_a_tour_planned_in_french_reads_in_french() -> None:
    small_museum()
    client = Client()
    tour = _plan_in_french(client)

    html = _html(client, f"/fr/tours/{tour.public_id}/")

    total = tour.stops.count()
    assert f"0 vu sur {total}" in html
    assert "Prochain arrêt" in html and "Vu — au suivant" in html
    assert "de marche, environ" in html and " min sur place" in html
    # Route directions and the map's text alternative are French too.
    assert "L’itinéraire en toutes lettres" in html
    assert "Commencez dans la salle" in html and "Arrêt 1 :" in html
    assert "Votre parcours sur le plan de" in html
    # Each stop's reason was worded in the language the tour was planned in.
    assert "Pourquoi celui-ci :" in html
    first = tour.stops.order_by("order").first()
    assert first is not None and first.reason in html
    assert "because you liked" not in first.reason and "matches '" not in first.reason
    for english in ("Next stop", "Seen it — next", "The route in words", "Start in ", " walk, "):
        assert english not in html
    # Links stay in French.
    assert f'href="/fr/tours/{tour.public_id}/print/"' in html
    assert f'href="/fr/tours/{tour.public_id}/take-away/"' in html


def test_replanning_says_what_was_done_in_french() -> None:
    small_museum()
    client = Client()
    tour = _plan_in_french(client)

    response = client.post(f"/fr/tours/{tour.public_id}/replan/", {"action": "more_time"})

    assert response.status_code == 302 and response["Location"].startswith("/fr/tours/")
    html = _html(client, response["Location"])
    assert "15 minutes de plus : votre parcours a été recalculé." in html
    assert "15 more minutes" not in html


def test_print_and_take_away_pages_in_french() -> None:
    small_museum()
    client = Client()
    tour = _plan_in_french(client)

    printed = _html(client, f"/fr/tours/{tour.public_id}/print/")
    take_away = _html(client, f"/fr/tours/{tour.public_id}/take-away/")

    assert "Votre parcours, à imprimer" in printed and "durée prévue" in printed
    assert "Use your browser" not in printed
    assert "Emportez votre parcours sur votre téléphone" in take_away
    assert 'aria-label="Code QR qui ouvre ce parcours sur un téléphone"' in take_away
    # The phone opens the French tour: the hand-off link is under /fr/.
    assert "/fr/tours/h/" in take_away
    assert "Le lien reste valable" in take_away and "The link is valid" not in take_away


def test_a_bad_handoff_link_is_explained_in_french() -> None:
    response = Client().get("/fr/tours/h/not-a-token/")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Ce lien n’est pas valide." in html
    assert "This link is not valid" not in html


def test_the_english_tour_pages_are_unchanged() -> None:
    small_museum()
    client = Client()
    start = _html(client, "/tours/")
    response = client.post("/tours/", {"mode": "building", "budget": "60", "pace": "1"})
    tour = Tour.objects.get(public_id=response["Location"].strip("/").split("/")[-1])
    page = _html(client, response["Location"])

    assert '<html lang="en">' in start and "How long do you have?" in start
    assert "1½ hours" in start and "Préparer" not in start
    assert f"0 of {tour.stops.count()} seen" in page and "Next stop" in page
    assert " walk, about " in page and "Start in " in page
    assert "Prochain" not in page and "/fr/" not in page.split("hreflang")[-1]


def test_the_french_kiosk_stays_in_french_and_in_the_kiosk() -> None:
    museum = small_museum()
    for obj in museum.public:
        builders.add_image(obj)
    client = Client()

    pages = [
        _html(client, "/fr/kiosk/"),
        _html(client, "/fr/kiosk/objects/"),
        _html(client, f"/fr/kiosk/objects/{museum.public[0].slug}/"),
        _html(client, "/fr/kiosk/tour/"),
    ]

    for html in pages:
        assert '<html lang="fr" class="kiosk">' in html
        assert 'data-kiosk-attract-url="/fr/kiosk/"' in html
        assert 'data-kiosk-scope="/fr/kiosk/"' in html
        assert 'data-kiosk-worker-url="/fr/kiosk/sw.js"' in html
        assert "Êtes-vous toujours là ?" in html and "Are you still there?" not in html
        assert 'data-kiosk-left-other="%(count)s secondes restantes"' in html
        for target in LINK.findall(html):
            if not target.startswith(("#", "?", "/static/")):
                assert target.startswith(("/fr/kiosk/", "/fr/guide/ask/")), target
    assert "Touchez l’écran pour commencer" in pages[0]
    assert "Explorer la collection" in pages[1]
    assert "Préparer mon parcours" in pages[3]


def test_a_kiosk_tour_planned_in_french_and_its_reset() -> None:
    small_museum()
    client = Client()

    response = client.post("/fr/kiosk/tour/", {"mode": "building", "budget": "30"})
    assert response.status_code == 302 and response["Location"].startswith("/fr/kiosk/tour/")
    html = _html(client, response["Location"])
    reset = client.post("/fr/kiosk/reset/")

    assert "Emportez-le sur votre téléphone" in html and " arrêts, " in html
    assert 'aria-label="Code QR qui ouvre ce parcours sur un téléphone"' in html
    assert reset.status_code == 302 and reset["Location"] == "/fr/kiosk/"


def test_the_french_kiosk_worker_speaks_french() -> None:
    french = Client().get("/fr/kiosk/sw.js").content.decode()
    english = Client().get("/kiosk/sw.js").content.decode()

    assert "Hors ligne, et cette page n’a pas été enregistrée." in french
    assert '"notSaved": "Offline, and this page was not saved."' in english


def _translate_first_print(museum: Museum) -> CollectionObject:
    first = museum.prints[0]
    builders.add_translation(first, "fr", title="Estampe de la vague 1")
    return first


def test_tour_stops_show_titles_in_french_and_mark_the_others() -> None:
    museum = small_museum()
    first = _translate_first_print(museum)
    client = Client()
    tour = _plan_in_french(client)
    assert tour.stops.filter(collection_object=first).exists()

    html = _html(client, f"/fr/tours/{tour.public_id}/")

    assert f'href="/fr/objects/{first.slug}/">Estampe de la vague 1</a></h3>' in html
    assert "“Estampe de la vague 1”" in html or "«\u00a0Estampe de la vague 1\u00a0»" in html
    others = tour.stops.exclude(collection_object=first).select_related("collection_object")
    for stop in others:
        obj = stop.collection_object
        assert f'href="/fr/objects/{obj.slug}/" lang="en">{obj.title}</a></h3>' in html
    english = _html(client, f"/tours/{tour.public_id}/")
    assert f'href="/objects/{first.slug}/">{first.title}</a></h3>' in english
    assert "Estampe" not in english and '/" lang="en">' not in english


def test_kiosk_pages_show_titles_in_french_and_mark_the_others() -> None:
    museum = small_museum()
    first = _translate_first_print(museum)
    other = museum.prints[1]
    for obj in museum.public:
        builders.add_image(obj)
    CollectionObject.objects.filter(pk__in=[first.pk, other.pk]).update(featured=True)
    client = Client()

    attract = _html(client, "/fr/kiosk/")
    browse = _html(client, "/fr/kiosk/objects/")
    page = _html(client, f"/fr/kiosk/objects/{first.slug}/")
    untranslated = _html(client, f"/fr/kiosk/objects/{other.slug}/")

    assert f'href="/fr/kiosk/objects/{first.slug}/">Estampe de la vague 1</a>' in attract
    assert f'href="/fr/kiosk/objects/{other.slug}/" lang="en">{other.title}</a>' in attract
    assert '<span class="kiosk-card__title">Estampe de la vague 1</span>' in browse
    assert f'<span class="kiosk-card__title" lang="en">{other.title}</span>' in browse
    assert '<h1 id="object-title">Estampe de la vague 1</h1>' in page
    assert "<title>Estampe de la vague 1 — Vitrine</title>" in page
    assert f'<h1 id="object-title" lang="en">{other.title}</h1>' in untranslated
    english = _html(client, f"/kiosk/objects/{first.slug}/")
    assert f'<h1 id="object-title">{first.title}</h1>' in english


def test_a_kiosk_tour_shows_titles_in_french() -> None:
    museum = small_museum()
    for obj in museum.prints:
        builders.add_translation(obj, "fr", title=f"Estampe {obj.pk}")
    client = Client()
    response = client.post("/fr/kiosk/tour/", {"mode": "building", "budget": "60"})
    assert response.status_code == 302, response.content.decode()[:2000]
    html = _html(client, response["Location"])
    tour = Tour.objects.get()

    stops = list(tour.stops.select_related("collection_object"))
    assert stops
    for stop in stops:
        obj = stop.collection_object
        link = f'class="kiosk-stop__link" href="/fr/kiosk/objects/{obj.slug}/"'
        if obj in museum.prints:
            assert f"{link}>Estampe {obj.pk}</a>" in html
        else:
            assert f'{link} lang="en">{obj.title}</a>' in html


@pytest.mark.django_db(transaction=True)  # each write commits, so no page comes from cache
def test_tour_titles_cost_no_query_per_stop(steady_version: None) -> None:
    museum = small_museum()
    client = Client()
    tour = _plan_in_french(client)
    for obj in museum.public:
        builders.add_translation(obj, "fr", title=f"Objet {obj.pk}")

    def tour_queries() -> int:
        cache.clear()  # the page cache would answer a second visit without the database
        with CaptureQueriesContext(connection) as queries:
            _html(client, f"/fr/tours/{tour.public_id}/")
        return len(queries.captured_queries)

    tour_queries()  # the first page of a test fills per-process caches
    many = tour_queries()
    stops = list(tour.stops.order_by("order"))
    assert len(stops) > 2
    tour.stops.filter(pk__in=[stop.pk for stop in stops[2:]]).delete()
    assert tour_queries() == many
