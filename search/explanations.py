"""Why a result was found, in words a visitor understands.

The words that matched and where ("Matches 'skating' and 'frozen' in the description"),
and what the image classifier takes the picture to show, said as a machine guess ("Looks
like: ship, sea — a machine guess"). A concept is said only when the classifier is fairly
sure of it (``CONCEPT_MIN_PROBABILITY``), when it relates to the query, and when curators
have not blocked it (search.models.BlockedConcept: ImageNet's classes name clothing,
bodies and weapons in paintings of people wrongly and embarrassingly). Each channel's
score is kept for the "details" disclosure, never in the summary.
"""

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from search.encoders.base import Concept
from search.per_version import VersionedLRU
from search.ranking import FusedHit

# A concept is shown when its label is at least this close to the query (cosine in the
# joint space); below it, labels like "jigsaw puzzle" say nothing about "a ship at sea".
CONCEPT_MIN_SIMILARITY = 0.3
# ...and when the classifier gives it at least this probability. Calibrated on labelled
# data (eval/concept_labels/: the 160 concepts stored for demo images at 0.10 or more, each
# marked shown or not by looking): after the curators' block list, 0.25 is the lowest
# probability at which at least half of the concepts said are right (8 of 16; 0.15: 17 of
# 49; 0.10: 23 of 90), and no higher one does better. Few labels: it is a floor for "as
# often right as wrong", not a precise figure. Relabel when the encoder's recipe changes.
CONCEPT_MIN_PROBABILITY = 0.25
MAX_CONCEPTS = 3
# Translated when said (gettext_noop only marks them), in the language of the page.
FIELD_LABELS = {
    "title": gettext_noop("the title"),
    "tags": gettext_noop("the subjects"),
    "creators": gettext_noop("the artist's name"),
    "description": gettext_noop("the description"),
    "other": gettext_noop("the type, culture, medium, date or place"),
}


@dataclass(frozen=True)
class MatchedConcept:
    label: str
    score: float  # the classifier's probability that the object's image shows it
    similarity: float  # how close the concept is to the query (text: cosine; photo: probability)


@dataclass(frozen=True)
class ChannelScore:
    raw: float | None  # None when the record was not among this channel's candidates
    normalised: float
    weight: float


@dataclass(frozen=True)
class Explanation:
    fields: dict[str, list[str]] = field(default_factory=dict)
    concepts: list[MatchedConcept] = field(default_factory=list)
    channels: dict[str, ChannelScore] = field(default_factory=dict)
    asked_by: str = "words"  # "words", "photo" (search by photo) or "object" (more like this)

    def sentences(self) -> list[str]:
        """The reasons in plain words, strongest first (no scores: those are details)."""
        # Fields that matched the same words share a sentence: "Matches ‘Rembrandt’ in the
        # title and the artist's name", not one line per field.
        places: dict[tuple[str, ...], list[str]] = {}
        for name, words in self.fields.items():
            where = _(FIELD_LABELS[name]) if name in FIELD_LABELS else name
            places.setdefault(tuple(words), []).append(where)
        said = [
            _("Matches %(words)s in %(places)s")
            % {"words": _listed([_quoted(word) for word in words]), "places": _listed(where)}
            for words, where in places.items()
        ]
        if self.concepts:
            names = _listed([plain_label(c.label) for c in self.concepts])
            said.append(_("Looks like: %(names)s — a machine guess") % {"names": names})
        if not said:
            said.append(_(FALLBACK.get(self.asked_by, FALLBACK["words"])))
        return said


FALLBACK = {
    "words": gettext_noop("Close in meaning to your words, without sharing them"),
    "photo": gettext_noop("Looks similar to your photo, as an image model compares pictures"),
    "object": gettext_noop("Looks similar to this object, as an image model compares pictures"),
}


def _quoted(word: str) -> str:
    # French quotes with « », English with ‘ ’.
    return pgettext("a word of the query, quoted", "‘%(word)s’") % {"word": word}


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def plain_label(label: str) -> str:
    """A concept's first name only: "ship" for "ship, sailing vessel"."""
    return label.split(",", 1)[0].strip()


def blocked_words() -> frozenset[str]:
    """The curators' block list (one small query: it changes without the collection)."""
    from search.models import BlockedConcept

    return frozenset(BlockedConcept.objects.values_list("word", flat=True))


