"""Builders for recommender tests: objects with made-up vectors, interaction rows, a tiny
harbour collection, and fake theme encoding (no MiniLM)."""

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from search.query_encoding import QueryVectors
from tests import builders
from tours.recommending.content import theme_vector
from tours.recommending.interaction_log import InteractionLog, InteractionRow
from tours.selectors.recommendations import forget_fitted

# Themes point along four directions of meaning: ships, portraits, landscapes, coins.
THEME_WORDS = {"shipwrecks": [1.0, 0.0, 0.1, 0.0], "faces": [0.0, 1.0, 0.0, 0.0]}


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def embed(obj, vector: np.ndarray, space: str = "text") -> None:
    from search.models import Embedding

    Embedding.objects.create(
        collection_object=obj,
        space=space,
        encoder="test",
        encoder_version="1",
        input_checksum="0" * 64,
        dim=vector.shape[0],
        vector=vector.astype("<f4").tobytes(),
    )


def make_embedded(vector: np.ndarray, **fields):
    obj = builders.make_object(**fields)
    embed(obj, vector)
    return obj


def rows(visitor: str, *actions: tuple[object, str], start: datetime | None = None) -> list:
    """Interaction rows of one visitor, one minute apart: (object, kind) pairs."""
    at = start or datetime(2025, 1, 1, 10, tzinfo=UTC)
    out = []
    for step, (obj, kind) in enumerate(actions):
        dwell = 60 if kind == "view" else None
        out.append(InteractionRow(visitor, obj.pk, kind, dwell, at + timedelta(minutes=step)))
    return out


def log_of(*groups: list) -> InteractionLog:
    return InteractionLog(rows=[row for group in groups for row in group])


def fresh_recommender(monkeypatch: pytest.MonkeyPatch) -> None:
    """No fitted strategy or theme vector outlives a test; themes encode without MiniLM."""
    forget_fitted()
    theme_vector.cache_clear()

    def fake_encode(words: str) -> QueryVectors:
        vector = np.array(THEME_WORDS.get(words, [0.0, 0.0, 0.0, 1.0]), dtype=np.float32)
        return QueryVectors(vector, vector)

    monkeypatch.setattr("tours.recommending.content.encode_query", fake_encode)


def build_harbour() -> dict[str, object]:
    """Ships, portraits and a landscape, each with a vector along its theme."""
    painter = builders.make_agent("Marine Painter")
    portraitist = builders.make_agent("Portrait Painter")
    return {
        "storm": make_embedded(
            unit(1, 0, 0.1, 0), title="Ship in a Storm", creator=painter, date_start=1650
        ),
        "wreck": make_embedded(
            unit(0.9, 0, 0.2, 0), title="The Wreck", creator=painter, date_start=1660
        ),
        "fleet": make_embedded(
            unit(0.8, 0.1, 0, 0), title="The Fleet", object_type="print", date_start=1820
        ),
        "lady": make_embedded(unit(0, 1, 0, 0), title="Portrait of a Lady", creator=portraitist),
        "merchant": make_embedded(
            unit(0.1, 0.9, 0, 0), title="A Merchant", creator=portraitist, date_start=1640
        ),
        "valley": make_embedded(unit(0, 0, 1, 0), title="The Valley", culture="England"),
    }
