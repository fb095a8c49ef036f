"""Hybrid ranking: fuse the keyword, record-text and visual channels into one list.

BM25 is unbounded and its scale changes from query to query, so the keyword channel
is divided by its best score (a record that does not match scores 0, as in BM25).
Cosines are already on one scale for every query and record of an encoder, so the
dense channels keep their raw cosine; a record outside a channel's candidate list gets
that list's lowest cosine. Keeping the cosine matters for the visual channel: its
scores sit in a narrow band, and stretching that band to 0–1 (min-max) turns its
noise into full-size votes; on its own scale it only reorders close calls.

The three weights were chosen on the dev set as a coarse grid (0.5–2.5 in steps of
0.25), taking the middle of the plateau that is best in both conditions (full records,
titles only) rather than its single best point; see ``evaluate_search``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

KEYWORD, TEXT, VISUAL = "keyword", "text", "visual"
CHANNELS = (KEYWORD, TEXT, VISUAL)


@dataclass(frozen=True)
class ChannelResult:
    name: str
    scores: dict[int, float]  # object id -> raw score (higher is better)
    kind: str = "dense"  # "dense" (cosine, kept) or "sparse" (BM25, divided by the best)


@dataclass(frozen=True)
class FusedHit:
    object_id: int
    score: float
    channel_scores: dict[str, float] = field(default_factory=dict)  # as fused (see above)
    raw_scores: dict[str, float] = field(default_factory=dict)


# Tuned on the dev set (full records and titles only together); see module docstring.
DEFAULT_WEIGHTS: Mapping[str, float] = {KEYWORD: 1.0, TEXT: 1.0, VISUAL: 0.75}


def normalise(channel: ChannelResult) -> tuple[dict[int, float], float]:
    """The channel's scores as fused, and the score of a record it did not return."""
    if not channel.scores:
        return {}, 0.0
    if channel.kind == "sparse":
        best = max(channel.scores.values())
        if best <= 0:
            return {object_id: 0.0 for object_id in channel.scores}, 0.0
        return {oid: max(score, 0.0) / best for oid, score in channel.scores.items()}, 0.0
    return dict(channel.scores), min(channel.scores.values())


def fuse(
    channels: Iterable[ChannelResult], weights: Mapping[str, float] = DEFAULT_WEIGHTS
) -> list[FusedHit]:
    """Every candidate of any channel, best first (ties broken by id for stable pages)."""
    present = [channel for channel in channels if channel.scores]
    normalised = {channel.name: normalise(channel) for channel in present}
    candidates: set[int] = set()
    for scores, _ in normalised.values():
        candidates.update(scores)
    hits = []
    for object_id in candidates:
        per_channel = {
            name: scores.get(object_id, floor) for name, (scores, floor) in normalised.items()
        }
        total = sum(weights.get(name, 0.0) * value for name, value in per_channel.items())
        raw = {c.name: c.scores[object_id] for c in present if object_id in c.scores}
        hits.append(FusedHit(object_id, total, per_channel, raw))
    hits.sort(key=lambda hit: (-hit.score, hit.object_id))
    return hits


def ranked_ids(hits: Sequence[FusedHit]) -> list[int]:
    return [hit.object_id for hit in hits]
