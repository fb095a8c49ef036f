"""A visitor's taste read from their interaction rows, and held-out splits of a log.

The same reading serves the site (a visitor's recorded history), the hybrid's fit (which
learns its blend by hiding each sampled visitor's latest like) and the evaluation
(leave-last-k-out), so all three mean the same by "liked", "skipped" and "seen".
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from tours.recommending.base import Interest, VisitorTaste
from tours.recommending.interaction_log import (
    POSITIVE,
    InteractionLog,
    InteractionRow,
    first_liked,
)


def taste_from_rows(
    rows: Sequence[InteractionRow], interests: Sequence[Interest] = ()
) -> VisitorTaste:
    """One visitor's taste from their rows (time order): liked in the order they were liked."""
    liking = next(iter(InteractionLog(rows=list(rows)).preferences().values()), {})
    liked = [oid for _, oid in first_liked(rows) if liking.get(oid, 0.0) >= POSITIVE]
    return VisitorTaste(
        liked_ids=tuple(liked),
        skipped_ids=frozenset(oid for oid, value in liking.items() if value < 0),
        seen_ids=frozenset(liking),
        interests=tuple(interests),
    )


def log_interests(log: InteractionLog, visitor: str) -> tuple[Interest, ...]:
    raw = log.interests.get(visitor, [])
    return tuple(Interest(str(item.get("kind", "")), str(item.get("value", ""))) for item in raw)


@dataclass(frozen=True)
class HeldOut:
    """A visitor's taste before a moment, and the objects they came to like from then on."""

    visitor: str
    taste: VisitorTaste
    liked_later: frozenset[int]


def hold_out_last_liked(
    log: InteractionLog, *, k: int, max_visitors: int | None = None, seed: int = 0
) -> tuple[InteractionLog, list[HeldOut]]:
    """Hides, for visitors with more than ``k`` likes, everything from their k-th last like on.

    Returns what is left of the log (every visitor's rows but the hidden ones) and the
    hidden cases; ``max_visitors`` samples that many visitors (seeded), for a quick fit.
    """
    grouped = log.by_visitor()
    visitors = sorted(grouped)
    if max_visitors is not None and len(visitors) > max_visitors:
        visitors = sorted(random.Random(seed).sample(visitors, max_visitors))  # noqa: S311
    hidden: list[InteractionRow] = []
    cases: list[HeldOut] = []
    for visitor in visitors:
        rows = grouped[visitor]
        liked = first_liked(rows)
        if len(liked) <= k:
            continue
        cut = liked[-k][0]
        before = [row for row in rows if row.at < cut]
        later = frozenset(oid for at, oid in liked if at >= cut) - {r.object_id for r in before}
        if not later:
            continue
        hidden.extend(row for row in rows if row.at >= cut)
        taste = taste_from_rows(before, log_interests(log, visitor))
        cases.append(HeldOut(visitor, taste, later))
    return log.without(hidden), cases
