"""Where a search's results end: relevance floors calibrated on things the collection lacks.

Fusion ranks every candidate of every channel, so any query used to return most of the
collection. Chance is measured on real words, not nonsense: a query made of real words
("submarine", "porcelain") is closer in meaning to any record than a random letter
string is, so a floor set by nonsense let every real query through. The null here is the
ImageNet class names (``null_names``) that no public record's words contain: things a
visitor might name that the collection does not. Once per collection version (and once
per evaluation condition) each such name runs through the meaning channels, and the
floors are read from what they return:

- ``top``: per meaning channel, what the null's best score stays below: the 99th
  percentile of the null's bulk, modelled as a normal distribution by its median and
  median absolute deviation (``robust_percentile``). Its upper tail is left out on
  purpose: that is where things the collection shows under other words lie ("Shetland
  sheepdog" for the dogs, "schooner" for the ships), which are matches, not chance.
- ``alike``: per image space, the same figure over the similarities of pairs of
  different objects of the collection. A photo's result (search by photo) or a "looks
  like the first results" score counts only when closer than different objects of the
  collection usually are to each other.

A query has *matched* when every word of it is in some record; or when the words some
record has say more of what it means than the words none has (``words_carry_query``:
"old photos of busy city streets" without "busy" still says it, "blue and white
porcelain" without "porcelain" does not); or when the part no record's words have beats
``top`` by meaning (or, for a query that plainly names a visible thing, by appearance).
Otherwise nothing matched: no results, and suggestions.

Past the first page, a result stays only if it alone would have made the query match:
it has at least half of the query's words (the keyword share of ``search.ranking``,
squared, at least 0.25), or its meaning (or image, for a visible query) beats ``top``, or
it looks like the first results more than ``alike``. The first page of a query that
matched is left whole: fusion weighs the channels together, and a record it ranks there
on several weak signals is what the channels jointly say (on the development queries,
asking each first-page result for evidence of its own lost relevant ones); the floor
decides how far the list goes and whether there is one at all, not the order.

In a sparse catalogue (records that are mostly titles) a real query often shares no word
with any record and its meaning is no closer to a title than chance, so "nothing matched"
would wrongly end searches that the images still answer: there a query that did not match
gets its closest guesses, labelled as such, rather than an empty page.
"""

import random
import re
import threading
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from search.feedback import FEEDBACK, VISUAL_SPACE
from search.keyword.documents import STOPWORDS, query_terms
from search.per_version import RefreshedValue
from search.ranking import TEXT, VISUAL, FusedHit

if TYPE_CHECKING:
    from search.retrieval import ShowableCheck, Sources

MATCHED, NONE, GUESSES = "matched", "none", "guesses"
# One-sided 99% of a normal distribution: 1 real query in 100 about something the
# collection lacks gets past a floor.
NULL_Z = 2.326
MAD_TO_SIGMA = 1.4826  # a normal distribution's standard deviation per unit of MAD
MAX_COUNTED_WORDS = 8  # longer queries: each word's records are not looked up
PLAINLY_VISIBLE = 0.5  # the visual weight (0–1) of a query that names a visible thing
FIRST_PAGE = 10
GUESSES_SHOWN = 20
LOOKS_LIKE = FEEDBACK  # the look-alike channel of sparse catalogues (search.feedback)
ALIKE_SAMPLE = 1_000  # objects whose pairwise similarities set ``alike`` (about 500k pairs)
PHOTO_SPACES = ("visual", "joint")  # search by photo: the purely visual space first
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Floors:
    top: dict[str, float]  # channel -> what a query about something absent stays below
    alike: dict[str, float] = field(default_factory=dict)  # space -> different objects' pairs


@dataclass(frozen=True)
class Verdict:
    state: str  # MATCHED, NONE or GUESSES
    hits: list[FusedHit]  # what the visitor is shown, in ranked order


def robust_percentile(values: Sequence[float] | np.ndarray) -> float:
    """The 99th percentile of the values' bulk: median + z·σ, σ from the median deviation."""
    array = np.asarray(values, dtype=np.float64).ravel()
    median = float(np.median(array))
    spread = float(np.median(np.abs(array - median))) * MAD_TO_SIGMA
    return median + NULL_Z * spread


def null_names() -> list[str]:
    """Names of a thousand everyday things: each ImageNet class's first name."""
    from search.encoders.conse import load_class_table

    names = (lemmas.split(",", 1)[0].strip() for lemmas, _ in load_class_table())
    return list(dict.fromkeys(name for name in names if name))


