"""exhibition's alt text registry: a provider's text first, else the record's, else the title."""

import pytest

from exhibition import alt_text
from tests import builders

pytestmark = pytest.mark.django_db


def test_record_alt_text_then_title_without_a_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alt_text, "_PROVIDERS", [])
    obj = builders.make_object(title="Harbour")
    image = builders.add_image(obj)
    assert alt_text.alt_text_for(image) == image.alt_text
    image.alt_text = ""
    assert alt_text.alt_text_for(image) == "Harbour"


def test_a_provider_text_wins_and_none_falls_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alt_text, "_PROVIDERS", [])
    obj = builders.make_object(title="Harbour")
    image = builders.add_image(obj)
    alt_text.register_alt_text_provider(lambda media: None)
    assert alt_text.alt_text_for(image) == image.alt_text
    alt_text.register_alt_text_provider(lambda media: "Painting: a harbour at dusk")
    assert alt_text.alt_text_for(image) == "Painting: a harbour at dusk"
