"""The guidelines' mechanical rules, checked on a description (drafted or edited).

What a machine can check of the National Gallery of Art / Cooper Hewitt / Art Beyond
Sight guidance; whether a description is *good* stays a curator's judgement:

- ``alt_text_length``: alt text present and at most 125 characters;
- ``long_text_length``: short and long descriptions present, the long at most 250 words;
- ``label_facts_first``: the long description's first paragraph gives the label facts
  the record has (title, maker, date, medium, dimensions) and no visual reading;
- ``no_image_of``: no "image of" or "picture of" ("image de", "photo de" in French) in any
  layer;
- ``traceable``: every sentence is a statement with a source, and every concept said
  ("appears to show …") is one the image analysis measured above its threshold;
- ``no_unrecorded_identity``: no word of gender, age or race the record does not use.

Each rule is checked in the description's own language, through its phrasebook
(descriptions/drafting/languages.py): its forbidden phrases, its "appears to show", its
concept names and identity words.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from descriptions.drafting import MAX_ALT_CHARS, MAX_LONG_WORDS, RecordFacts, record_facts
from descriptions.drafting.identity import unrecorded_identity_words
from descriptions.drafting.languages import WORDINGS, wording_for
from descriptions.drafting.wording import English
from descriptions.models import Description
from descriptions.selectors import describable_objects, latest_description
from search.explanations import CONCEPT_MIN_PROBABILITY

RULES = (
    "alt_text_length",
    "long_text_length",
    "label_facts_first",
    "no_image_of",
    "traceable",
    "no_unrecorded_identity",
)
LAYERS = ("alt", "short", "long")
CONCEPT_SOURCE = re.compile(r"^(?:image|poster):concept:(.+)$")


@dataclass(frozen=True)
class DescriptionTexts:
    alt_text: str
    short_text: str
    long_text: str
    statements: list[dict[str, Any]]
    # What the analysis measured: concept label to score, and the threshold it used.
    measured_concepts: dict[str, float]
    concept_threshold: float
    language: str = "en"

    @property
    def wording(self) -> English:
        # A description in a language no phrasebook writes is checked by the English rules.
        base = self.language.split("-")[0].lower()
        return wording_for(base) if base in WORDINGS else WORDINGS["en"]

    def layer(self, name: str) -> str:
        return {"alt": self.alt_text, "short": self.short_text, "long": self.long_text}[name]


def uncovered(text: str, sentences: Iterable[str]) -> list[str]:
    """The parts of ``text`` that none of ``sentences`` (taken verbatim) covers."""
    rest = [text]
    for sentence in sorted({s for s in sentences if s}, key=len, reverse=True):
        rest = [piece for part in rest for piece in part.split(sentence)]
    return [part.strip() for part in rest if re.search(r"\w", part)]


def _lengths_ok(d: DescriptionTexts) -> dict[str, bool]:
    alt = d.alt_text.strip()
    long_words = len(d.long_text.split())
    return {
        "alt_text_length": 0 < len(alt) <= MAX_ALT_CHARS,
        "long_text_length": bool(d.short_text.strip()) and 0 < long_words <= MAX_LONG_WORDS,
    }


def _label_facts_first(d: DescriptionTexts, facts: RecordFacts) -> bool:
    first = d.long_text.strip().split("\n\n", 1)[0].lower()
    wanted = [facts.title, facts.date, facts.medium, facts.dimensions, *facts.makers]
    # A title may itself say "appears to" ("Christ Appears to Mary Magdalene").
    reading = first.replace(facts.title.lower(), "") if facts.title else first
    return all(fact.lower() in first for fact in wanted if fact) and (
        d.wording.appears not in reading
    )


def _traceable(d: DescriptionTexts) -> bool:
    for layer in LAYERS:
        said = [s for s in d.statements if s.get("layer") == layer]
        if any(not s.get("sources") for s in said):
            return False
        if uncovered(d.layer(layer), (str(s.get("text", "")) for s in said)):
            return False
    return all(_concepts_measured(s, d) for s in d.statements)


def _concepts_measured(statement: dict[str, Any], d: DescriptionTexts) -> bool:
    """A statement's concepts were measured above threshold, and it names each of them;
    one that says "appears to show" without a concept source is untraceable."""
    text = str(statement.get("text", "")).lower()
    labels = [
        match.group(1)
        for source in statement.get("sources", [])
        if (match := CONCEPT_SOURCE.match(str(source)))
    ]
    wording = d.wording
    if wording.appears in text and not labels and not _curator_wrote(statement):
        return False
    return all(
        d.measured_concepts.get(label, -1.0) >= d.concept_threshold
        and (noun := wording.concept_noun(label)) is not None
        and noun.lower() in text
        for label in labels
    )


def _curator_wrote(statement: dict[str, Any]) -> bool:
    return any(str(source).startswith("curator:") for source in statement.get("sources", []))


def failed_rules(d: DescriptionTexts, facts: RecordFacts) -> list[str]:
    """The rules this description breaks, in RULES order (empty: it passes)."""
    everything = "\n".join((d.alt_text, d.short_text, d.long_text))
    passed = {
        **_lengths_ok(d),
        "label_facts_first": _label_facts_first(d, facts),
        "no_image_of": not d.wording.forbidden.search(everything),
        "traceable": _traceable(d),
        "no_unrecorded_identity": not unrecorded_identity_words(
            everything, facts.texts(), d.wording.language
        ),
    }
    return [rule for rule in RULES if not passed[rule]]


def description_texts(description: Description) -> DescriptionTexts:
    parameters = description.machine_output.parameters or {}
    measured = parameters.get("measurement") or {}
    return DescriptionTexts(
        alt_text=description.alt_text,
        short_text=description.short_text,
        long_text=description.long_text,
        statements=list(description.statements or []),
        measured_concepts={
            str(label): float(score) for label, score in measured.get("concepts", [])
        },
        concept_threshold=float(measured.get("concept_threshold", CONCEPT_MIN_PROBABILITY)),
        language=description.language,
    )


def check_description(description: Description) -> list[str]:
    """The rules a stored description breaks (empty: it passes)."""
    facts = record_facts(description.collection_object, description.language)
    return failed_rules(description_texts(description), facts)


def checklist_report(*, language: str) -> dict[str, Any]:
    """Over the public objects with an image or model: the share drafted, the share whose
    latest description passes every rule, and how many break each rule."""
    objects = list(describable_objects())
    failures = dict.fromkeys(RULES, 0)
    drafted = passing = 0
    for obj in objects:
        description = latest_description(obj, language)
        if description is None:
            continue
        drafted += 1
        failed = check_description(description)
        passing += not failed
        for rule in failed:
            failures[rule] += 1
    total = len(objects)
    return {
        "language": language,
        "objects": total,
        "drafted_share": round(drafted / total, 3) if total else 0.0,
        "passing_share": round(passing / total, 3) if total else 0.0,
        "failures": failures,
    }
