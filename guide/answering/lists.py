"""Answers that list objects: "other Rembrandts?", "do you have photos of New York?".

Each listed object is a sentence citing the field that put it on the list (its maker,
its type and tags, or the words of its record that matched), so the list carries its own
evidence. A count ("three works by Goya") is the number of objects listed, computed here.
"""

import re

from guide.answering.asked import AskedQuestion, cited
from guide.answering.records import OWN_WORK_QUALIFIERS, GuideRecord, RecordSpan
from guide.answering.text import looks_alike, spell_number, stem
from guide.answers import AnswerSentence

MAX_LISTED = 8
# Adjectives visitors use for places the records name as countries.
_DEMONYMS = {
    "japanese": "japan",
    "chinese": "china",
    "dutch": "dutch",
    "italian": "italy",
    "french": "france",
    "english": "england",
    "british": "britain",
    "german": "germany",
    "spanish": "spain",
    "egyptian": "egypt",
    "greek": "greece",
    "american": "united states",
    "flemish": "flanders",
    "danish": "denmark",
    "roman": "roman",
    "mexican": "mexico",
    "russian": "russia",
    "irish": "ireland",
    "scottish": "scotland",
}
# Words that qualify a wish without narrowing it ("any old banknotes?").
_SOFT = frozenset(
    stem(w) for w in ["old", "nice", "good", "famous", "interesting", "some", "any", "kind", "sort"]
)


def works_by_agent(asked: AskedQuestion, agent_slug: str) -> list[AnswerSentence]:
    """The agent's own works (attributed included; "workshop of" and "manner of" not)."""
    agent = asked.catalogue.agents[agent_slug]
    # "other works by Leonardo?" on The Last Supper's page: not The Last Supper again.
    wants_others = re.search(r"\b(other|else|more|another)\b", asked.folded) is not None
    exclude = asked.subject.slug if asked.subject and wants_others else None
    records = [
        r
        for r in asked.catalogue.works_by(agent_slug)
        if r.slug != exclude and _fits_types(asked, r)
    ]
    sentences = [_by_agent(record, agent_slug) for record in records[:MAX_LISTED]]
    if not sentences:
        return []
    return [_count(asked, len(records), f"by {agent.name}", sentences[0]), *sentences]


def like_this(asked: AskedQuestion, subject: GuideRecord) -> list[AnswerSentence]:
    """Objects of the same kind sharing what the question or the subject is about."""
    asked_tags = _question_tags(asked)
    # "any other winter scenes?": a subject asked for by name crosses kinds of object.
    wanted_types = set(asked.mentions.types) or (set() if asked_tags else {subject.object_type})
    wanted_tags = asked_tags or set(subject.tags) - _COMMON_TAGS
    scored = []
    for record in asked.catalogue.records.values():
        if record.slug == subject.slug or (wanted_types and record.object_type not in wanted_types):
            continue
        shared = wanted_tags & set(record.tags)
        if wanted_tags and not shared:
            continue  # same kind, but about something else: not "like this"
        scored.append((len(shared), record.title, record, shared))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [_of_kind(record, shared) for _n, _t, record, shared in scored[:MAX_LISTED]]


def matching_collection(asked: AskedQuestion) -> list[AnswerSentence]:
    """Objects whose type is asked for and whose record holds every other word asked."""
    terms = _phrases(asked)
    if not asked.mentions.types and not terms:
        return []
    hits = []
    for record in asked.catalogue.records.values():
        if not _fits_types(asked, record):
            continue
        evidence = _evidence(record, terms)
        if evidence is not None:
            hits.append((record, evidence))
    hits.sort(key=lambda hit: hit[0].title)
    sentences = [_matched(record, field, span) for record, (field, span) in hits[:MAX_LISTED]]
    if not sentences:
        return []
    return [_count(asked, len(hits), "", sentences[0]), *sentences]


def _phrases(asked: AskedQuestion) -> list[str]:
    """The focus words as the phrases they stand in: "national gallery", "london"."""
    focus = set(asked.focus) - _SOFT
    phrases: list[list[str]] = [[]]
    for word in asked.folded.split():
        if stem(word) in focus:
            phrases[-1].append(_DEMONYMS.get(word, word))
        elif phrases[-1]:
            phrases.append([])
    return [" ".join(p) for p in phrases if p]


_COMMON_TAGS = frozenset(
    {
        "photograph",
        "historical photograph",
        "portrait",
        "3d",
        "scan",
        "damage",
        "restoration",
        "painting",
    }
)


def _question_tags(asked: AskedQuestion) -> set[str]:
    """The collection's tags the question spells out whole ("native american")."""
    asked_words = set(asked.folded.split())
    return {
        tag
        for tag, tag_words in asked.catalogue.tag_words.items()
        if tag not in _COMMON_TAGS and tag_words <= asked_words
    }


def _fits_types(asked: AskedQuestion, record: GuideRecord) -> bool:
    types = asked.mentions.types
    return not types or any(t == record.object_type or t in record.object_type for t in types)


def _evidence(record: GuideRecord, terms: list[str]) -> tuple[str, str] | None:
    """The first field of the record holding every term, with the span that holds them."""
    if not terms:
        return ("object type", record.object_type)
    for span in record.spans:
        if _holds_all(span, terms):
            return (span.field, span.text)
    return None


def _holds_all(span: RecordSpan, terms: list[str]) -> bool:
    return all(
        (f" {term} " in f" {span.folded} ")
        if " " in term
        else stem(term) in span.stems
        or (len(term) >= 6 and any(looks_alike(stem(term), s) for s in span.stems))
        for term in terms
    )


def _by_agent(record: GuideRecord, agent_slug: str) -> AnswerSentence:
    credit = next(c for c in record.credits if c.agent_slug == agent_slug)
    span = credit.display
    verb = "is" if credit.qualifier in OWN_WORK_QUALIFIERS - {""} else "is by"
    return cited(record, "maker", span, f"{record.title} {verb} {span}.")


def _of_kind(record: GuideRecord, shared: set[str]) -> AnswerSentence:
    if shared:
        tag = sorted(shared)[0]
        return cited(record, "tags", tag, f"{record.title} is also tagged {tag}.")
    return cited(
        record, "object type", record.object_type, f"{record.title}: {record.object_type}."
    )


def _matched(record: GuideRecord, field_name: str, span: str) -> AnswerSentence:
    if field_name == "title":
        return cited(record, "title", span, f"{span}.")
    if field_name == "tags":
        return cited(record, "tags", span, f"{record.title} is tagged “{span}”.")
    if field_name in ("culture", "place"):
        return cited(record, field_name, span, f"{record.title} comes from {span}.")
    return cited(record, field_name, span, f"{record.title}: {span}")


def _count(asked: AskedQuestion, total: int, tail: str, first: AnswerSentence) -> AnswerSentence:
    shown = min(total, MAX_LISTED)
    asked.derived_numbers = asked.derived_numbers | {total, shown}
    noun = "work" if total == 1 else "works"
    listed = "" if shown == total else f" ({spell_number(shown)} listed)"
    text = f"The collection has {spell_number(total)} {noun} {tail}{listed}".rstrip() + ":"
    text = text.replace("  ", " ")
    return AnswerSentence(text, first.citation)
