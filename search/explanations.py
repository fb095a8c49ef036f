"""Why a result was found, in terms a visitor understands.

Three parts: the words that matched and in which fields (keyword channel), the visual
concepts the image classifier saw in the object that relate to the query (for example
"ship, sailing vessel, 0.41" — the classifier's probability), and each channel's score.
Concepts are machine output: the page labels them as such.
"""

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from search.encoders.base import Concept
from search.per_version import VersionedLRU
from search.ranking import FusedHit

# A concept is shown when its label is at least this close to the query (cosine in the
# joint space); below it, labels like "jigsaw puzzle" say nothing about "a ship at sea".
CONCEPT_MIN_SIMILARITY = 0.3
MAX_CONCEPTS = 3
FIELD_LABELS = {
    "title": "title",
    "tags": "tags",
    "creators": "creator",
    "description": "description",
    "other": "type, culture, medium, date or place",
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

    def sentences(self) -> list[str]:
        said = [
            f"Your words in the {FIELD_LABELS.get(name, name)}: {', '.join(words)}"
            for name, words in self.fields.items()
        ]
        if self.concepts:
            seen = "; ".join(f"{c.label} ({c.score:.2f})" for c in self.concepts)
            said.append(f"The image classifier sees: {seen}")
        if not said:
            said.append("Similar in meaning or appearance, without shared words")
        return said


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
    by_object = stored_concepts(object_ids)
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
    """The concepts that the visitor's photo and each object's image share."""
    result = {}
    for oid, concepts in stored_concepts(object_ids).items():
        shared = [
            MatchedConcept(c.label, c.score, query_concepts[c.label])
            for c in concepts
            if c.label in query_concepts
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
) -> Explanation:
    channels = {
        name: ChannelScore(hit.raw_scores.get(name), value, weights.get(name, 0.0))
        for name, value in hit.channel_scores.items()
    }
    return Explanation(dict(fields or {}), list(concepts or []), channels)
