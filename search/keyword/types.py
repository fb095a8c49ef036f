"""What the keyword channel returns."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class KeywordHit:
    object_id: int
    score: float  # higher is better (BM25-style; scale differs between backends)


# Object id -> column name -> the words of the record that matched, as written in the record.
MatchedWords = dict[int, dict[str, list[str]]]


def marked_words(text: str, *, open_mark: str, close_mark: str) -> list[str]:
    """The distinct words a backend's highlighter wrapped in the two marks, in order."""
    words = [chunk.split(close_mark, 1)[0].strip() for chunk in text.split(open_mark)[1:]]
    return list(dict.fromkeys(word for word in words if word))


def matches_from_rows(
    rows: Iterable[Sequence[Any]], *, columns: Sequence[str], open_mark: str, close_mark: str
) -> MatchedWords:
    """Rows of (object id, one highlighted text per column) as the words matched per column.

    Both backends answer in this shape; only their highlight marks differ.
    """
    matches: MatchedWords = {}
    for row in rows:
        matches[int(row[0])] = {
            name: words
            for name, text in zip(columns, row[1:], strict=True)
            if (words := marked_words(text or "", open_mark=open_mark, close_mark=close_mark))
        }
    return matches
