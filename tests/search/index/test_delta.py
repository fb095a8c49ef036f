"""Edits go to a small delta beside the published base, which they never rewrite."""

import hashlib
import multiprocessing
import threading
from pathlib import Path

import numpy as np
import pytest

from search.index import build_index, index_remove, index_upsert, load_index, publish_index
from search.index.loaded import IndexStore
from search.index.store import read_record, space_dir
from tests.search.index.readers import read_while


def _publish_base(vectors, ids, kind="flat", space="text") -> Path:
    return publish_index(space=space, index=build_index(vectors=vectors, ids=ids, kind=kind))


def _base_name(path: Path) -> str:
    return path.name.split(".", 1)[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_upserts_and_removals_answer_across_base_and_delta(kind, vectors, ids) -> None:
    base = _publish_base(vectors[:1500], ids[:1500], kind=kind)

    index_upsert(space="text", ids=ids[10:11], vectors=vectors[2500:2501])  # replaced in base
    index_upsert(space="text", ids=ids[2600:2601], vectors=vectors[2600:2601])  # a new object
    index_upsert(space="text", ids=ids[2700:2701], vectors=vectors[2700:2701])
    index_upsert(space="text", ids=ids[2700:2701], vectors=vectors[2800:2801])  # replaced in delta
    index_remove(space="text", ids=ids[[20, 2600]])  # removed from the base and from the delta

    record = read_record("text")[1]
    assert record.base == _base_name(base)  # no compaction: the edits live in the delta
    assert sorted(record.delta_ids.tolist()) == [ids[10], ids[2700]]
    assert sorted(record.tombstones.tolist()) == [ids[10], ids[20]]
    index = load_index("text")
    assert index.kind == kind and index.ntotal == 1500 - 1 + 1
    top = lambda row: index.search(vectors[row : row + 1], 1)[1][0, 0]  # noqa: E731
    assert top(2500) == ids[10] and top(2800) == ids[2700]
    scores, found = index.search(vectors[[10, 20, 2600, 2700]], 50)
    assert (found == ids[10]).sum(axis=1).max() <= 1
    assert not np.isin(found, ids[[20, 2600]]).any()
    # Each replaced id answers with its new vector's score only.
    for row, new_row, object_id in ((0, 2500, ids[10]), (3, 2800, ids[2700])):
        if object_id in found[row]:
            score = scores[row][found[row] == object_id][0]
            assert score == pytest.approx(
                vectors[[10, 20, 2600, 2700][row]] @ vectors[new_row], abs=0.02
            )
    assert np.all(np.diff(scores, axis=1) <= 0)  # merged best first


def test_merged_results_equal_one_exact_index_of_the_live_vectors(vectors, ids, queries) -> None:
    _publish_base(vectors[:1000], ids[:1000])
    index_upsert(space="text", ids=ids[[5, 1500, 1501]], vectors=vectors[[2000, 1500, 1501]])
    index_remove(space="text", ids=ids[[6, 7]])

    live = [i for i in range(1000) if i not in (5, 6, 7)] + [1500, 1501]
    live_vectors = np.concatenate([vectors[live], vectors[2000:2001]])
    live_ids = np.concatenate([ids[live], ids[5:6]])
    expected = build_index(vectors=live_vectors, ids=live_ids, kind="flat").search(queries, 20)
    got = load_index("text").search(queries, 20)

    assert got[0].dtype == np.float32 and got[1].dtype == np.int64
    assert got[0].shape == got[1].shape == (queries.shape[0], 20)
    np.testing.assert_array_equal(got[1], expected[1])
    np.testing.assert_allclose(got[0], expected[0], rtol=1e-6, atol=1e-6)
    assert load_index("text").ntotal == 1000 - 2 + 2  # 5 replaced, 6 and 7 gone, 2 new


def test_results_are_padded_when_fewer_vectors_than_asked(vectors, ids) -> None:
    _publish_base(vectors[:10], ids[:10])
    index_upsert(space="text", ids=ids[10:11], vectors=vectors[10:11])  # 10% of the base
    index_remove(space="text", ids=ids[:1])
    assert read_record("text")[1].delta_ids.tolist() == [ids[10]]

    scores, found = load_index("text").search(vectors[:2], 15)

    assert load_index("text").ntotal == 10 and found.shape == scores.shape == (2, 15)
    assert (found[:, 10:] == -1).all() and (scores[:, 10:] == -1.0).all()
    assert sorted(found[0, :10].tolist()) == ids[1:11].tolist()


def test_an_upsert_does_not_rewrite_the_base_and_writes_little(vectors, ids, queries) -> None:
    base = _publish_base(vectors, ids)
    base_ids = base.with_name(base.name.replace(".faiss", ".ids.npy"))
    before = {path: (path.stat(), _digest(path)) for path in (base, base_ids)}
    files_before = set(space_dir("text").iterdir())

    index_upsert(space="text", ids=ids[7:8], vectors=queries[:1])

    for path, (stat, digest) in before.items():
        now = path.stat()
        assert (now.st_ino, now.st_mtime_ns, now.st_size) == (
            stat.st_ino,
            stat.st_mtime_ns,
            stat.st_size,
        )
        assert _digest(path) == digest
    written = set(space_dir("text").iterdir()) - files_before
    written_bytes = sum(path.stat().st_size for path in written)
    assert written and written_bytes < 8 * 1024  # one record: a vector, an id, a tombstone
    assert base.stat().st_size > 4 * 2**20  # vs 4.6 MB for the whole 3000-vector index
    assert read_record("text")[1].base == _base_name(base)
    assert load_index("text").search(queries[:1], 1)[1][0, 0] == ids[7]


def test_the_base_in_use_outlives_the_clean_up_of_old_versions(vectors, ids) -> None:
    base = _publish_base(vectors[:1000], ids[:1000])

    for row in range(1000, 1010):
        index_upsert(space="text", ids=ids[row : row + 1], vectors=vectors[row : row + 1])

    folder = space_dir("text")
    assert base.is_file()
    assert len(list(folder.glob("[0-9]*.faiss"))) == 1
    assert len(list(folder.glob("[0-9]*.delta.npz"))) <= 3  # two kept, and the base's own
    assert IndexStore().get("text").ntotal == 1010


def test_compaction_past_the_delta_threshold_equals_a_fresh_rebuild(
    settings, vectors, ids, queries
) -> None:
    settings.SEARCH_DELTA_MAX_VECTORS = 5
    base = _publish_base(vectors[:1000], ids[:1000])
    for row in range(1000, 1005):
        index_upsert(space="text", ids=ids[row : row + 1], vectors=vectors[row : row + 1])
    assert read_record("text")[1].base == _base_name(base)  # 5 in the delta: not yet

    index_upsert(space="text", ids=ids[[3, 1005]], vectors=vectors[[2003, 1005]])

    record = read_record("text")[1]
    assert record.base != _base_name(base)
    assert record.delta_ids.shape[0] == 0 and record.tombstones.shape[0] == 0
    live = [i for i in range(1006) if i != 3]
    fresh = build_index(
        vectors=np.concatenate([vectors[live], vectors[2003:2004]]),
        ids=np.concatenate([ids[live], ids[3:4]]),
        kind="flat",
    )
    index = load_index("text")
    assert index.ntotal == fresh.ntotal == 1006
    np.testing.assert_array_equal(index.search(queries, 10)[1], fresh.search(queries, 10)[1])


def test_compaction_past_the_tombstone_threshold(vectors, ids) -> None:
    base = _publish_base(vectors[:1000], ids[:1000])
    index_remove(space="text", ids=ids[:100])  # 10% of the base: still tombstones
    assert read_record("text")[1].base == _base_name(base)

    index_remove(space="text", ids=ids[100:101])

    record = read_record("text")[1]
    assert record.base != _base_name(base) and record.tombstones.shape[0] == 0
    assert load_index("text").ntotal == 899
    assert sorted(load_index("text").labels.tolist()) == ids[101:1000].tolist()


def test_an_approximate_base_is_rebuilt_from_the_stored_embeddings(
    settings, vectors, ids, queries
) -> None:
    settings.SEARCH_DELTA_MAX_VECTORS = 2
    base = _publish_base(vectors[:1500], ids[:1500], kind="hnsw")
    # The embeddings table after the edits below (the task stores them before it upserts).
    stored_ids = np.concatenate([ids[:1500], ids[2000:2003]])
    stored_vectors = np.concatenate([vectors[:1500], vectors[2000:2003]])
    for row in range(2000, 2003):
        index_upsert(
            space="text",
            ids=ids[row : row + 1],
            vectors=vectors[row : row + 1],
            source=lambda space: (stored_ids, stored_vectors),
        )

    record = read_record("text")[1]
    assert record.base != _base_name(base) and record.delta_ids.shape[0] == 0
    fresh = build_index(vectors=stored_vectors, ids=stored_ids, kind="hnsw")
    index = load_index("text")
    assert index.kind == "hnsw" and index.ntotal == 1503
    np.testing.assert_array_equal(index.search(queries, 10)[1], fresh.search(queries, 10)[1])


def test_a_running_worker_picks_up_a_delta_publication_without_restart(vectors, ids) -> None:
    worker = IndexStore()  # another process's cache, as a second ASGI worker holds it
    _publish_base(vectors[:1000], ids[:1000])
    first = worker.get("text")
    assert first.ntotal == 1000

    index_upsert(space="text", ids=ids[2000:2001], vectors=vectors[2000:2001])
    index_remove(space="text", ids=ids[:1])

    refreshed = worker.get("text")
    assert refreshed is not first and refreshed.ntotal == 1000
    assert refreshed.base is first.base  # the base stays mapped: only the record was read
    assert refreshed.search(vectors[2000:2001], 1)[1][0, 0] == ids[2000]
    assert ids[0] not in refreshed.search(vectors[:1], 10)[1][0]
    assert worker.get("text") is refreshed


def test_two_threads_upserting_at_once_lose_no_writes(vectors, ids) -> None:
    _publish_base(vectors[:1000], ids[:1000])
    errors: list[BaseException] = []

    def upsert(rows: range) -> None:
        try:
            for row in rows:  # ids in the base get new vectors; ids past 1000 are new
                index_upsert(
                    space="text", ids=ids[row : row + 1], vectors=vectors[row + 1500 : row + 1501]
                )
        except BaseException as error:  # any failure is the finding
            errors.append(error)

    threads = [
        threading.Thread(target=upsert, args=(rows,))
        for rows in (range(990, 1010), range(1010, 1030))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    index = IndexStore().get("text")
    assert index.ntotal == 1030
    assert sorted(index.labels.tolist()) == ids[:1030].tolist()
    _, found = index.search(vectors[2490:2530], 1)
    assert found[:, 0].tolist() == ids[990:1030].tolist()


def test_readers_never_see_half_a_delta_publication(vectors, ids) -> None:
    _publish_base(vectors[:1000], ids[:1000])
    worker = IndexStore()  # a warm reader: hot reloads each new version

    def read_once() -> int:
        for index in (worker.get("text"), IndexStore().get("text")):  # warm and cold
            assert index.search(vectors[:1], 1)[1][0, 0] == ids[0]
            assert index.ntotal == index.labels.shape[0]
        return int(index.ntotal)

    def write() -> None:
        for row in range(1000, 1040):
            index_upsert(space="text", ids=ids[row : row + 1], vectors=vectors[row : row + 1])

    assert read_while(read_once, write) <= set(range(1000, 1041))


def test_a_version_written_before_records_is_read_as_its_own_base(vectors, ids) -> None:
    base = _publish_base(vectors[:1000], ids[:1000])
    base.with_name(base.name.replace(".faiss", ".delta.npz")).unlink()

    assert IndexStore().get("text").ntotal == 1000
    index_upsert(space="text", ids=ids[1000:1001], vectors=vectors[1000:1001])

    assert base.is_file() and read_record("text")[1].base == _base_name(base)
    assert load_index("text").search(vectors[1000:1001], 1)[1][0, 0] == ids[1000]


def _upsert_rows_in_a_worker(index_dir: str, id_values: list[int], rows: list[list[float]]) -> None:
    from django.conf import settings

    settings.INDEX_DIR = index_dir
    for object_id, row in zip(id_values, rows, strict=True):
        index_upsert(space="text", ids=np.array([object_id]), vectors=np.array([row], np.float32))


def test_two_processes_upserting_into_the_delta_at_once_lose_no_writes(
    settings, vectors, ids
) -> None:
    base = _publish_base(vectors[:1000], ids[:1000])
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(
            target=_upsert_rows_in_a_worker,
            args=(str(settings.INDEX_DIR), ids[i : i + 15].tolist(), vectors[i : i + 15].tolist()),
        )
        for i in (1000, 1015)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert [worker.exitcode for worker in workers] == [0, 0]
    assert read_record("text")[1].base == _base_name(base)  # all 30 went to the delta
    index = IndexStore().get("text")
    assert sorted(index.labels.tolist()) == ids[:1030].tolist()


def test_removing_everything_leaves_an_empty_index_that_still_answers(vectors, ids) -> None:
    _publish_base(vectors[:50], ids[:50])

    index_remove(space="text", ids=ids[:50])

    index = load_index("text")
    assert index.ntotal == 0
    assert (index.search(vectors[:2], 5)[1] == -1).all()
    index_upsert(space="text", ids=ids[60:61], vectors=vectors[60:61])
    assert load_index("text").search(vectors[60:61], 1)[1][0, 0] == ids[60]
