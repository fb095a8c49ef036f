"""The interface of a keyword backend: one full-text store per database engine.

Backends are sibling modules (``sqlite``, ``postgres``) registered in
``settings.SEARCH_KEYWORD_BACKENDS`` under the Django database vendor they run on; the
database in use picks one (config/engines.py is the project's one pattern for pluggable
engines). Every method takes a DB-API cursor, so the same backend serves the site's
database and an in-memory index built for an evaluation.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any

from search.keyword.documents import KeywordDocument
from search.keyword.types import KeywordHit, MatchedWords


class KeywordBackend(ABC):
    @abstractmethod
    def create_table(self, cursor: Any) -> None:
        """Create the store (the migration calls this)."""

    @abstractmethod
    def drop_table(self, cursor: Any) -> None:
        """Remove the store (the migration's reverse)."""

    def upgrade_table(self, cursor: Any) -> None:  # noqa: B027 (most stores need no upgrade)
        """Bring a store made by an earlier version up to date (a migration calls this)."""

    @abstractmethod
    def upsert(self, cursor: Any, documents: Iterable[KeywordDocument]) -> None:
        """Write these records' documents, replacing any they had."""

    @abstractmethod
    def remove(self, cursor: Any, object_ids: Sequence[int]) -> None:
        """Forget these records."""

    @abstractmethod
    def clear(self, cursor: Any) -> None:
        """Forget every record."""

    @abstractmethod
    def search(self, cursor: Any, terms: Sequence[str], *, limit: int) -> list[KeywordHit]:
        """Best matches first, any term matching (a visitor's words are OR-ed)."""

    @abstractmethod
    def term_maxima(self, cursor: Any, terms: Sequence[str]) -> list[float]:
        """Each term's best score on its own (0 where no record has it)."""

    @abstractmethod
    def matched_words(
        self, cursor: Any, terms: Sequence[str], object_ids: Sequence[int]
    ) -> MatchedWords:
        """The words of each of these records that the terms matched, per column."""