def encode_texts(
    texts: Sequence[str], *, cache_dir: Path | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Texts as queries: (record-text space, joint space); one encoding under ConSE."""
    from search.encoders import get_image_encoder, get_text_encoder
    from search.encoders.conse import class_vectors

    text_encoder, image_encoder = get_text_encoder(), get_image_encoder()
    text = class_vectors(text_encoder, list(texts), cache_dir)  # on disk if cache_dir is set
    if getattr(image_encoder, "text_encoder", None) is text_encoder:
        return text, text
    return text, image_encoder.encode_query(list(texts))


_null_lock = threading.Lock()
_null_held: tuple[tuple[str, str], list[str], np.ndarray, np.ndarray] | None = None


def _null_queries() -> tuple[list[str], np.ndarray, np.ndarray]:
    # The names never change: encoded once per process and pair of encoders, and kept on
    # disk beside the classifier's class vectors (encoding them takes about 5 s on a core).
    global _null_held
    from django.conf import settings

    from search.encoders import get_image_encoder, get_text_encoder

    encoders = (get_text_encoder().version, get_image_encoder().version)
    with _null_lock:
        if _null_held is None or _null_held[0] != encoders:
            names = null_names()
            cache_dir = Path(settings.INDEX_DIR) / "encoder-cache"
            _null_held = (encoders, names, *encode_texts(names, cache_dir=cache_dir))
        return _null_held[1], _null_held[2], _null_held[3]


def meaning_scores(
    sources: "Sources", text_vector: np.ndarray, joint_vector: np.ndarray, check: "ShowableCheck"
) -> dict[str, dict[int, float]]:
    """The record-text and visual channels' candidates for one query vector, as searched."""
    from search.retrieval import TEXT_CHANNEL_SPACES, IndexMissing, closest, vector_channel

    scores: dict[str, dict[int, float]] = {}
    for name, vector in ((TEXT, text_vector), (VISUAL, joint_vector)):
        found = []
        for space in TEXT_CHANNEL_SPACES[name]:
            with suppress(IndexMissing):
                found.append(vector_channel(sources, space, vector, check))
        if found:
            scores[name] = closest(found)
    return scores


def alike_floors(sources: "Sources") -> dict[str, float]:
    """Per image space, the floor over similarities of pairs of different public objects."""
    from exhibition.selectors import public_objects

    ids = list(public_objects().order_by("pk").values_list("pk", flat=True))
    if len(ids) > ALIKE_SAMPLE:
        ids = sorted(random.Random(len(ids)).sample(ids, ALIKE_SAMPLE))  # noqa: S311 (a sample)
    floors = {}
    for space in PHOTO_SPACES:
        vectors = list(sources.stored_vectors(space, ids).values())
        width = max((v.shape[0] for v in vectors), default=0)
        vectors = [v for v in vectors if v.shape[0] == width]  # rows of one encoder only
        if len(vectors) < 3:
            continue
        matrix = np.stack(vectors)
        similarity = matrix @ matrix.T
        floors[space] = robust_percentile(similarity[np.triu_indices(len(vectors), k=1)])
    return floors


def calibrate(sources: "Sources") -> Floors:
    """Run the names of things no record names through these sources and read the floors."""
    from exhibition.browse import BrowseQuery
    from search.retrieval import ShowableCheck

    check = ShowableCheck(BrowseQuery())
    names, text_vectors, joint_vectors = _null_queries()
    tops: dict[str, list[float]] = {}
    for row, name in enumerate(names):
        if check([hit.object_id for hit in sources.keyword(name, 5)]):
            continue  # a record has one of its words: not a thing the collection lacks
        scores = meaning_scores(sources, text_vectors[row], joint_vectors[row], check)
        for channel, found in scores.items():
            if found:
                tops.setdefault(channel, []).append(max(found.values()))
    return Floors(
        top={name: robust_percentile(values) for name, values in tops.items()},
        alike=alike_floors(sources),
    )


def _site_floors() -> Floors:
    from search.retrieval import SiteSources

    return calibrate(SiteSources())


def _recalibrate_in_background() -> bool:
    from django.conf import settings

    return bool(settings.SEARCH_FLOORS_IN_BACKGROUND)


# The site's sources are made anew for every search, and what they answer changes with the
# collection version: their floors are held per version (search.per_version). Calibrating
# runs ~1,000 null queries, minutes on a large collection, while one edit barely moves the
# floors: searches after a change keep the floors held while a thread calibrates anew.
_SITE = RefreshedValue(_site_floors, _recalibrate_in_background)
_lock = threading.Lock()
_others: dict[int, tuple[object, Floors]] = {}


def floors_for(sources: "Sources") -> Floors:
    """The floors of these sources: the site's per collection version, others per object."""
    from search.retrieval import SiteSources

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


def _above(limits: Mapping[str, float], name: str, value: float) -> bool:
    return name in limits and value > limits[name]


def query_part(query: str, terms: set[str]) -> str:
    """The query with only these of its words (and its small words: "of", "the")."""
    words = _WORD.findall(query)
    return " ".join(w for w in words if w.lower() in terms or w.lower() in STOPWORDS)


def words_carry_query(query: str, found: Sequence[str], missing: Sequence[str]) -> bool:
    """Whether the words some record has say more of the query than the words none has.

    Both parts keep the query's small words, and the one closer in meaning to the whole
    query carries it: "people making music" is "people music" more than "making"; "blue
    and white porcelain" is "porcelain" more than "blue and white". A comparison, not a
    threshold: nothing here is tuned.
    """
    from search.encoders import get_text_encoder

    vectors = get_text_encoder().encode(
        [query, query_part(query, set(found)), query_part(query, set(missing))]
    )
    return float(vectors[1] @ vectors[0]) > float(vectors[2] @ vectors[0])


def _beyond_chance(best: Mapping[str, float], weights: Mapping[str, float], floors: Floors) -> bool:
    if _above(floors.top, TEXT, best.get(TEXT, -1.0)):
        return True
    visible = weights.get(VISUAL, 0.0) >= PLAINLY_VISIBLE
    return visible and _above(floors.top, VISUAL, best.get(VISUAL, -1.0))


def query_matched(
    query: str,
    fused: Sequence[FusedHit],
    weights: Mapping[str, float],
    floors: Floors,
    sources: "Sources",
    check: "ShowableCheck",
) -> bool:
    terms = query_terms(query)
    maxima = sources.keyword_term_maxima(query)  # one per term: 0 where no record has it
    found = [term for term, best in zip(terms, maxima, strict=True) if best > 0]
    missing = [term for term in terms if term not in found]
    if found and not missing:
        return True  # every word is in some record
    if found and words_carry_query(query, found, missing):
        return True
    if found:
        # The words found do not carry it: what the others mean must be found on its own.
        text_vectors, joint_vectors = encode_texts([query_part(query, set(missing))])
        scores = meaning_scores(sources, text_vectors[0], joint_vectors[0], check)
        best = {name: max(values.values()) for name, values in scores.items() if values}
        return _beyond_chance(best, weights, floors)
    best = {}
    for hit in fused:
        for name in (TEXT, VISUAL):
            if name in hit.raw_scores:
                best[name] = max(best.get(name, -1.0), hit.channel_scores[name])
    return _beyond_chance(best, weights, floors)


def words_found(query: str, sources: "Sources") -> dict[int, int]:
    """How many of the query's words each record has (records with none left out)."""
    from search.retrieval import CANDIDATES

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
    """Whether this result alone would have made the query match (see the module's doc)."""
    if half_words:
        return True
    scores, raw = hit.channel_scores, hit.raw_scores
    looks_like = LOOKS_LIKE in raw and _above(floors.alike, VISUAL_SPACE, scores[LOOKS_LIKE])
    meaning = {name: scores[name] for name in (TEXT, VISUAL) if name in raw}
    return looks_like or _beyond_chance(meaning, weights, floors)


def apply_floor(
    query: str,
    fused: list[FusedHit],
    weights: Mapping[str, float],
    sources: "Sources",
    check: "ShowableCheck | None" = None,
) -> Verdict:
    """What a visitor is shown of this ranking, and whether the query matched at all."""
    from exhibition.browse import BrowseQuery
    from search.retrieval import ShowableCheck

    if not fused:
        return Verdict(NONE, [])
    floors = floors_for(sources)
    check = check or ShowableCheck(BrowseQuery())
    if not query_matched(query, fused, weights, floors, sources, check):
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


def photo_verdict(fused: list[FusedHit], floors: Floors) -> Verdict:
    """What a photo search shows: results that look closer to the photo than different
    objects of the collection usually look to each other; none, if nothing does.

    Judged in the purely visual space where there is one: in the joint space (what the
    classifier thinks an image shows) a flat grey card is as close to a painting as most
    paintings are to each other.
    """
    present = {name for hit in fused for name in hit.raw_scores}
    space = next((name for name in PHOTO_SPACES if name in present), None)
    if space is None or space not in floors.alike:
        return Verdict(MATCHED if fused else NONE, fused)
    floor = floors.alike[space]
    kept = [hit for hit in fused if hit.raw_scores.get(space, -1.0) > floor]
    return Verdict(MATCHED if kept else NONE, kept)
