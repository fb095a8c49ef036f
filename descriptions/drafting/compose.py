"""Compose the three layers of a verbal description from record facts and measurements.

Follows the published guidelines for verbal description (National Gallery of Art,
Cooper Hewitt Guidelines for Image Description, Art Beyond Sight):

- alt text: at most 125 characters, what it is and its title, never "image of";
- short description: object type, orientation, maker, medium and main subject;
- long description (at most 250 words): the label facts first (title, maker, date,
  medium, dimensions: those the record has), then an overview, then one spatial path,
  left to right, with the colours and the format.

Every sentence is a ``Statement`` naming its sources: a record field ("record:title") or
a measurement ("image:colours", "image:concept:volcano"), so a curator and the checklist
can trace it. Visual concepts are said as "appears to show", never with a word about a
person's gender, age or race unless the record itself uses it.
"""

import re
from dataclasses import dataclass

from descriptions.drafting.facts import RecordFacts
from descriptions.drafting.identity import unrecorded_identity_words
from descriptions.drafting.languages import wording_for
from descriptions.drafting.wording import English, as_sentence
from descriptions.image_analysis import ImageMeasurement, NamedColour
from search.encoders.base import Concept

MAX_ALT_CHARS = 125
MAX_LONG_WORDS = 250
# A record description's first sentence is quoted in the overview only when this short.
RECORD_SENTENCE_MAX_WORDS = 45
MAX_TAGS = 5


