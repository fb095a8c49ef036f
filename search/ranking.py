"""Hybrid ranking: fuse the keyword, record-text and visual channels into one list.

The keyword channel is scaled by what a record matching *every* word of the query could
score: BM25 adds up over words, so the sum of each word's best score on its own bounds
it; a word no record has counts as much as the strongest word that some record has (it
is rarer than any of them). The share of that bound is squared: a visitor's words
describe one thing, and a record with half of them is worth a quarter, not half (a soft
AND). Without this a record matching only an incidental word ("scene" of "snowy winter
scene") got the full keyword vote whenever no record matched better, which outweighed
the meaning channels exactly where records are sparse.

Cosines are already on one scale for every query and record of an encoder, so the
dense channels keep their raw cosine; a record outside a channel's candidate list gets
that list's lowest cosine. Keeping the cosine matters for the visual channel: its
scores sit in a narrow band, and stretching that band to 0–1 (min-max) turns its
noise into full-size votes; on its own scale it only reorders close calls.

The weights, the visual gate (below) and the square were chosen on the development
queries (../shared/eval/search_dev.jsonl and eval/search_second_dev.jsonl, 30 written
without looking at the system's results), as the setting whose smallest margin over the best single
channel, across both sets and both conditions (full records, titles only), was largest,
taken from the middle of a plateau rather than its single best point; see
``evaluate_search``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

KEYWORD, TEXT, VISUAL = "keyword", "text", "visual"
CHANNELS = (KEYWORD, TEXT, VISUAL)


@dataclass(frozen=True)
class ChannelResult:
    name: str
    scores: dict[int, float]  # object id -> raw score (higher is better)
    kind: str = "dense"  # "dense" (cosine, kept) or "sparse" (BM25, scaled, see above)
    # Sparse only: what a record matching every word could score (see keyword_scale).
    scale: float | None = None


KEYWORD_POWER = 2.0


def keyword_scale(term_maxima: Sequence[float]) -> float | None:
    """The score of a record matching every word: the sum of each word's best score,
    a word no record has counting as the strongest word some record has."""
    matched = [score for score in term_maxima if score > 0]
    if not matched:
        return None
    return sum(matched) + max(matched) * (len(term_maxima) - len(matched))


@dataclass(frozen=True)
class _Fusion:
    """What one fusion saw, shared by its hits: the channels' scores as fused and raw."""

    normalised: dict[str, tuple[dict[int, float], float]]  # name -> (scores, floor)
    raw: dict[str, dict[int, float]]


# Slotted and not frozen: a fusion makes one per candidate, and frozen ones cost more to make.
@dataclass(slots=True)
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
DEFAULT_WEIGHTS: Mapping[str, float] = {KEYWORD: 0.75, TEXT: 1.0, VISUAL: 0.75}
# With ConSE the visual channel's weight follows the query's visualness (its best cosine
# with the classifier's class descriptions, see search.query_encoding): none below the
# first figure, rising to VISUAL_MAX_WEIGHT at the second. A query naming no visible thing
# ("Rembrandt", "China") would otherwise rank by images that match it only by chance.
VISUAL_GATE = (0.3, 0.6)
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
        # Never below the best found, so a complete match scores 1 even where the bound
        # was computed over different records (a stale index, filters).
        bound = max(channel.scale or best, best)
        return {
            oid: (max(score, 0.0) / bound) ** KEYWORD_POWER for oid, score in channel.scores.items()
        }, 0.0
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
