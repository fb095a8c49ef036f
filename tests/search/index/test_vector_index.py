import numpy as np
import pytest

from bench.search.index_bench import exact_neighbours, neighbour_recall
from search.index import build_index, choose_kind


def test_exact_search_returns_object_ids_best_first_with_cosine_scores(vectors, ids) -> None:
    index = build_index(vectors=vectors, ids=ids, kind="flat")

    scores, found = index.search(vectors[[7, 42]], 5)

    assert found[:, 0].tolist() == [ids[7], ids[42]]
    assert scores[:, 0] == pytest.approx([1.0, 1.0], abs=1e-5)
    assert np.all(np.diff(scores, axis=1) <= 1e-6)
    assert scores[0, 1] == pytest.approx(
        float(vectors[7] @ vectors[found[0, 1] - 10_000]), abs=1e-5
    )


def test_asking_for_more_results_than_vectors_pads_with_minus_one(vectors, ids) -> None:
    index = build_index(vectors=vectors[:3], ids=ids[:3], kind="flat")

    _, found = index.search(vectors[:1], 5)

    assert sorted(found[0, :3].tolist()) == sorted(ids[:3].tolist())
    assert found[0, 3:].tolist() == [-1, -1]


def test_small_collections_get_an_exact_index_and_large_ones_hnsw(settings) -> None:
    settings.SEARCH_EXACT_MAX_VECTORS = 1000
    settings.SEARCH_INDEX_KIND = "auto"

    assert choose_kind(1000) == "flat"
    assert choose_kind(1001) == "hnsw"


def test_the_setting_and_an_explicit_kind_override_the_size_rule(settings) -> None:
    settings.SEARCH_EXACT_MAX_VECTORS = 1000
    settings.SEARCH_INDEX_KIND = "ivfpq"

    assert choose_kind(10) == "ivfpq"
    assert choose_kind(10, "flat") == "flat"
    with pytest.raises(ValueError, match="unknown index kind"):
        choose_kind(10, "annoy")


@pytest.mark.parametrize("kind", ["hnsw", "ivfpq"])
def test_approximate_indexes_find_nine_in_ten_true_neighbours(kind, vectors, ids, queries) -> None:
    # 1500 vectors: enough to train PQ's 256 centroids a sub-quantiser, quick to build
    index = build_index(vectors=vectors[:1500], ids=ids[:1500], kind=kind)
    truth = exact_neighbours(vectors[:1500], queries) + 10_000

    _, found = index.search(queries, 10)

    assert index.kind == kind
    assert neighbour_recall(found, truth) >= 0.9


def test_vectors_of_the_wrong_dimension_are_refused_with_a_clear_error(vectors, ids) -> None:
    index = build_index(vectors=vectors[:10], ids=ids[:10], kind="flat")

    with pytest.raises(ValueError, match="dimension 384"):
        index.search(np.ones((1, 512), np.float32), 3)
    with pytest.raises(ValueError, match="ids for"):
        build_index(vectors=vectors[:10], ids=ids[:9])


def test_too_few_vectors_to_train_ivfpq_get_the_exact_index(vectors, ids) -> None:
    index = build_index(vectors=vectors[:150], ids=ids[:150], kind="ivfpq")

    assert index.kind == "flat"
    assert index.search(vectors[9:10], 1)[1][0, 0] == ids[9]
