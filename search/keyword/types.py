"""What the keyword channel returns."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KeywordHit:
    object_id: int
    score: float  # higher is better (BM25-style; scale differs between backends)
    # Column name -> the words of the record that matched, as written in the record.
    matched: dict[str, list[str]] = field(default_factory=dict)
