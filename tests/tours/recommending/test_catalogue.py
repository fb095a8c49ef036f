"""The recommender's catalogue: its facts read in chunks, its vectors copied once."""

import gc
import tracemalloc

import numpy as np
import pytest

from exhibition.models import CollectionObject
from tests import builders
from tours.recommending import catalogue as catalogue_module
from tours.recommending.catalogue import Catalogue, ObjectFacts

OBJECTS = 10


def _live_objects() -> int:
    gc.collect()  # prefetched links refer back to their object: cycles, not yet collected
    return sum(isinstance(o, CollectionObject) for o in gc.get_objects())


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
