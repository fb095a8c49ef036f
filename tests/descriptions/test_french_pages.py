"""The object page under /fr/: the description and its player in French when there is a
French description, else the English one marked lang="en" with a notice; alt text from an
approved French description only; the English page as before."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from descriptions.services import description_drafts
from exhibition.models import CollectionObject
from exhibition.services.review import machine_output_approve
from tests import builders

pytestmark = pytest.mark.django_db


def _page(client: Client, obj: CollectionObject, language: str) -> str:
    with translation.override(language):
        url = reverse("exhibition:object-detail", kwargs={"slug": obj.slug})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _described(languages: list[str]) -> CollectionObject:
    obj = builders.make_object(title="Harbour", object_type="painting")
    builders.add_image(obj)
    description_drafts(collection_object=obj, languages=languages)
    return obj


def test_the_french_page_shows_and_plays_the_french_draft(client: Client) -> None:
    obj = _described(["en", "fr"])
    french = obj.descriptions.get(language="fr")
    html = _page(client, obj, "fr")
    assert "Description visuelle" in html and "What it looks like" not in html
    assert french.short_text in html
    assert f'<p class="description__short" lang="fr">{french.short_text}' in html
    assert "Écouter une description" in html and "Listen to a description" not in html
    assert "Brouillon automatique de description, en attente de relecture." in html
    assert "Machine-drafted description" not in html
    assert "Transcription" in html and "Vitesse" in html and "Sous-titres" in html
    assert "Espace ou K lance la lecture" in html and "Space or K" not in html
    assert f"/fr/descriptions/objects/{obj.slug}/speech.ogg?lang=fr" in html
    assert 'srclang="fr"' in html
    assert '<option value="0.75">0,75×</option>' in html
    assert "pas encore disponible" not in html


def test_the_french_page_falls_back_to_english_and_says_so(client: Client) -> None:
    obj = _described(["en"])
    english = obj.descriptions.get(language="en")
    html = _page(client, obj, "fr")
    assert f'<p class="description__short" lang="en">{english.short_text}' in html
    assert "elle est donnée en anglais" in html
    assert "speech.ogg?lang=en" in html and 'srclang="en"' in html
    assert f'<p lang="en">{english.long_text.split(chr(10))[0]}' in html
    # The notice is shown in the page's language, and spoken (transcript) in the voice's.
    assert "<strong>Brouillon automatique de description" in html
    assert 'class="audio-player__said-first" lang="en">Machine-drafted description' in html


def test_the_english_page_is_unchanged_by_a_french_description(client: Client) -> None:
    obj = _described(["en", "fr"])
    english = obj.descriptions.get(language="en")
    html = _page(client, obj, "en")
    assert "What it looks like" in html and "Listen to a description" in html
    assert english.short_text in html
    assert obj.descriptions.get(language="fr").short_text not in html
    assert f'/descriptions/objects/{obj.slug}/speech.ogg?lang=en"' in html
    assert "/fr/descriptions/" not in html
    assert "is not yet available" not in html
    assert '<option value="1" selected>1×</option>' in html


def test_the_french_page_keeps_the_records_alt_text_without_an_approved_french_one(
    client: Client, curator: User
) -> None:
    obj = _described(["en", "fr"])
    image = obj.images.get()
    english = obj.descriptions.get(language="en")
    machine_output_approve(output=english.machine_output, reviewer=curator)
    assert f'alt="{image.alt_text}"' in _page(client, obj, "fr")
    assert f'alt="{english.alt_text}"' in _page(client, obj, "en")


def test_the_french_page_gives_an_approved_french_descriptions_alt_text(
    client: Client, curator: User
) -> None:
    obj = _described(["en", "fr"])
    english, french = obj.descriptions.get(language="en"), obj.descriptions.get(language="fr")
    machine_output_approve(output=english.machine_output, reviewer=curator)
    machine_output_approve(output=french.machine_output, reviewer=curator)
    assert f'alt="{french.alt_text}"' in _page(client, obj, "fr")
    assert f'alt="{english.alt_text}"' in _page(client, obj, "en")
