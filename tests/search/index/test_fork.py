import multiprocessing

import numpy as np

from search.index import build_index, load_index, publish_index


def _search_in_child(queries: np.ndarray, result: "multiprocessing.Queue[list[int]]") -> None:
    index = load_index("text")
    result.put(index.search(queries, 1)[1][:, 0].tolist())


def test_a_forked_worker_searches_without_hanging_after_the_parent_used_faiss(
    settings, vectors, ids, queries
) -> None:
    # Two OpenMP threads in the parent, and a batch search that uses them, before the fork.
    settings.SEARCH_FAISS_THREADS = 2
    import faiss

    faiss.omp_set_num_threads(2)
    publish_index(space="text", index=build_index(vectors=vectors, ids=ids, kind="flat"))
    expected = load_index("text").search(queries, 1)[1][:, 0].tolist()

    context = multiprocessing.get_context("fork")
    result = context.Queue()
    child = context.Process(target=_search_in_child, args=(queries, result))
    child.start()
    child.join(timeout=30)
    hung = child.is_alive()
    if hung:
        child.kill()
    faiss.omp_set_num_threads(1)

    assert not hung, "the forked worker hung in FAISS"
    assert child.exitcode == 0
    assert result.get(timeout=5) == expected
