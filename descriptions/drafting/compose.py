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
from descriptions.image_analysis import ImageMeasurement, NamedColour
from search.encoders.base import Concept
from search.explanations import plain_label

MAX_ALT_CHARS = 125
MAX_LONG_WORDS = 250
# A record description's first sentence is quoted in the overview only when this short.
RECORD_SENTENCE_MAX_WORDS = 45
MAX_TAGS = 5
FORBIDDEN_PHRASES = re.compile(r"\b(?:image|picture) of\b", re.IGNORECASE)


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


def as_sentence(text: str) -> str:
    """Capitalised, ending with a full stop unless it already ends a sentence."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."


def listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def with_article(noun: str) -> str:
    if noun.endswith("s") and not noun.endswith(("ss", "us")):
        return noun  # plural or mass nouns: "sandbars", "jeans"
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def sayable_concepts(facts: RecordFacts, measurement: ImageMeasurement | None) -> list[Concept]:
    """The measured concepts the description may say: sure enough (the measurement kept
    only those), and carrying no identity word the record does not use."""
    if measurement is None:
        return []
    return [
        concept
        for concept in measurement.concepts
        if concept.score >= measurement.concept_threshold
        and not unrecorded_identity_words(concept.label, facts.texts())
    ]


def _format_word(measurement: ImageMeasurement | None) -> str:
    if measurement is None or not measurement.orientation:
        return ""
    return f"{measurement.orientation}-format"


def _kind_phrase(facts: RecordFacts, measurement: ImageMeasurement | None) -> tuple[str, list[str]]:
    """'portrait-format print' or '3D model of a sculpture', with its sources."""
    kind = facts.object_type or "object"
    sources = ["record:object_type"]
    if measurement is None or measurement.source == "poster":
        if facts.has_model:
            return f"3D model of {with_article(kind)}", [*sources, "media:model"]
        return with_article(kind), sources
    fmt = _format_word(measurement)
    if fmt:
        sources.append(f"{measurement.source}:format")
    return with_article(f"{fmt} {kind}".strip()), sources


def _concept_statement(
    layer: str, paragraph: int, concepts: list[Concept], source: str
) -> Statement:
    names = listed([with_article(plain_label(c.label)) for c in concepts])
    return Statement(
        layer,
        paragraph,
        f"It appears to show {names}, by an automatic reading of the {_seen_as(source)}.",
        tuple(f"{source}:concept:{c.label}" for c in concepts),
    )


def _seen_as(source: str) -> str:
    return "3D model's rendered view" if source == "poster" else "image"


def _alt_text(facts: RecordFacts) -> Statement:
    kind = (facts.object_type or "Object").strip()
    kind = kind[0].upper() + kind[1:]
    title = facts.title
    room = MAX_ALT_CHARS - len(kind) - 2
    if len(title) > room:
        title = title[: room - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    text, sources = f"{kind}: {title}", ["record:object_type", "record:title"]
    for extra, source in (
        (f", by {facts.makers[0]}" if facts.makers else "", "record:creators"),
        (f", {facts.date}" if facts.date else "", "record:date_display"),
    ):
        if extra and len(text) + len(extra) <= MAX_ALT_CHARS:
            text, sources = text + extra, [*sources, source]
    return Statement("alt", 0, text, tuple(sources))


def _short(facts: RecordFacts, measurement: ImageMeasurement | None) -> list[Statement]:
    kind, sources = _kind_phrase(facts, measurement)
    by = f" by {'; '.join(facts.makers)}" if facts.makers else ""
    said = [
        Statement(
            "short",
            0,
            as_sentence(f"{kind}{by}"),
            tuple(sources + (["record:creators"] if by else [])),
        )
    ]
    if facts.medium:
        said.append(
            Statement("short", 0, as_sentence(f"Medium: {facts.medium}"), ("record:medium",))
        )
    said.append(
        Statement(
            "short", 0, as_sentence(f"Its subject, as titled: {facts.title}"), ("record:title",)
        )
    )
    concepts = sayable_concepts(facts, measurement)
    if concepts and measurement is not None:
        said.append(_concept_statement("short", 0, concepts, measurement.source))
    return said


def _label_facts(facts: RecordFacts) -> list[Statement]:
    """The museum label, in its usual order: title, maker, date, medium, dimensions."""
    label = [
        (facts.title, "record:title"),
        (f"By {'; '.join(facts.makers)}" if facts.makers else "", "record:creators"),
        # "Dated c. 1830–1832", not a sentence starting "C. 1830".
        (f"Dated {facts.date}" if facts.date else "", "record:date_display"),
        (facts.medium, "record:medium"),
        (facts.dimensions, "record:dimensions"),
    ]
    return [Statement("long", 0, as_sentence(text), (source,)) for text, source in label if text]


def _record_sentence(description: str) -> str:
    """The record description's first sentence, when short and free of 'image of'."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])", " ".join(description.split()), maxsplit=1)[0]
    if not first or len(first.split()) > RECORD_SENTENCE_MAX_WORDS:
        return ""
    return "" if FORBIDDEN_PHRASES.search(first) else as_sentence(first)


