import os

import numpy as np
import pytest

from search.index import build_index, load_index, publish_index, unpublish_index
from search.index.loaded import IndexStore
from search.index.store import current_version, space_dir
from tests.search.index.readers import read_while


def _publish(vectors, ids, space="text"):
    return publish_index(space=space, index=build_index(vectors=vectors, ids=ids, kind="flat"))


def test_no_published_index_loads_as_none() -> None:
    assert load_index("text") is None


def test_a_published_index_is_found_by_search_after_loading(vectors, ids) -> None:
    path = _publish(vectors[:100], ids[:100])

    index = load_index("text")

    assert path.parent == space_dir("text") and path.is_file()
    assert index is not None and index.ntotal == 100
    assert index.search(vectors[5:6], 1)[1][0, 0] == ids[5]


def test_a_running_worker_picks_up_a_new_publication_without_restart(vectors, ids) -> None:
    worker = IndexStore()  # another process's cache, as a second ASGI worker holds it
    _publish(vectors[:100], ids[:100])
    assert worker.get("text").ntotal == 100

    _publish(vectors[:200], ids[:200])

    refreshed = worker.get("text")
    assert refreshed.ntotal == 200
    assert refreshed.search(vectors[150:151], 1)[1][0, 0] == ids[150]


def test_an_unchanged_publication_is_not_read_again(vectors, ids) -> None:
    worker = IndexStore()
    _publish(vectors[:100], ids[:100])

    assert worker.get("text") is worker.get("text")


def test_only_the_current_and_the_previous_versions_stay_on_disk(vectors, ids) -> None:
    for size in (10, 20, 30, 40):
        _publish(vectors[:size], ids[:size])

    versions = {p.name.split(".")[0] for p in space_dir("text").glob("[0-9]*.faiss")}
    id_files = {p.name.split(".")[0] for p in space_dir("text").glob("[0-9]*.ids.npy")}
    assert len(versions) == 2 and versions == id_files
    assert current_version("text") in versions
    assert not list(space_dir("text").glob(".tmp-*"))


def test_readers_never_fail_or_see_a_partial_index_while_publishing(vectors, ids) -> None:
    _publish(vectors[:500], ids[:500])

    def read_once() -> int:
        index = IndexStore().get("text")  # a cold reader: reads the files every time
        _, found = index.search(vectors[:1], 1)
        assert found[0, 0] == ids[0]
        return int(index.ntotal)

    def write() -> None:
        for size in (600, 700, 800, 900, 1000, 1100):
            _publish(vectors[:size], ids[:size])

    sizes = read_while(read_once, write)
    assert sizes <= {500, 600, 700, 800, 900, 1000, 1100} and len(sizes) >= 1


def test_a_withdrawn_index_loads_as_none(vectors, ids) -> None:
    _publish(vectors[:10], ids[:10])
    assert load_index("text") is not None

    unpublish_index(space="text")

    assert load_index("text") is None


@pytest.mark.parametrize("space", ["", "../etc", ".hidden", "a/b"])
def test_a_space_name_cannot_escape_the_index_folder(space, vectors, ids) -> None:
    with pytest.raises(ValueError, match="invalid index space"):
        _publish(vectors[:10], ids[:10], space=space)


def test_publication_leaves_the_folder_readable_by_another_process(vectors, ids) -> None:
    _publish(vectors[:10], ids[:10])

    pid = os.fork()
    if pid == 0:  # the child reads the published files with its own, fresh cache
        index = IndexStore().get("text")
        os._exit(0 if index is not None and index.ntotal == 10 else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0
    assert np.array_equal(load_index("text").labels, ids[:10])


def test_a_damaged_publication_keeps_the_last_good_index_serving(vectors, ids) -> None:
    worker = IndexStore()
    _publish(vectors[:100], ids[:100])
    assert worker.get("text").ntotal == 100
    broken = _publish(vectors[:200], ids[:200])

    broken.write_bytes(b"not a faiss index")

    assert worker.get("text").ntotal == 100
    assert IndexStore().get("text") is None  # a fresh worker: no index, so keyword results only
