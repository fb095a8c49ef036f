import multiprocessing

import numpy as np
import pytest

from search.index import build_index, index_remove, index_upsert, load_index, publish_index
from search.index.loaded import IndexStore


def _top(space, vector, k=1):
    return load_index(space).search(vector[None, :], k)[1][0].tolist()


def test_the_first_upsert_creates_the_index(vectors, ids) -> None:
    index_upsert(space="joint", ids=ids[:20], vectors=vectors[:20])

    assert load_index("joint").ntotal == 20
    assert _top("joint", vectors[3]) == [ids[3]]


def test_an_upserted_object_is_found_by_its_new_vector_only(vectors, ids) -> None:
    index_upsert(space="joint", ids=ids[:20], vectors=vectors[:20])

    index_upsert(space="joint", ids=ids[3:4], vectors=vectors[500:501])

    index = load_index("joint")
    assert index.ntotal == 20
    assert _top("joint", vectors[500]) == [ids[3]]
    assert ids[3] not in _top("joint", vectors[3], k=1)
    assert index.search(vectors[3:4], 20)[1][0].tolist().count(ids[3]) == 1


def test_a_removed_object_is_never_returned_again(vectors, ids) -> None:
    # e.g. an object a curator made restricted, or one that went back to draft
    index_upsert(space="text", ids=ids[:20], vectors=vectors[:20])

    index_remove(space="text", ids=ids[[4, 7]])

    found = load_index("text").search(vectors[:20], 20)[1]
    assert load_index("text").ntotal == 18
    assert not np.isin(found, ids[[4, 7]]).any()


def test_removing_unknown_ids_or_from_a_missing_index_changes_nothing(vectors, ids) -> None:
    index_remove(space="text", ids=ids[:3])
    assert load_index("text") is None

    index_upsert(space="text", ids=ids[:5], vectors=vectors[:5])
    index_remove(space="text", ids=np.array([1, 2]))
    assert load_index("text").ntotal == 5


@pytest.mark.parametrize("kind", ["hnsw", "ivfpq"])
def test_approximate_indexes_hide_replaced_and_removed_vectors(kind, vectors, ids) -> None:
    index = build_index(vectors=vectors[:1500], ids=ids[:1500], kind=kind)
    publish_index(space="visual", index=index)

    index_upsert(space="visual", ids=ids[10:11], vectors=vectors[2500:2501])
    index_remove(space="visual", ids=ids[20:21])

    index = load_index("visual")
    assert index.kind == kind and index.ntotal == 1499
    assert _top("visual", vectors[2500]) == [ids[10]]
    assert ids[10] not in index.search(vectors[10:11], 10)[1][0]
    assert ids[20] not in index.search(vectors[20:21], 10)[1][0]


def test_an_exact_index_grows_into_hnsw_past_the_threshold(settings, vectors, ids) -> None:
    settings.SEARCH_EXACT_MAX_VECTORS = 100
    index_upsert(space="text", ids=ids[:100], vectors=vectors[:100])
    assert load_index("text").kind == "flat"

    index_upsert(space="text", ids=ids[100:150], vectors=vectors[100:150])

    assert load_index("text").kind == "hnsw"
    assert load_index("text").ntotal == 150


def test_upserts_with_mismatched_input_are_refused(vectors, ids) -> None:
    index_upsert(space="text", ids=ids[:5], vectors=vectors[:5])

    with pytest.raises(ValueError, match="dimension 384"):
        index_upsert(space="text", ids=ids[5:6], vectors=np.ones((1, 512), np.float32))
    with pytest.raises(ValueError, match="once"):
        index_upsert(space="text", ids=ids[[5, 5]], vectors=vectors[5:7])


def _upsert_in_a_worker(index_dir: str, id_values: list[int], rows: list[list[float]]) -> None:
    from django.conf import settings

    settings.INDEX_DIR = index_dir
    for object_id, row in zip(id_values, rows, strict=True):
        index_upsert(space="text", ids=np.array([object_id]), vectors=np.array([row], np.float32))


def test_two_workers_upserting_at_once_lose_no_writes(settings, vectors, ids) -> None:
    index_upsert(space="text", ids=ids[:1], vectors=vectors[:1])
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(
            target=_upsert_in_a_worker,
            args=(str(settings.INDEX_DIR), ids[i : i + 15].tolist(), vectors[i : i + 15].tolist()),
        )
        for i in (1, 16)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert [worker.exitcode for worker in workers] == [0, 0]
    index = IndexStore().get("text")
    assert sorted(index.labels.tolist()) == ids[:31].tolist()
