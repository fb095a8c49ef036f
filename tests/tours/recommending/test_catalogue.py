"""The recommender's catalogue: its facts read in chunks, its vectors copied once."""

import tracemalloc

import numpy as np
import pytest

from exhibition.models import CollectionObject
from tests import builders
from tests.live_objects import live_instances
from tours.recommending import catalogue as catalogue_module
from tours.recommending.catalogue import Catalogue, ObjectFacts

OBJECTS = 10


def _live_objects() -> int:
    return live_instances(CollectionObject)


def _facts(object_id: int) -> ObjectFacts:
    return ObjectFacts(
        id=object_id,
        slug=f"o{object_id}",
        title="",
        object_type="",
        culture="",
        century=None,
        tags=frozenset(),
        creators=(),
    )


def test_normalising_the_vectors_makes_one_matrix_not_two() -> None:
    rows = 2_000
    vectors = np.random.default_rng(0).standard_normal((rows, 384)).astype(np.float32)
    facts = {i: _facts(i) for i in range(rows)}
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start, _ = tracemalloc.get_traced_memory()
        made = Catalogue(facts=facts, vector_ids=np.arange(rows, dtype=np.int64), vectors=vectors)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert np.allclose(np.linalg.norm(made.vectors, axis=1), 1.0, atol=1e-5)
    assert made.vectors.dtype == np.float32
    # The normalised matrix, the norms and the row map; a second full copy would add 3 MB.
    assert peak - start < 1.5 * vectors.nbytes


def test_the_facts_are_read_a_chunk_of_objects_at_a_time(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(OBJECTS):
        builders.make_object(title=f"Bowl {n}")
    monkeypatch.setattr(catalogue_module, "READ_CHUNK", 2)
    seen: list[int] = []
    real_facts = catalogue_module.ObjectFacts

    def counting(**fields: object) -> ObjectFacts:
        seen.append(_live_objects())
        return real_facts(**fields)  # type: ignore[arg-type]

    monkeypatch.setattr(catalogue_module, "ObjectFacts", counting)
    before = _live_objects()

    loaded = catalogue_module.load_catalogue(with_vectors=False)

    assert sorted(loaded.facts) == sorted(CollectionObject.objects.values_list("pk", flat=True))
    # Two chunks at most (the one read, the one being made); every object without chunks.
    assert max(seen) - before <= 5


def test_rows_are_found_by_id_in_any_order_the_last_of_a_repeated_id_answering() -> None:
    ids = np.array([30, 10, 20, 10], dtype=np.int64)
    vectors = np.eye(4, dtype=np.float32)
    made = Catalogue(
        facts={i: _facts(i) for i in (10, 20, 30, 40)}, vector_ids=ids, vectors=vectors
    )

    matrix, present = made.matrix([10, 40, 30, 20, 10])

    assert present.tolist() == [True, False, True, True, True]
    assert matrix.tolist() == [
        [0, 0, 0, 1],  # 10's last row
        [0, 0, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
    ]
    assert made.has_vectors
    empty = Catalogue(facts={1: _facts(1)})
    assert not empty.has_vectors
    assert empty.matrix([1])[1].tolist() == [False]


def test_finding_a_row_holds_no_python_object_per_vector() -> None:
    rows = 20_000
    ids = np.arange(rows, dtype=np.int64)
    vectors = np.ones((rows, 1), dtype=np.float32)
    facts = {i: _facts(i) for i in range(rows)}
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        made = Catalogue(facts=facts, vector_ids=ids, vectors=vectors)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert made.matrix([rows - 1])[1].tolist() == [True]
    # Sorted ids, their rows and the normalised vectors: 0.4 MB; a dict of ids held 2 MB more.
    assert held - start < 1_000_000