def _overview(facts: RecordFacts, measurement: ImageMeasurement | None) -> list[Statement]:
    kind, sources = _kind_phrase(facts, measurement)
    culture = f" from {facts.culture}" if facts.culture else ""
    said = [
        Statement(
            "long",
            1,
            as_sentence(f"{kind}{culture}"),
            tuple(sources + (["record:culture"] if culture else [])),
        )
    ]
    record_sentence = _record_sentence(facts.description)
    if record_sentence:
        said.append(Statement("long", 1, record_sentence, ("record:description",), optional=True))
    subjects = [tag for tag in facts.tags if tag not in CATALOGUING_TAGS]
    if subjects:
        tags = listed(subjects[:MAX_TAGS])
        said.append(
            Statement("long", 1, f"Catalogued subjects: {tags}.", ("record:tags",), optional=True)
        )
    concepts = sayable_concepts(facts, measurement)
    if concepts and measurement is not None:
        said.append(_concept_statement("long", 1, concepts, measurement.source))
    return said


def _colour_list(colours: list[NamedColour]) -> str:
    return listed([f"{c.name} (about {round(c.share * 100)}%)" for c in colours])


def _spatial(facts: RecordFacts, measurement: ImageMeasurement | None) -> list[Statement]:
    """One path, left to right, then the colours and the format: all measured."""
    if measurement is None:
        return []
    source = measurement.source
    if source == "poster":
        if facts.geometry_only:
            text = "The 3D scan records shape only, without colour, so no colours are described."
            return [Statement("long", 2, text, ("media:geometry_only",))]
        if not measurement.colours:
            return []
        colours = _colour_list(measurement.colours)
        text = f"In the 3D model's rendered view, the main colours are {colours}."
        return [Statement("long", 2, text, ("poster:colours",))]
    said = []
    left, middle, right = measurement.thirds or ("", "", "")
    if left and left == middle == right:
        said.append(
            Statement(
                "long",
                2,
                f"From left to right, it is mostly {left} throughout.",
                (f"{source}:thirds",),
            )
        )
    elif left:
        text = (
            f"From left to right: mostly {left} on the left, {middle} in the middle "
            f"and {right} on the right."
        )
        said.append(Statement("long", 2, text, (f"{source}:thirds",)))
    if measurement.colours:
        text = f"The main colours are {_colour_list(measurement.colours)}."
        said.append(Statement("long", 2, text, (f"{source}:colours",)))
    if measurement.orientation:
        text = (
            f"The digital image is in {measurement.orientation} format, "
            f"{measurement.width} by {measurement.height} pixels."
        )
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


def compose(facts: RecordFacts, measurement: ImageMeasurement | None) -> Draft:
    long = _within_limit(
        [*_label_facts(facts), *_overview(facts, measurement), *_spatial(facts, measurement)]
    )
    statements = [_alt_text(facts), *_short(facts, measurement), *long]
    return Draft(
        alt_text=layer_text(statements, "alt"),
        short_text=layer_text(statements, "short"),
        long_text=layer_text(statements, "long"),
        statements=statements,
    )
