"""The text query's channels: the record-text channel takes the closer of text and heading."""

import numpy as np
import pytest

from exhibition.browse import BrowseQuery
from search.encoders import get_text_encoder
from search.keyword.documents import KeywordDocument
from search.keyword.memory import MemoryKeywordIndex
from search.retrieval import (
    NOTICE_KEYWORD_ONLY,
    NOTICE_PARTIAL,
    ArraySources,
    retrieve_text_channels,
)
from search.timing import Timer
from tests import builders

pytestmark = pytest.mark.django_db

QUERY = "a horse"


@pytest.fixture
def records() -> dict[str, int]:
    return {name: builders.make_object(title=name).pk for name in ("horse", "bridge")}


def _sources(records: dict[str, int], spaces: dict[str, dict[str, str]]) -> ArraySources:
    encoder = get_text_encoder()
    ids = np.array([records["horse"], records["bridge"]], dtype=np.int64)
    matrices = {
        space: (ids, encoder.encode([texts["horse"], texts["bridge"]]))
        for space, texts in spaces.items()
    }
    keyword = MemoryKeywordIndex(
        KeywordDocument(object_id, title) for title, object_id in records.items()
    )
    return ArraySources(keyword_index=keyword, matrices=matrices)


def _text_channel(records: dict[str, int], sources: ArraySources) -> dict[int, float]:
    run = retrieve_text_channels(QUERY, BrowseQuery(), sources=sources, timer=Timer())
    return next(channel.scores for channel in run.channels if channel.name == "text")


def test_a_record_scores_by_the_closer_of_its_text_and_its_heading(
    records: dict[str, int],
) -> None:
    whole = {
        "horse": "Inventory 1887/22. Oil on canvas, relined; varnish yellowed. A horse.",
        "bridge": "A stone bridge over a river at dusk.",
    }
    heading = {"horse": "A grey horse. painting", "bridge": "Bridge. photograph"}
    scores = _text_channel(records, _sources(records, {"text": whole, "heading": heading}))
    query = get_text_encoder().encode([QUERY])[0]
    expected = max(
        float(get_text_encoder().encode([whole["horse"]])[0] @ query),
        float(get_text_encoder().encode([heading["horse"]])[0] @ query),
    )
    assert scores[records["horse"]] == pytest.approx(expected, abs=1e-5)
    assert max(scores, key=scores.__getitem__) == records["horse"]


def test_a_missing_index_is_told_and_the_rest_still_answers(records: dict[str, int]) -> None:
    texts = {"horse": "A horse", "bridge": "A bridge"}
    partial = retrieve_text_channels(
        QUERY, BrowseQuery(), sources=_sources(records, {"text": texts}), timer=Timer()
    )
    assert {channel.name for channel in partial.channels} == {"keyword", "text"}
    assert partial.missing == ["heading", "joint"]
    assert partial.notice == NOTICE_PARTIAL
    bare = retrieve_text_channels(
        QUERY, BrowseQuery(), sources=_sources(records, {}), timer=Timer()
    )
    assert bare.notice == NOTICE_KEYWORD_ONLY
