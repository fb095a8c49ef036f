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
class _Fusion:
    """What one fusion saw, shared by its hits: the channels' scores as fused and raw."""

    normalised: dict[str, tuple[dict[int, float], float]]  # name -> (scores, floor)
    raw: dict[str, dict[int, float]]


@dataclass(frozen=True)
class FusedHit:
    object_id: int
    score: float
    fusion: _Fusion = field(repr=False, compare=False)

    # Per-channel details are read for the page's hits only, so they are looked up on
    # demand rather than copied for every candidate.
    @property
    def channel_scores(self) -> dict[str, float]:
        """Each channel's score as fused (see above); the floor where not a candidate."""
        oid = self.object_id
        return {name: sc.get(oid, floor) for name, (sc, floor) in self.fusion.normalised.items()}

    @property
    def raw_scores(self) -> dict[str, float]:
        """The channels' own scores, for the channels that returned this record."""
        return {
            name: sc[self.object_id] for name, sc in self.fusion.raw.items() if self.object_id in sc
        }


# Tuned on the dev set (full records and titles only together); see module docstring.
DEFAULT_WEIGHTS: Mapping[str, float] = {KEYWORD: 1.0, TEXT: 1.0, VISUAL: 0.75}
# With ConSE the visual channel's weight follows the query's visualness (its best cosine
# with the classifier's class descriptions, see search.query_encoding): none below the
# first figure, rising to VISUAL_MAX_WEIGHT at the second. A query naming no visible thing
# ("Rembrandt", "China") would otherwise rank by images that match it only by chance.
# Chosen as the middle of the settings that beat the fixed weight in both conditions.
VISUAL_GATE = (0.35, 0.55)
VISUAL_MAX_WEIGHT = 1.0


def text_query_weights(visualness: float | None) -> Mapping[str, float]:
    """The channels' weights for a text query of this visualness (None: the fixed ones)."""
    if visualness is None:
        return DEFAULT_WEIGHTS
    low, high = VISUAL_GATE
    share = min(max((visualness - low) / (high - low), 0.0), 1.0)
    return {**DEFAULT_WEIGHTS, VISUAL: round(VISUAL_MAX_WEIGHT * share, 4)}


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
    fusion = _Fusion(
        normalised={channel.name: normalise(channel) for channel in present},
        raw={channel.name: channel.scores for channel in present},
    )
    # A candidate starts from every channel's floor and gains where a channel returned it.
    start = sum(weights.get(name, 0.0) * floor for name, (_, floor) in fusion.normalised.items())
    totals: dict[int, float] = {}
    for name, (scores, floor) in fusion.normalised.items():
        weight = weights.get(name, 0.0)
        for object_id, value in scores.items():
            totals[object_id] = totals.get(object_id, start) + weight * (value - floor)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [FusedHit(object_id, total, fusion) for object_id, total in ranked]


def ranked_ids(hits: Sequence[FusedHit]) -> list[int]:
    return [hit.object_id for hit in hits]
