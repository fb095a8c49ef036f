"""What a search returns: one page of hits with their explanations, and how it went."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from search.explanations import Explanation
from search.relevance import MATCHED

if TYPE_CHECKING:
    from search.suggestions import Suggestions

Hit = TypeVar("Hit")


@dataclass(frozen=True)
class SearchHit:
    object_id: int
    score: float
    explanation: Explanation


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int
    page: int
    page_size: int
    notice: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # stage -> milliseconds
    object_ids: list[int] = field(default_factory=list)  # every shown id (for facets)
    # Words: MATCHED; NONE (nothing matched: no hits, see suggestions); GUESSES (a sparse
    # catalogue's closest guesses for a query that matched nothing). See search.relevance.
    match: str = MATCHED
    suggestions: "Suggestions | None" = None


def page_of(ranked: list[Hit], page: int, page_size: int) -> list[Hit]:
    start = (page - 1) * page_size
    return ranked[start : start + page_size]
