"""Where a search's results end: a relevance floor calibrated on nonsense queries.

Fusion ranks every candidate of every channel, so any query — "qwertyuiop" too — used to
return most of the collection. What the channels return for a query that means nothing
is the measure of chance here: the site runs ``NONSENSE`` (random letter strings) through
its own channels once per collection version (and the evaluation once per condition), and
reads two figures per channel from what they return:

- ``top``: the 95th percentile of the best score a nonsense query reaches. A query has
  *matched* when one of its words is in some record (nonsense matches no word), or when
  its best record-text score, or its best visual score for a query that plainly names a
  visible thing, beats that. Otherwise nothing matched: no results, and suggestions.
- ``pair``: the 99th percentile of every (nonsense query, record) score. Past the first
  page, a result stays only with evidence of its own beyond that: a record-text, visual
  or look-alike score above it, or at least half of the query's words (the keyword share
  of ``search.ranking``, squared, at least 0.25).

The first page of a query that matched is left whole: fusion weighs the channels together,
and a record it ranks there on several weak signals is what the channels jointly say; the
floor decides how far the list goes and whether there is one at all, not the order.

In a sparse catalogue (records that are mostly titles) a real query often shares no word
with any record and its meaning is no closer to a title than chance, so "nothing matched"
would wrongly end searches that the images still answer: there a query that did not match
gets its closest guesses, labelled as such, rather than an empty page.
"""

import random
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from search.per_version import VersionedValue
from search.ranking import KEYWORD, TEXT, VISUAL, FusedHit

if TYPE_CHECKING:
    from search.channels import Sources

MATCHED, NONE, GUESSES = "matched", "none", "guesses"
TOP_PERCENTILE = 95.0
PAIR_PERCENTILE = 99.0
MAX_COUNTED_WORDS = 8  # longer queries: each word's records are not looked up
PLAINLY_VISIBLE = 0.5  # the visual weight (0–1) of a query that names a visible thing
FIRST_PAGE = 10
GUESSES_SHOWN = 20
LOOKS_LIKE = "looks_like"


def _nonsense(count: int = 40, seed: int = 20261207) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 (fixed: the same strings in every process)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [
        " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 10)))
            for _ in range(rng.choice((1, 1, 2, 2, 3)))
        )
        for _ in range(count)
    ]


NONSENSE = _nonsense()


@dataclass(frozen=True)
class Floors:
    top: dict[str, float]  # channel -> what 95% of nonsense queries' best stays below
    pair: dict[str, float]  # channel -> what 99% of nonsense (query, record) pairs stay below


@dataclass(frozen=True)
class Verdict:
    state: str  # MATCHED, NONE or GUESSES
    hits: list[FusedHit]  # what the visitor is shown, in ranked order


def calibrate(sources: "Sources") -> Floors:
    """Run the nonsense queries through these sources' channels and read the floors."""
    from exhibition.browse import BrowseQuery
    from search.services import Timer, hybrid_ranking, run_text_channels

    tops: dict[str, list[float]] = {}
    pairs: dict[str, list[float]] = {}
    for query in NONSENSE:
        run = run_text_channels(query, BrowseQuery(), sources=sources, timer=Timer())
        fused, _ = hybrid_ranking(run, sources)
        best: dict[str, float] = {}
        for hit in fused:
            scores = hit.channel_scores
            for name in hit.raw_scores:
                pairs.setdefault(name, []).append(scores[name])
                best[name] = max(best.get(name, -1.0), scores[name])
        for name, value in best.items():
            tops.setdefault(name, []).append(value)
    return Floors(
        top={name: float(np.percentile(v, TOP_PERCENTILE)) for name, v in tops.items()},
        pair={name: float(np.percentile(v, PAIR_PERCENTILE)) for name, v in pairs.items()},
    )


def _site_floors() -> Floors:
    from search.channels import SiteSources

    return calibrate(SiteSources())


# The site's sources are made anew for every search, and what they answer changes with the
# collection version: their floors are held per version (search.per_version).
_SITE = VersionedValue(_site_floors)
_lock = threading.Lock()
_others: dict[int, tuple[object, Floors]] = {}


def floors_for(sources: "Sources") -> Floors:
    """The floors of these sources: the site's per collection version, others per object."""
    from search.channels import SiteSources

    if isinstance(sources, SiteSources):
        return _SITE.get()
    # Other sources (an evaluation's) are calibrated once each; the object is held with
    # its floors so that its id is not reused while they are.
    with _lock:
        held = _others.get(id(sources))
    if held is not None:
        return held[1]
    floors = calibrate(sources)
    with _lock:
        if len(_others) > 8:
            _others.clear()
        _others[id(sources)] = (sources, floors)
    return floors


def forget() -> None:
    _SITE.forget()
    with _lock:
        _others.clear()


def _above(floors: Floors, kind: str, name: str, value: float) -> bool:
    limits = floors.top if kind == "top" else floors.pair
    return name in limits and value > limits[name]


def words_found(query: str, sources: "Sources") -> dict[int, int]:
    """How many of the query's words each record has (records with none left out)."""
    from search.channels import CANDIDATES
    from search.keyword.documents import query_terms

    terms = query_terms(query)
    if len(terms) > MAX_COUNTED_WORDS:
        return {}
    found: dict[int, int] = {}
    for term in terms:
        for hit in sources.keyword(term, CANDIDATES * 4):
            found[hit.object_id] = found.get(hit.object_id, 0) + 1
    return found


def has_own_evidence(
    hit: FusedHit, weights: Mapping[str, float], floors: Floors, half_words: bool
) -> bool:
    if half_words:
        return True
    scores, raw = hit.channel_scores, hit.raw_scores
    for name in (TEXT, LOOKS_LIKE):
        if name in raw and _above(floors, "pair", name, scores[name]):
            return True
    visual = VISUAL in raw and weights.get(VISUAL, 0.0) > 0
    return visual and _above(floors, "pair", VISUAL, scores[VISUAL])


def query_matched(fused: Sequence[FusedHit], weights: Mapping[str, float], floors: Floors) -> bool:
    best: dict[str, float] = {}
    for hit in fused:
        raw = hit.raw_scores
        if KEYWORD in raw:
            return True  # a word of the query is in some record; nonsense has none
        for name in (TEXT, VISUAL):
            if name in raw:
                best[name] = max(best.get(name, -1.0), hit.channel_scores[name])
    if _above(floors, "top", TEXT, best.get(TEXT, -1.0)):
        return True
    visible = weights.get(VISUAL, 0.0) >= PLAINLY_VISIBLE
    return visible and _above(floors, "top", VISUAL, best.get(VISUAL, -1.0))


def apply_floor(
    query: str, fused: list[FusedHit], weights: Mapping[str, float], sources: "Sources"
) -> Verdict:
    """What a visitor is shown of this ranking, and whether the query matched at all."""
    from search.keyword.documents import query_terms

    if not fused:
        return Verdict(NONE, [])
    floors = floors_for(sources)
    if not query_matched(fused, weights, floors):
        if sources.catalogue_is_sparse():
            return Verdict(GUESSES, fused[:GUESSES_SHOWN])
        return Verdict(NONE, [])
    words = len(query_terms(query)) or 1
    found = words_found(query, sources) if len(fused) > FIRST_PAGE else {}
    kept = [
        hit
        for rank, hit in enumerate(fused)
        if rank < FIRST_PAGE
        or has_own_evidence(hit, weights, floors, 2 * found.get(hit.object_id, 0) >= words)
    ]
    return Verdict(MATCHED, kept)
