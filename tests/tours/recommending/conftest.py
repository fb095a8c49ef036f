"""Fixtures of the recommender tests: a fresh strategy per test and a small collection."""

import pytest

from tests.tours.recommending.builders import build_harbour, fresh_recommender
from tours.recommending.catalogue import load_catalogue


@pytest.fixture(autouse=True)
def _fresh_recommender(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh_recommender(monkeypatch)


@pytest.fixture
def harbour(db: None) -> dict[str, object]:
    return build_harbour()


@pytest.fixture
def catalogue(harbour):
    return load_catalogue()
