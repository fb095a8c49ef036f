"""Other apps add panels to the object page without exhibition importing them."""

from collections.abc import Iterator

import pytest
from django.test import Client

from exhibition import page_extensions
from exhibition.page_extensions import ObjectPanel, register_object_panel
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel_template(settings: object, tmp_path: object) -> Iterator[None]:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "templates"
    (folder / "panels").mkdir(parents=True)
    (folder / "panels" / "echo.html").write_text(
        '<section class="echo-panel">Echo of {{ panel.title }}</section>', encoding="utf-8"
    )
    engine = dict(settings.TEMPLATES[0])  # type: ignore[attr-defined]
    engine["DIRS"] = [*engine["DIRS"], folder]
    settings.TEMPLATES = [engine]  # type: ignore[attr-defined]
    saved = dict(page_extensions._PANELS)
    yield
    page_extensions._PANELS.clear()
    page_extensions._PANELS.update(saved)


def test_a_registered_panel_appears_on_the_object_page(
    client: Client, panel_template: None
) -> None:
    register_object_panel(
        ObjectPanel(
            name="echo",
            template="panels/echo.html",
            context=lambda request, obj: {"title": obj.title} if obj.title != "Skip me" else None,
        )
    )
    shown = builders.make_object(title="The Hay Wain")
    skipped = builders.make_object(title="Skip me")
    assert b"Echo of The Hay Wain" in client.get(shown.get_absolute_url()).content
    assert b"echo-panel" not in client.get(skipped.get_absolute_url()).content
