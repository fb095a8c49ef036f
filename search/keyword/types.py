"""What the keyword channel returns."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class KeywordHit:
    object_id: int
    score: float  # higher is better (BM25-style; scale differs between backends)
    # Column name -> the words of the record that matched, as written in the record.
    matched: dict[str, list[str]] = field(default_factory=dict)


def marked_words(text: str, *, open_mark: str, close_mark: str) -> list[str]:
    """The distinct words a backend's highlighter wrapped in the two marks, in order."""
    words = [chunk.split(close_mark, 1)[0].strip() for chunk in text.split(open_mark)[1:]]
    return list(dict.fromkeys(word for word in words if word))


def hits_from_rows(
    rows: Iterable[Sequence[Any]], *, columns: Sequence[str], open_mark: str, close_mark: str
) -> list[KeywordHit]:
    """Rows of (object id, score, one highlighted text per column) as hits.

    Both backends answer in this shape; only their highlight marks differ.
    """
    hits = []
    for row in rows:
        matched = {
            name: words
            for name, text in zip(columns, row[2:], strict=True)
            if (words := marked_words(text or "", open_mark=open_mark, close_mark=close_mark))
        }
        hits.append(KeywordHit(object_id=int(row[0]), score=float(row[1]), matched=matched))
    return hits
