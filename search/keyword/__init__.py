"""Keyword channel: BM25-style full-text search over public records.

SQLite FTS5 or PostgreSQL full text: the backend registered in
``settings.SEARCH_KEYWORD_BACKENDS`` under the vendor of the database in use. Only public
objects are ever written to the index; results are still re-checked against
``public_objects()`` by the ranking service.
"""

from collections.abc import Sequence
from functools import cache
from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import QuerySet

from config.engines import EngineRegistry, UnknownEngine
from exhibition.models import CollectionObject
from exhibition.page_cache import collection_changed
from exhibition.selectors import public_objects
from search.keyword.base import KeywordBackend
from search.keyword.documents import FIELDS_ALL, keyword_document, query_terms
from search.keyword.types import KeywordHit, MatchedWords
from search.per_version import VersionedLRU

__all__ = [
    "KeywordBackend",
    "KeywordHit",
    "MatchedWords",
    "keyword_backend",
    "keyword_index_object",
    "keyword_matched_words",
    "keyword_remove",
    "keyword_search",
    "keyword_term_maxima",
    "public_with_text",
    "rebuild_keyword_index",
]


keyword_backends: EngineRegistry[KeywordBackend] = EngineRegistry(
    kind="keyword backend", base=KeywordBackend, setting="SEARCH_KEYWORD_BACKENDS"
)


@cache
def keyword_backend(vendor: str) -> KeywordBackend:
    """The backend for a database vendor ("sqlite", "postgresql"); backends hold no state."""
    try:
        return keyword_backends.engine_class(vendor)()
    except UnknownEngine as exc:
        raise ImproperlyConfigured(f"No keyword search on this database: {exc}") from None


def backend() -> KeywordBackend:
    return keyword_backend(connection.vendor)


def public_with_text() -> QuerySet[CollectionObject]:
    """Public records with what their keyword document reads, in a fixed number of queries."""
    return public_objects().select_related("place").prefetch_related("creator_links__agent", "tags")


def keyword_index_object(*, collection_object: CollectionObject) -> bool:
    """Index the object's record if it is public, else remove it; True if now indexed."""
    store = backend()
    with connection.cursor() as cursor:
        if not collection_object.is_public:
            store.remove(cursor, [collection_object.pk])
            return False
        obj = public_with_text().filter(pk=collection_object.pk).first()
        if obj is None:
            store.remove(cursor, [collection_object.pk])
            return False
        store.upsert(cursor, [keyword_document(obj, fields=FIELDS_ALL)])
    return True


def keyword_remove(*, object_ids: Sequence[int]) -> None:
    with connection.cursor() as cursor:
        backend().remove(cursor, list(object_ids))


# Records read and written per round of a rebuild: a million never sit in memory at once.
REBUILD_CHUNK = 2000


def rebuild_keyword_index() -> int:
    """Re-index every public object from scratch; returns how many were indexed."""
    store = backend()
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        store.clear(cursor)
        objects = public_with_text().order_by("pk").iterator(chunk_size=REBUILD_CHUNK)
        while chunk := list(islice(objects, REBUILD_CHUNK)):
            store.upsert(cursor, [keyword_document(obj, fields=FIELDS_ALL) for obj in chunk])
            count += len(chunk)
        collection_changed()  # word statistics held per version are stale now
    return count


def keyword_search(query: str, *, limit: int = 200) -> list[KeywordHit]:
    """Best matches first (may include ids no longer public: callers filter)."""
    terms = query_terms(query)
    with connection.cursor() as cursor:
        return backend().search(cursor, terms, limit=limit)


# A statistic of the collection, like a word's document frequency: it changes only when
# the keyword index does, which moves the collection version on, and the same words come
# back in query after query. Keyed by database vendor and word.
_TERM_MAXIMA: VersionedLRU[tuple[str, str], float] = VersionedLRU(lambda: 20_000)


def _read_term_maxima(keys: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
    with connection.cursor() as cursor:
        scores = backend().term_maxima(cursor, [term for _, term in keys])
    return dict(zip(keys, scores, strict=True))


def keyword_term_maxima(query: str) -> list[float]:
    """Each word of the query's best score on its own (0 where no public record has it)."""
    keys = [(connection.vendor, term) for term in query_terms(query)]
    found = _TERM_MAXIMA.get_many(keys, _read_term_maxima)
    return [float(found[key]) for key in keys]


def keyword_matched_words(query: str, object_ids: Sequence[int]) -> MatchedWords:
    """For each of these records the query matched, its matched words per column."""
    terms = query_terms(query)
    with connection.cursor() as cursor:
        return backend().matched_words(cursor, terms, list(object_ids))
