"""FAISS indexes of the search spaces: build, publish atomically, load with hot reload, update.

FAISS and files only: vectors come in from the caller (search.indexing hands in the stored
embeddings), and nothing here reads the database. Heavy imports (faiss) happen inside the
functions, on first use.
"""

from search.index.loaded import load_index
from search.index.segments import LayeredIndex
from search.index.store import publish_index, unpublish_index
from search.index.updates import VectorSource, index_remove, index_upsert, rebuild_space
from search.index.vector_index import VectorIndex, build_index, choose_kind

__all__ = [
    "LayeredIndex",
    "VectorIndex",
    "VectorSource",
    "build_index",
    "choose_kind",
    "index_remove",
    "index_upsert",
    "load_index",
    "publish_index",
    "rebuild_space",
    "unpublish_index",
]