def is_shown(concept: Concept, blocked: frozenset[str]) -> bool:
    """Sure enough to say, and not on the curators' block list (by any of its names)."""
    names = {name.strip().lower() for name in concept.label.split(",")}
    return concept.score >= CONCEPT_MIN_PROBABILITY and not names & blocked


_label_cache: dict[str, np.ndarray] = {}
_label_lock = threading.Lock()


def _label_similarities(labels: Sequence[str], query_vector: np.ndarray) -> dict[str, float]:
    """Cosine of each concept label with the query, in the joint space."""
    from search.encoders import get_image_encoder

    encoder = get_image_encoder()
    # ConSE holds an embedding of every class it can name: use the rows of these labels.
    row_of = getattr(encoder, "label_rows", None)
    vectors = getattr(encoder, "class_vectors", None)
    if row_of is not None and vectors is not None and all(label in row_of for label in labels):
        cosines = vectors[[row_of[label] for label in labels]] @ query_vector
        return dict(zip(labels, cosines.tolist(), strict=True))
    with _label_lock:
        missing = [label for label in dict.fromkeys(labels) if label not in _label_cache]
    if missing:
        encoded = encoder.encode_query(missing)
        with _label_lock:
            _label_cache.update(zip(missing, encoded, strict=True))
    with _label_lock:
        return {label: float(_label_cache[label] @ query_vector) for label in labels}


# Every write of an embedding moves the collection version on (search.receivers), so a
# concept held here is never older than the embedding it came with.
_CONCEPTS: VersionedLRU[int, list[Concept]] = VersionedLRU(lambda: 20_000)


def _read_concepts(object_ids: list[int]) -> dict[int, list[Concept]]:
    from search.models import Embedding

    rows = Embedding.objects.filter(collection_object_id__in=object_ids, space="joint")
    read = {
        oid: [Concept(str(label), float(score)) for label, score in concepts or []]
        for oid, concepts in rows.values_list("collection_object_id", "concepts")
    }
    return {oid: read.get(oid, []) for oid in object_ids}


def stored_concepts(object_ids: Iterable[int]) -> dict[int, list[Concept]]:
    """The classifier concepts stored with each object's image embedding (one query at most)."""
    ids = list(object_ids)
    found = _CONCEPTS.get_many(ids, _read_concepts)
    return {oid: found[oid] for oid in ids}


def concepts_for_text(
    query_vector: np.ndarray, object_ids: Iterable[int]
) -> dict[int, list[MatchedConcept]]:
    """Each object's classifier concepts that relate to a text query, closest first."""
    blocked = blocked_words()
    by_object = {
        oid: [c for c in concepts if is_shown(c, blocked)]
        for oid, concepts in stored_concepts(object_ids).items()
    }
    labels = list(dict.fromkeys(c.label for concepts in by_object.values() for c in concepts))
    if not labels:
        return {oid: [] for oid in by_object}
    similarity = _label_similarities(labels, query_vector)
    result = {}
    for oid, concepts in by_object.items():
        matched = [
            MatchedConcept(c.label, c.score, similarity[c.label])
            for c in concepts
            if similarity[c.label] >= CONCEPT_MIN_SIMILARITY
        ]
        matched.sort(key=lambda m: -m.similarity)
        result[oid] = matched[:MAX_CONCEPTS]
    return result


def concepts_for_photo(
    query_concepts: Mapping[str, float], object_ids: Iterable[int]
) -> dict[int, list[MatchedConcept]]:
    """The concepts that the visitor's photo and each object's image share (both sure)."""
    blocked = blocked_words()
    result = {}
    for oid, concepts in stored_concepts(object_ids).items():
        shared = [
            MatchedConcept(c.label, c.score, query_concepts[c.label])
            for c in concepts
            if c.label in query_concepts
            and is_shown(c, blocked)
            and is_shown(Concept(c.label, query_concepts[c.label]), blocked)
        ]
        shared.sort(key=lambda m: -(m.score * m.similarity))
        result[oid] = shared[:MAX_CONCEPTS]
    return result


def explanation_for(
    hit: FusedHit,
    *,
    weights: Mapping[str, float],
    fields: Mapping[str, list[str]] | None = None,
    concepts: list[MatchedConcept] | None = None,
    asked_by: str = "words",
) -> Explanation:
    channels = {
        name: ChannelScore(hit.raw_scores.get(name), value, weights.get(name, 0.0))
        for name, value in hit.channel_scores.items()
    }
    return Explanation(dict(fields or {}), list(concepts or []), channels, asked_by)
