import pytest

from search.ranking import (
    DEFAULT_WEIGHTS,
    TEXT,
    VISUAL,
    VISUAL_GATE,
    VISUAL_MAX_WEIGHT,
    ChannelResult,
    fuse,
    keyword_scale,
    normalise,
    text_query_weights,
)


def test_keyword_scores_are_a_squared_share_of_the_best_and_keep_their_zero() -> None:
    scores, missing = normalise(ChannelResult("keyword", {1: 8.0, 2: 2.0}, kind="sparse"))
    assert scores == {1: 1.0, 2: pytest.approx(0.0625)}
    assert missing == 0.0


def test_keyword_scores_are_a_share_of_what_a_complete_match_would_score() -> None:
    # Best found 4.0, but a record with every word would score 8.0: the best gets (1/2)².
    channel = ChannelResult("keyword", {1: 4.0, 2: 2.0}, kind="sparse", scale=8.0)
    assert normalise(channel)[0] == pytest.approx({1: 0.25, 2: 0.0625})
    # A bound below the best found (computed over other records) never inflates a score.
    assert normalise(ChannelResult("keyword", {1: 4.0}, kind="sparse", scale=2.0))[0] == {1: 1.0}


def test_the_bound_counts_a_word_no_record_has_as_the_strongest_matched_word() -> None:
    assert keyword_scale([3.0, 5.0]) == 8.0
    assert keyword_scale([0.0, 3.0, 5.0]) == 13.0
    assert keyword_scale([0.0, 0.0]) is None
    assert keyword_scale([]) is None


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
