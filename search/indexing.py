"""The indexing service: stored embeddings in, published FAISS indexes out.

One direction only: ``search.embeddings`` computes and stores vectors and knows nothing of
indexes; ``search.index`` builds and publishes FAISS files and knows nothing of the
database; this module reads the one and updates the other.
"""

import numpy as np

from exhibition.models import CollectionObject
from exhibition.page_cache import collection_changed
from search.embeddings import (
    SPACES,
    embedding_matrix,
    embeddings_delete,
    object_embed,
    object_vector,
)
from search.index import VectorIndex, index_remove, index_upsert, rebuild_space


def object_search_refresh(*, collection_object_id: int, force: bool = False) -> set[str]:
    """Re-embed one object and bring the vector indexes in line; returns the spaces touched.

    A deleted or non-public object leaves every index; a changed one is upserted.
    """
    obj = CollectionObject.objects.filter(pk=collection_object_id).first()
    if obj is None:
        embeddings_delete(collection_object_id=collection_object_id)
        object_unindex(collection_object_id=collection_object_id)
        return set(SPACES)
    changed = object_embed(collection_object=obj, force=force)
    ids = np.array([collection_object_id], dtype=np.int64)
    for space in sorted(changed):
        vector = object_vector(collection_object_id=collection_object_id, space=space)
        if vector is None:
            index_remove(space=space, ids=ids, source=embedding_matrix)
        else:
            index_upsert(space=space, ids=ids, vectors=vector[None, :], source=embedding_matrix)
    if changed:
        collection_changed()  # cached pages' "More like this" panels come from these indexes
    return changed


def object_unindex(*, collection_object_id: int) -> None:
    """Take an object out of every index (its embeddings are gone or going)."""
    ids = np.array([collection_object_id], dtype=np.int64)
    for space in SPACES:
        index_remove(space=space, ids=ids, source=embedding_matrix)
    collection_changed()


def space_rebuild(*, space: str, kind: str = "auto") -> VectorIndex:
    """Rebuild one space's index from its stored embeddings, and publish it."""
    return rebuild_space(space=space, source=embedding_matrix, kind=kind)


def rebuild_indexes(*, kind: str = "auto") -> dict[str, int]:
    """Rebuild every space; returns the number of vectors indexed in each."""
    counts = {space: space_rebuild(space=space, kind=kind).ntotal for space in SPACES}
    collection_changed()  # cached pages' "More like this" panels come from these indexes
    return counts
