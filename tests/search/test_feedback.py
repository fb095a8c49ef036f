"""Visual feedback: in a sparse catalogue, objects that look like the first results join."""

import numpy as np
import pytest

from exhibition.browse import BrowseQuery
from search.feedback import FEEDBACK, FEEDBACK_WEIGHT, feedback_channel
from search.fusion import hybrid_ranking
from search.keyword.documents import KeywordDocument
from search.keyword.memory import MemoryKeywordIndex
from search.ranking import ChannelResult, fuse
from search.retrieval import ArraySources, ShowableCheck, retrieve_text_channels
from search.sparsity import catalogue_is_sparse
from search.timing import Timer
from tests import builders

pytestmark = pytest.mark.django_db


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def objects() -> dict[str, int]:
    names = ("winter scene", "untitled 1", "untitled 2", "harbour")
    return {name: builders.make_object(title=name).pk for name in names}


def _sources(objects: dict[str, int], *, sparse: bool) -> ArraySources:
    # "untitled 1" looks like the winter scene; "harbour" looks like nothing else.
    looks = {
        "winter scene": _unit(1, 0, 0),
        "untitled 1": _unit(0.95, 0.05, 0),
        "untitled 2": _unit(0, 1, 0),
        "harbour": _unit(0, 0, 1),
    }
    ids = np.array([objects[name] for name in looks], dtype=np.int64)
    keyword = MemoryKeywordIndex(KeywordDocument(pk, name) for name, pk in objects.items())
    return ArraySources(
        keyword_index=keyword,
        matrices={"visual": (ids, np.stack(list(looks.values())))},
        sparse=sparse,
    )


def test_objects_that_look_like_the_first_results_score_highest(objects: dict[str, int]) -> None:
    sources = _sources(objects, sparse=True)
    ranked = fuse([ChannelResult("keyword", {objects["winter scene"]: 5.0}, kind="sparse")])
    channel = feedback_channel(ranked, sources, ShowableCheck(BrowseQuery()))
    assert channel is not None and channel.name == FEEDBACK
    order = sorted(channel.scores, key=channel.scores.__getitem__, reverse=True)
    assert order[:2] == [objects["winter scene"], objects["untitled 1"]]


def test_only_a_sparse_catalogue_gets_feedback(objects: dict[str, int]) -> None:
    for sparse, expected in ((True, {FEEDBACK: FEEDBACK_WEIGHT}), (False, {})):
        sources = _sources(objects, sparse=sparse)
        run = retrieve_text_channels("winter", BrowseQuery(), sources=sources, timer=Timer())
        fused, weights = hybrid_ranking(run, sources)
        assert {k: v for k, v in weights.items() if k == FEEDBACK} == expected
        if sparse:  # the look-alike without a shared word is found, right after the match
            assert [hit.object_id for hit in fused[:2]] == [
                objects["winter scene"],
                objects["untitled 1"],
            ]


def test_without_images_there_is_no_feedback(objects: dict[str, int]) -> None:
    sources = ArraySources(keyword_index=MemoryKeywordIndex([]), matrices={}, sparse=True)
    ranked = fuse([ChannelResult("keyword", {objects["harbour"]: 1.0}, kind="sparse")])
    assert feedback_channel(ranked, sources, ShowableCheck(BrowseQuery())) is None


def test_a_catalogue_is_sparse_when_most_records_have_no_description() -> None:
    for number in range(3):
        builders.make_object(title=f"Inventory {number}", description="")
    builders.make_object(title="Described", description="A painted wooden box.")
    assert catalogue_is_sparse()


def test_a_described_catalogue_is_not_sparse() -> None:
    builders.make_object(title="Undescribed", description="")
    builders.make_object(title="Described", description="A painted wooden box.")
    assert not catalogue_is_sparse()
