"""Records shown in the page's language when translated, in their own language otherwise."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exhibition.models import AuditLogEntry, CollectionObject, ObjectTranslation
from tests import builders
from tests.exhibition.admin.html_forms import form_fields

pytestmark = pytest.mark.django_db

FRENCH_NOTICE = (
    "Cette notice n’est pas encore traduite en français ; elle est présentée dans sa "
    "langue d’origine (anglais)."
)


def _html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _mona_lisa() -> CollectionObject:
    return builders.make_object(
        slug="mona-lisa", title="Mona Lisa", description="Half-length portrait of a woman."
    )


def test_the_french_page_shows_the_french_title_and_description(client: Client) -> None:
    obj = _mona_lisa()
    builders.add_translation(
        obj, "fr", title="La Joconde", description="Portrait en buste d’une femme."
    )

    html = _html(client, "/fr/objects/mona-lisa/")

    assert '<h1 id="object-title">La Joconde</h1>' in html
    assert "<title>La Joconde — " in html
    assert '<meta name="description" content="Portrait en buste d’une femme.">' in html
    assert '<span aria-current="page">La Joconde</span>' in html
    assert '<div class="prose" id="object-description"><p>Portrait en buste' in html
    # Linked data describes the record as catalogued, in its own language.
    assert '<meta name="DC.description" content="Half-length portrait of a woman.">' in html
    assert '<meta name="DC.language" content="en">' in html
    assert "pas encore traduite" not in html


def test_an_untranslated_record_says_so_and_marks_its_language(client: Client) -> None:
    _mona_lisa()

    html = _html(client, "/fr/objects/mona-lisa/")

    assert '<h1 id="object-title" lang="en">Mona Lisa</h1>' in html
    assert '<span aria-current="page" lang="en">Mona Lisa</span>' in html
    assert '<div class="prose" id="object-description" lang="en">' in html
    assert '<meta name="description" lang="en" content="Half-length portrait' in html
    assert FRENCH_NOTICE in html
    assert "<title>Mona Lisa — " in html


def test_a_translated_title_without_a_description_flags_only_the_description(
    client: Client,
) -> None:
    obj = _mona_lisa()
    builders.add_translation(obj, "fr", title="La Joconde")

    html = _html(client, "/fr/objects/mona-lisa/")

    assert '<h1 id="object-title">La Joconde</h1>' in html
    assert '<div class="prose" id="object-description" lang="en">' in html
    assert "La description de cette notice n’est pas encore traduite en français" in html
    assert FRENCH_NOTICE not in html


def test_a_french_record_on_the_english_page_falls_back_with_an_english_notice(
    client: Client,
) -> None:
    builders.make_object(
        slug="angelus", title="L’Angélus", description="Deux paysans.", language="fr"
    )

    html = _html(client, "/objects/angelus/")

    assert '<h1 id="object-title" lang="fr">L’Angélus</h1>' in html
    assert (
        "This record has not yet been translated into English; it is shown in its "
        "original language (French)." in html
    )


def test_the_english_page_of_an_english_record_is_unchanged(client: Client) -> None:
    obj = _mona_lisa()
    builders.add_translation(obj, "fr", title="La Joconde")

    html = _html(client, "/objects/mona-lisa/")

    assert '<h1 id="object-title">Mona Lisa</h1>' in html
    assert "La Joconde" not in html
    assert "not yet been translated" not in html
    assert "About this object" in html
    assert 'lang="en">Mona Lisa' not in html


def test_the_french_page_translates_the_interface_but_not_the_record(client: Client) -> None:
    _mona_lisa()

    html = _html(client, "/fr/objects/mona-lisa/")

    for french in ["À propos de cet objet", "Numéro d’inventaire", "Droits et réutilisation"]:
        assert french in html
    for english in ["About this object", "Accession number", "Rights and reuse"]:
        assert english not in html
    assert "Half-length portrait of a woman." in html  # record data is never translated


@pytest.mark.django_db(transaction=True)  # the page cache moves on when a write commits
def test_a_new_translation_reaches_the_cached_page(client: Client) -> None:
    obj = _mona_lisa()
    assert "La Joconde" not in _html(client, "/fr/objects/mona-lisa/")

    builders.add_translation(obj, "fr", title="La Joconde")

    assert '<h1 id="object-title">La Joconde</h1>' in _html(client, "/fr/objects/mona-lisa/")


def test_cards_show_translated_titles_and_mark_the_others(client: Client) -> None:
    translated = _mona_lisa()
    builders.add_translation(translated, "fr", title="La Joconde")
    builders.make_object(slug="hay-wain", title="The Hay Wain")

    html = _html(client, "/fr/objects/")

    assert re.search(r'href="/fr/objects/mona-lisa/">La Joconde</a>', html)
    assert re.search(r'href="/fr/objects/hay-wain/" lang="en">The Hay Wain</a>', html)


@pytest.mark.django_db(transaction=True)  # each write commits, so no page comes from cache
def test_card_titles_cost_no_query_per_card(client: Client, steady_version: None) -> None:
    def browse_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            _html(client, "/fr/objects/")
        return len(queries.captured_queries)

    for n in range(2):
        builders.add_translation(builders.make_object(), "fr", title=f"Objet {n}")
    few = browse_queries()
    for n in range(6):
        builders.add_translation(builders.make_object(), "fr", title=f"Autre objet {n}")
    assert browse_queries() == few


def _post_translation(client: Client, obj: CollectionObject, language: str, title: str) -> int:
    url = reverse("admin:exhibition_collectionobject_change", args=[obj.pk])
    data = form_fields(client.get(url), "collectionobject_form")
    data.update(
        {
            "translations-TOTAL_FORMS": "1",
            "translations-0-collection_object": str(obj.pk),
            "translations-0-language": language,
            "translations-0-title": title,
            "translations-0-description": "",
        }
    )
    return client.post(url, data).status_code


def test_a_curator_adds_a_translation_in_the_admin(client: Client, curator: User) -> None:
    obj = _mona_lisa()
    client.force_login(curator)

    assert _post_translation(client, obj, "fr", "La Joconde") == 302

    assert AuditLogEntry.objects.filter(
        collection_object=obj, target_model="exhibition.objecttranslation"
    ).exists()
    client.logout()
    assert '<h1 id="object-title">La Joconde</h1>' in _html(client, "/fr/objects/mona-lisa/")


def test_the_admin_refuses_a_translation_into_the_records_own_language(
    client: Client, curator: User
) -> None:
    obj = _mona_lisa()
    client.force_login(curator)

    assert _post_translation(client, obj, "en", "Mona Lisa again") == 200

    assert not ObjectTranslation.objects.exists()
