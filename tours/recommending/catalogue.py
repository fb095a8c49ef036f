"""The public objects as the recommender sees them: their record facts and stored vectors.

Facts (type, culture, century, tags, creators) serve metadata interests, diversity and the
reasons' wording; vectors are search's stored record-text embeddings, read through search's
public ``embedding_matrix`` (public objects only). Loaded in a few queries, once per fit.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Prefetch

from exhibition.models import ObjectCreator
from exhibition.selectors import public_objects
from search.embeddings import embedding_matrix

# Search's whole-record text space: title, creators, date, type, culture, place, medium,
# description and tags in one vector.
CONTENT_SPACE = "text"
# Objects read (with their prefetched tags and credits) per round trip: a queryset iterated
# whole would hold every model instance until the facts are made, far more than the facts.
READ_CHUNK = 2_000


@dataclass(frozen=True)
class ObjectFacts:
    id: int
    slug: str
    title: str
    object_type: str
    culture: str  # the culture group: "Dutch Republic" for "Dutch Republic (Delft)"
    century: int | None
    tags: frozenset[str]
    creators: tuple[str, ...]
    featured: bool = False


@dataclass
class Catalogue:
    """Public objects by id, with unit-length vectors for those that have one."""

    facts: dict[int, ObjectFacts]
    vector_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))

    def __post_init__(self) -> None:
        # Each object's row found by a binary search in the sorted ids: a dict of a million
        # ids would hold ~100 MB in every worker. An id given twice answers with its last row.
        ids = np.asarray(self.vector_ids, dtype=np.int64).reshape(-1)
        self._row_order = np.argsort(ids, kind="stable")
        self._sorted_ids = ids[self._row_order]
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True) if self.vectors.size else 1.0
        # One new matrix (N x 384 floats: 1.5 GB at a million objects), not a second copy.
        self.vectors = (self.vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)

    @property
    def ids(self) -> list[int]:
        return sorted(self.facts)

    @property
    def has_vectors(self) -> bool:
        return bool(self._sorted_ids.shape[0])

    def title(self, object_id: int) -> str:
        facts = self.facts.get(object_id)
        return facts.title if facts else f"object {object_id}"

    def matrix(self, object_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """(vectors (n, d), has_vector (n,)) for these ids; a missing vector is a zero row."""
        rows = self._rows(np.asarray(object_ids, dtype=np.int64).reshape(-1))
        present = rows >= 0
        dim = self.vectors.shape[1] if self.vectors.ndim == 2 else 0
        out = np.zeros((len(object_ids), dim), dtype=np.float32)
        if dim and present.any():
            out[present] = self.vectors[rows[present]]
        return out, present

    def _rows(self, wanted: np.ndarray) -> np.ndarray:
        """The vector row of each id, -1 where it has none."""
        if not self._sorted_ids.shape[0]:
            return np.full(wanted.shape[0], -1, dtype=np.int64)
        at = np.maximum(np.searchsorted(self._sorted_ids, wanted, side="right") - 1, 0)
        found = self._sorted_ids[at] == wanted
        return np.where(found, self._row_order[at], -1).astype(np.int64)


def load_catalogue(
    *, object_ids: Iterable[int] | None = None, with_vectors: bool = True
) -> Catalogue:
    """The public objects (or those of ``object_ids`` that are public) and their vectors."""
    objects = public_objects().prefetch_related(
        Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")), "tags"
    )
    if object_ids is not None:
        objects = objects.filter(pk__in=list(object_ids))
    facts = {
        obj.pk: ObjectFacts(
            id=obj.pk,
            slug=obj.slug,
            title=obj.title,
            object_type=obj.object_type.strip().lower(),
            culture=obj.culture_group,
            century=obj.century,
            tags=frozenset(tag.name.strip().lower() for tag in obj.tags.all()),
            creators=tuple(link.agent.name for link in obj.creator_links.all()),
            featured=obj.featured,
        )
        for obj in objects.iterator(chunk_size=READ_CHUNK)
    }
    if not with_vectors:
        return Catalogue(facts=facts)
    ids, vectors = embedding_matrix(CONTENT_SPACE)
    keep = np.isin(ids, np.array(sorted(facts), dtype=np.int64))
    if not keep.all():  # the matrix is of public objects already: usually every row stays
        ids, vectors = ids[keep], vectors[keep]
    return Catalogue(facts=facts, vector_ids=ids, vectors=vectors)
