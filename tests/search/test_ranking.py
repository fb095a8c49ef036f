import pytest

from search.ranking import (
    DEFAULT_WEIGHTS,
    TEXT,
    VISUAL,
    VISUAL_GATE,
    VISUAL_MAX_WEIGHT,
    ChannelResult,
    fuse,
    normalise,
    text_query_weights,
)


def test_keyword_scores_are_divided_by_the_best_and_keep_their_zero() -> None:
    scores, missing = normalise(ChannelResult("keyword", {1: 8.0, 2: 2.0}, kind="sparse"))
    assert scores == {1: 1.0, 2: 0.25}
    assert missing == 0.0


def test_cosines_keep_their_scale_and_absent_records_get_the_lowest() -> None:
    scores, missing = normalise(ChannelResult("text", {1: 0.6, 2: 0.4, 3: 0.5}))
    assert scores == {1: 0.6, 2: 0.4, 3: 0.5}
    assert missing == pytest.approx(0.4)


def test_a_record_found_by_two_channels_beats_one_found_by_one() -> None:
    keyword = ChannelResult("keyword", {1: 5.0, 2: 5.0}, kind="sparse")
    text = ChannelResult("text", {2: 0.7, 3: 0.69, 4: 0.2})
    hits = fuse([keyword, text], {"keyword": 1.0, "text": 1.0})
    assert hits[0].object_id == 2
    assert hits[0].channel_scores == pytest.approx({"keyword": 1.0, "text": 0.7})
    assert hits[0].raw_scores == {"keyword": 5.0, "text": 0.7}


def test_a_noisy_visual_channel_only_reorders_close_calls() -> None:
    # Visual cosines sit in a narrow band: a clear keyword winner stays first.
    keyword = ChannelResult("keyword", {1: 10.0, 2: 9.9, 3: 2.0}, kind="sparse")
    visual = ChannelResult("visual", {3: 0.31, 2: 0.30, 1: 0.22})
    hits = fuse([keyword, visual], {"keyword": 1.0, "visual": 0.75})
    assert [hit.object_id for hit in hits] == [2, 1, 3]


def test_empty_channels_are_ignored() -> None:
    hits = fuse([ChannelResult("text", {}), ChannelResult("keyword", {7: 1.0}, kind="sparse")])
    assert [hit.object_id for hit in hits] == [7]
    assert set(hits[0].channel_scores) == {"keyword"}


def test_a_query_naming_nothing_visible_gets_no_visual_weight() -> None:
    low, high = VISUAL_GATE
    assert text_query_weights(low - 0.05)[VISUAL] == 0.0
    assert text_query_weights((low + high) / 2)[VISUAL] == pytest.approx(VISUAL_MAX_WEIGHT / 2)
    assert text_query_weights(high + 0.2)[VISUAL] == VISUAL_MAX_WEIGHT
    # The other channels keep their weights; without ConSE (CLIP) the fixed ones apply.
    assert text_query_weights(0.0)[TEXT] == DEFAULT_WEIGHTS[TEXT]
    assert text_query_weights(None) == DEFAULT_WEIGHTS
