"""Warming up at server start: the models and indexes are ready before the first search."""

from typing import Any

import pytest

from search import warmup
from search.index import loaded


@pytest.mark.django_db
def test_warming_up_loads_the_encoders_and_every_published_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from search import relevance

    relevance.forget()
    looked_up: list[str] = []
    real = loaded.load_index
    monkeypatch.setattr(
        "search.index.load_index", lambda space: looked_up.append(space) or real(space)
    )
    warmup.warm_up()
    from search import encoders

    assert encoders._text_encoder is not None and encoders._image_encoder is not None
    assert set(looked_up) == {"joint", "text", "heading", "visual"}
    assert relevance._SITE._held is not None  # the floor is calibrated before the first search


def test_it_runs_on_a_thread_and_can_be_switched_off(settings: Any) -> None:
    settings.SEARCH_WARM_UP = False
    assert warmup.warm_up_in_background() is None
    settings.SEARCH_WARM_UP = True
    thread = warmup.warm_up_in_background()
    assert thread is not None and thread.daemon
    thread.join(timeout=60)
    assert not thread.is_alive()


def test_a_failure_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("no model")

    monkeypatch.setattr(warmup, "warm_up", broken)
    warmup._warm_up_logged()
    assert "warming up" in caplog.text
