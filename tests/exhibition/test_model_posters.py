"""Posters for 3D models, rendered by model-viewer in the real Debian Chromium."""

import io
import sys

import pytest
from PIL import Image

from exhibition.model_posters import poster_is_current, render_posters
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_a_poster_shows_the_model_and_is_not_rendered_twice() -> None:
    model = builders.add_model(builders.make_object(title="Triangle"))
    model.geometry_only = True
    model.save()

    results = render_posters([model])

    assert [r.rendered for r in results] == [True], results
    model.refresh_from_db()
    assert poster_is_current(model)
    with model.poster.open("rb") as poster:
        image = Image.open(io.BytesIO(poster.read())).convert("RGB")
    assert image.size == (768, 768)
    # The clay-coloured triangle stands out from the plain background somewhere.
    background = image.getpixel((2, 2))
    assert any(
        max(abs(a - b) for a, b in zip(image.getpixel((x, y)), background, strict=True)) > 20
        for x in range(0, 768, 16)
        for y in range(0, 768, 16)
    )
    assert render_posters([model]) == []


def test_without_the_posters_extra_the_command_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.management import CommandError, call_command

    model = builders.add_model(builders.make_object(title="Triangle"))
    # As if Playwright were not installed: importing it fails.
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)

    with pytest.raises(CommandError, match=r"vitrine\[posters\]"):
        call_command("render_model_posters")
    model.refresh_from_db()
    assert not model.poster
