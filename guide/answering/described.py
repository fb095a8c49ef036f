"""Answers quoted from a record's description, sentence by sentence.

A sentence is quoted whole, so it is its own citation. It is quoted only when it speaks to
what was asked: it must contain every focus word of the question ("apostles", "eat"), and
the kind of answer asked for — a number for "how many", a name for "who is", a year for
"when was … born". Otherwise the guide says the records do not tell.
"""

import re

from guide.answering import fit, object_facts
from guide.answering.asked import AskedQuestion, cited
from guide.answering.passages import ranked_sentences
from guide.answering.records import GuideRecord
from guide.answering.text import fold, words
from guide.answers import AnswerSentence

_LOCATION = re.compile(
    r"\b(museum|gallery|galleria|collection|church|convent|chapel|palace|library|archive|"
    r"is in the|is in |belongs to|kept|held|housed|located|painted on|decorates|"
    r"taken in|found at)\b",
    re.IGNORECASE,
)
_KEPT = re.compile(r"\b(kept|museum|gallery|held|housed|now|hang|hangs|see|displayed|visit)\b")
_DAMAGE = re.compile(
    r"\b(damage\w*|loss|losses|lost|flak\w*|wear|worn|tarnish\w*|crack\w*|faded|torn|"
    r"stain\w*|missing|suffered|restor\w*|deteriorat\w*|abrasion|hole|tear)\b",
    re.IGNORECASE,
)
_LIFE_DATES = re.compile(r"\(\s*(c\.\s*)?\d{3,4}\s*[–-]\s*\d{3,4}\s*\)")


def place(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    sentences = []
    located = [s for s in record.sentences if _LOCATION.search(s) and _has_capitalised_name(s)]
    best = _closest(asked, record, located)
    if best is not None:
        sentences.append(cited(record, "description", best, best))
    wants_keeping = _KEPT.search(asked.folded)
    origin = record.culture or record.place
    if origin and not (wants_keeping and sentences):
        field = "culture" if record.culture else "place"
        sentences.append(cited(record, field, origin, f"{record.title} comes from {origin}."))
    return sentences


def subject(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    if not record.sentences:
        return []
    if re.match(r"^tell me more\b", asked.folded):
        return [cited(record, "description", s, s) for s in record.sentences[:3]]
    if not asked.focus and not _asks_who(asked):
        first = record.sentences[0]
        return [cited(record, "description", first, first)]
    return detail(asked, record)


def when(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    """ "When was it made?" is the record's date; "when was it cut down?" is a sentence."""
    if asked.focus:
        return detail(asked, record)
    return object_facts.date(asked, record)


def detail(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    """The one sentence that holds every focus word and the kind of answer asked for."""
    best = _closest(asked, record, [s for s in record.sentences if _speaks_to(asked, s)])
    return [cited(record, "description", best, best)] if best is not None else []


def _closest(asked: AskedQuestion, record: GuideRecord, candidates: list[str]) -> str | None:
    """The candidate sentence closest in meaning to the question (no encoding for one)."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    ranked = [s for s, _score in ranked_sentences(asked.vector, record) if s in candidates]
    return ranked[0]


def condition(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    return [
        cited(record, "description", sentence, sentence)
        for sentence in record.sentences
        if _DAMAGE.search(sentence)
    ][:2]


def provenance(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    owned = re.compile(r"\b(owned|acquired|bought|bequeath\w*|donated|gift of|sold|purchased)\b")
    return [
        cited(record, "description", s, s) for s in record.sentences if owned.search(s.lower())
    ][:1]


def life(asked: AskedQuestion, records: list[GuideRecord], name: str) -> list[AnswerSentence]:
    """A person's dates from the records' own words: "Netscher (1639–1684) was…".

    Only a birth or death question is answered, and only by a sentence that gives the
    person's life dates right after the name (or, for "where was … born", says "born in").
    """
    if not re.search(r"\b(born|birth|died|death|die|old)\b", asked.folded):
        return []
    surname = words(name)[-1] if words(name) else ""
    born_where = re.search(r"\bwhere\b", asked.folded) is not None
    dated_name = re.compile(rf"\b{re.escape(surname)}\W*{_LIFE_DATES.pattern}", re.IGNORECASE)
    for record in records:
        for sentence in record.sentences:
            folded_sentence = " ".join(words(sentence))
            if not surname or surname not in folded_sentence.split():
                continue
            if born_where:
                found = re.search(r"\bborn in\b", sentence) is not None
            else:
                found = dated_name.search(fold(sentence)) is not None
            if found:
                return [cited(record, "description", sentence, sentence)]
    return []


def _speaks_to(asked: AskedQuestion, sentence: str) -> bool:
    return fit.answers(asked, sentence)


def _asks_who(asked: AskedQuestion) -> bool:
    return re.match(r"^(who|whom)\b", asked.folded) is not None


def _has_capitalised_name(sentence: str) -> bool:
    return fit.has_name(sentence)