@dataclass(frozen=True)
class Statement:
    layer: str  # "alt", "short" or "long"
    paragraph: int
    text: str
    sources: tuple[str, ...]
    optional: bool = False  # may be dropped to keep the long description within its limit

    def as_json(self) -> dict[str, object]:
        return {
            "layer": self.layer,
            "paragraph": self.paragraph,
            "text": self.text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Draft:
    alt_text: str
    short_text: str
    long_text: str
    statements: list[Statement]


# Tags that say how a record was made or filed, not what the work shows.
CATALOGUING_TAGS = frozenset(
    {"3d", "scan", "damage", "restoration", "photograph", "historical photograph", "painting"}
)


def sayable_concepts(
    facts: RecordFacts, measurement: ImageMeasurement | None, wording: English | None = None
) -> list[Concept]:
    """The measured concepts the description may say: sure enough (the measurement kept
    only those), carrying no identity word the record does not use, and with a name in
    the draft's language (a concept the French lexicon lacks is not said in French)."""
    if measurement is None:
        return []
    wording = wording or English()
    said = []
    for concept in measurement.concepts:
        name = wording.concept_name(concept.label)
        if (
            concept.score >= measurement.concept_threshold
            and name is not None
            and not unrecorded_identity_words(concept.label, facts.texts())
            and not unrecorded_identity_words(name, facts.texts(), wording.language)
        ):
            said.append(concept)
    return said


def _kind_phrase(
    facts: RecordFacts, measurement: ImageMeasurement | None, wording: English
) -> tuple[str, list[str]]:
    """'portrait-format print' or '3D model of a sculpture', with its sources."""
    sources = ["record:object_type"]
    if measurement is None or measurement.source == "poster":
        if facts.has_model:
            return wording.model_of(facts.object_type), [*sources, "media:model"]
        return wording.kind(facts.object_type, ""), sources
    if measurement.orientation:
        sources.append(f"{measurement.source}:format")
    return wording.kind(facts.object_type, measurement.orientation), sources


def _concept_statement(
    layer: str, paragraph: int, concepts: list[Concept], source: str, wording: English
) -> Statement:
    names = [name for c in concepts if (name := wording.concept_name(c.label)) is not None]
    return Statement(
        layer,
        paragraph,
        wording.concepts(names, source),
        tuple(f"{source}:concept:{c.label}" for c in concepts),
    )


def _alt_text(facts: RecordFacts, wording: English) -> Statement:
    kind = wording.alt_label(facts.object_type.strip()).strip()
    kind = kind[0].upper() + kind[1:]
    title = facts.title
    room = MAX_ALT_CHARS - len(kind) - 2
    if len(title) > room:
        title = title[: room - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    separator = " : " if wording.language == "fr" else ": "
    text, sources = f"{kind}{separator}{title}", ["record:object_type", "record:title"]
    for extra, source in (
        (wording.alt_by(facts.makers[0]) if facts.makers else "", "record:creators"),
        (f", {facts.date}" if facts.date else "", "record:date_display"),
    ):
        if extra and len(text) + len(extra) <= MAX_ALT_CHARS:
            text, sources = text + extra, [*sources, source]
    return Statement("alt", 0, text[:MAX_ALT_CHARS], tuple(sources))


def _short(
    facts: RecordFacts, measurement: ImageMeasurement | None, wording: English
) -> list[Statement]:
    kind, sources = _kind_phrase(facts, measurement, wording)
    by = wording.by(facts.makers) if facts.makers else ""
    said = [
        Statement(
            "short",
            0,
            as_sentence(f"{kind}{by}"),
            tuple(sources + (["record:creators"] if by else [])),
        )
    ]
    if facts.medium:
        said.append(Statement("short", 0, wording.medium(facts.medium), ("record:medium",)))
    said.append(Statement("short", 0, wording.titled(facts.title), ("record:title",)))
    concepts = sayable_concepts(facts, measurement, wording)
    if concepts and measurement is not None:
        said.append(_concept_statement("short", 0, concepts, measurement.source, wording))
    return said


def _label_facts(facts: RecordFacts, wording: English) -> list[Statement]:
    """The museum label, in its usual order: title, maker, date, medium, dimensions."""
    label = [
        (facts.title, "record:title"),
        (wording.label_by(facts.makers) if facts.makers else "", "record:creators"),
        (wording.label_date(facts.date) if facts.date else "", "record:date_display"),
        (facts.medium, "record:medium"),
        (facts.dimensions, "record:dimensions"),
    ]
    return [Statement("long", 0, as_sentence(text), (source,)) for text, source in label if text]


def _record_sentence(description: str, wording: English) -> str:
    """The record description's first sentence, when short and free of 'image of'."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])", " ".join(description.split()), maxsplit=1)[0]
    if not first or len(first.split()) > RECORD_SENTENCE_MAX_WORDS:
        return ""
    return "" if wording.forbidden.search(first) else as_sentence(first)


def _overview(
    facts: RecordFacts, measurement: ImageMeasurement | None, wording: English
) -> list[Statement]:
    kind, sources = _kind_phrase(facts, measurement, wording)
    said = [
        Statement(
            "long",
            1,
            wording.overview(kind, facts.culture),
            tuple(sources + (["record:culture"] if facts.culture else [])),
        )
    ]
    # The record's prose is quoted only in a draft written in its language (a record of
    # unknown language: only where the phrasebook says the collection's prose fits).
    same_language = facts.language == wording.language or (
        not facts.language and wording.quotes_record_prose
    )
    record_sentence = _record_sentence(facts.description, wording) if same_language else ""
    if record_sentence:
        said.append(Statement("long", 1, record_sentence, ("record:description",), optional=True))
    subjects = [tag for tag in facts.tags if tag not in CATALOGUING_TAGS]
    if subjects and wording.quotes_record_prose:
        text = wording.subjects(subjects[:MAX_TAGS])
        said.append(Statement("long", 1, text, ("record:tags",), optional=True))
    concepts = sayable_concepts(facts, measurement, wording)
    if concepts and measurement is not None:
        said.append(_concept_statement("long", 1, concepts, measurement.source, wording))
    return said


def _shares(colours: list[NamedColour]) -> list[tuple[str, float]]:
    return [(c.name, c.share) for c in colours]


def _spatial(
    facts: RecordFacts, measurement: ImageMeasurement | None, wording: English
) -> list[Statement]:
    """One path, left to right, then the colours and the format: all measured."""
    if measurement is None:
        return []
    source = measurement.source
    if source == "poster":
        if facts.geometry_only:
            return [Statement("long", 2, wording.geometry_only(), ("media:geometry_only",))]
        if not measurement.colours:
            return []
        text = wording.poster_colours(_shares(measurement.colours))
        return [Statement("long", 2, text, ("poster:colours",))]
    said = []
    left, middle, right = measurement.thirds or ("", "", "")
    if left and left == middle == right:
        said.append(Statement("long", 2, wording.thirds_alike(left), (f"{source}:thirds",)))
    elif left:
        text = wording.thirds(left, middle, right)
        said.append(Statement("long", 2, text, (f"{source}:thirds",)))
    if measurement.colours:
        text = wording.main_colours(_shares(measurement.colours))
        said.append(Statement("long", 2, text, (f"{source}:colours",)))
    if measurement.orientation:
        text = wording.image_format(measurement.orientation, measurement.width, measurement.height)
        said.append(Statement("long", 2, text, (f"{source}:format",)))
    return said


def _within_limit(statements: list[Statement]) -> list[Statement]:
    """Drop optional sentences (the record's own, then the subjects) until ≤ 250 words."""
    kept = list(statements)
    for candidate in [s for s in statements if s.optional]:
        if _word_count(kept) <= MAX_LONG_WORDS:
            break
        kept.remove(candidate)
    return kept


def _word_count(statements: list[Statement]) -> int:
    return sum(len(s.text.split()) for s in statements)


def layer_text(statements: list[Statement], layer: str) -> str:
    """A layer's text: its sentences, paragraphs separated by a blank line."""
    paragraphs: dict[int, list[str]] = {}
    for statement in statements:
        if statement.layer == layer:
            paragraphs.setdefault(statement.paragraph, []).append(statement.text)
    return "\n\n".join(" ".join(texts) for _, texts in sorted(paragraphs.items()))


def compose(
    facts: RecordFacts, measurement: ImageMeasurement | None, language: str = "en"
) -> Draft:
    """The three layers in ``language`` (ValueError for one no phrasebook writes)."""
    wording = wording_for(language)
    long = _within_limit(
        [
            *_label_facts(facts, wording),
            *_overview(facts, measurement, wording),
            *_spatial(facts, measurement, wording),
        ]
    )
    statements = [_alt_text(facts, wording), *_short(facts, measurement, wording), *long]
    return Draft(
        alt_text=layer_text(statements, "alt"),
        short_text=layer_text(statements, "short"),
        long_text=layer_text(statements, "long"),
        statements=statements,
    )
