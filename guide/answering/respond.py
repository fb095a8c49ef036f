"""From a question to a cited answer, or to a plain "the records do not tell".

The steps: recognise the intent, find what the question names, settle what it is about
(a named object, else the conversation's), compose sentences from the records, keep only
the sentences the containment check passes, and abstain when none is left.
"""

import re

from guide.answering import described, fit, lists, museum, object_facts
from guide.answering.asked import AskedQuestion
from guide.answering.containment import is_contained
from guide.answering.intents import (
    AUTHENTICITY,
    PROVENANCE,
    VALUATION,
    Intent,
    recognise,
)
from guide.answering.linking import (
    GENERIC,
    INTENT_STEMS,
    TYPE_SYNONYMS,
    Mentions,
    ObjectMention,
    find_mentions,
    the_phrases,
)
from guide.answering.reconstructions import has_reconstructions, reconstructions
from guide.answering.records import Catalogue, GuideRecord, catalogue
from guide.answering.suggestions import follow_ups, offers
from guide.answering.text import stem, word_set, words
from guide.answers import (
    AGENT,
    COLLECTION,
    CONDITION,
    DATE,
    DIMENSIONS,
    LICENCE,
    MAKER,
    MATERIAL,
    OTHER,
    PLACE,
    PRACTICAL,
    RELATED,
    RESTORATION,
    SUBJECT,
    Answer,
    AnswerSentence,
    Conversation,
    Media,
)

MAX_MEDIA = 4

_FIELD_ANSWERS = {
    MAKER: object_facts.maker,
    DATE: described.when,
    MATERIAL: object_facts.material,
    DIMENSIONS: object_facts.dimensions,
    LICENCE: object_facts.licence,
    AUTHENTICITY: object_facts.authenticity,
    PLACE: described.place,
    SUBJECT: described.subject,
    CONDITION: described.condition,
    PROVENANCE: described.provenance,
    OTHER: described.detail,
}
_UNKNOWN = {
    MAKER: "The collection's records do not say who made {title}.",
    DATE: "The collection's records do not give a date for {title}.",
    MATERIAL: "The collection's records do not say what {title} is made of.",
    DIMENSIONS: "The collection's records do not give that measurement for {title}.",
    PLACE: "The collection's records do not say that about where {title} is or comes from.",
    CONDITION: "The collection's records say nothing about that in {title}'s condition.",
    RESTORATION: "There is no reviewed reconstruction of {title} to show.",
    PROVENANCE: "The collection's records do not give the ownership history of {title}.",
}
_NOT_FOUND = "I can't find that in the collection's records, so I won't guess."
_NO_VALUATION = "The guide does not value works; the collection's records hold no prices."
_NO_MUSEUM_INFORMATION = "The museum has not given the guide that information, so I won't guess."


def answer_from_records(question: str, conversation: Conversation) -> Answer:
    question = " ".join(question.split())
    cat = catalogue()
    prefer = tuple(s for s in (*conversation.objects, conversation.about) if s)
    in_context = bool(conversation.about or conversation.page_object)
    mentions = find_mentions(question, cat, prefer=prefer, in_context=in_context)
    # The intent is read without the title named: "The Birth of Venus" asks no birth date.
    intent = _in_context(
        recognise(_without_title(question, mentions)), question, mentions, conversation
    )
    subject = _subject(question, mentions, conversation, cat)
    agent = mentions.agents[0] if mentions.agents else None
    named = mentions.named
    # The subject's title words are no focus words when the question named it by them.
    named_stems = frozenset(named.matched) if named and named.record == subject else frozenset()
    asked = AskedQuestion(question, intent.name, cat, mentions, subject, agent, named_stems)
    sentences, media, notice = _compose(asked)
    kept = tuple(
        s
        for s in sentences
        if is_contained(
            s.text,
            s.citation.span,
            title=s.citation.object_title,
            derived_numbers=asked.derived_numbers,
        )
    )
    if not kept:
        # A title half-matched by a question the records cannot answer ("the weather in
        # Paris") does not move the conversation off its object.
        if subject is not None and (mentions.named is None or mentions.named.score >= 0.6):
            conversation.about = subject.slug
        return _abstention(asked, notice, intent.confidence)
    if subject is not None:
        conversation.about = subject.slug
    if agent is not None:
        conversation.about_agent = agent
    return Answer(
        question=question,
        intent=_public_intent(intent.name),
        sentences=kept,
        abstained=False,
        confidence=round(intent.confidence * _link_confidence(mentions, subject), 3),
        about=conversation.about,
        media=tuple(media or _pictures(cat, kept))[:MAX_MEDIA],
        suggestions=_suggestions(asked),
    )


def _in_context(
    intent: Intent, question: str, mentions: Mentions, conversation: Conversation
) -> Intent:
    """Read a few phrasings by what the visitor is looking at.

    "How many Goya paintings are there?" counts the collection, "how many hunters are
    there?" counts what this painting shows; on an object's page "is there a dog?" asks
    about that object, elsewhere about the collection.
    """
    folded = " ".join(words(question))
    counted = re.match(r"^how many (\w+)", folded)
    if counted and intent.name in (OTHER, COLLECTION):
        word = counted.group(1)
        names_kind = stem(word) in TYPE_SYNONYMS or any(
            word.startswith(w) or w.startswith(word.removesuffix("s")) for w in mentions.agent_words
        )
        return Intent(COLLECTION if names_kind else OTHER, intent.confidence)
    on_a_page = bool(conversation.about or conversation.page_object) and mentions.named is None
    if (
        intent.name == COLLECTION
        and on_a_page
        and re.match(r"^(is|are) there\b", folded)
        and not re.search(r"\b(here|collection|museum|you)\b", folded)
    ):
        return Intent(OTHER, intent.confidence)
    return intent


def _without_title(question: str, mentions: Mentions) -> str:
    named = mentions.named
    if named is None:
        return question
    return " ".join(w for w in words(question) if stem(w) not in named.matched) or question


def _subject(
    question: str, mentions: Mentions, conversation: Conversation, cat: Catalogue
) -> GuideRecord | None:
    named = mentions.named
    if named is not None and (named.score >= 1.0 or not _context_holds(named, conversation, cat)):
        return named.record
    for slug in (conversation.about, conversation.page_object):
        record = cat.records.get(slug) if slug else None
        if record is not None and not _names_something_else(question, record):
            return record
    return None


def _context_holds(named: ObjectMention, conversation: Conversation, cat: Catalogue) -> bool:
    """A partly matched title loses to the conversation's object when that object's own
    record holds the same words ("who is the model dressed as?" on The Art of Painting;
    "the ship" on The Fighting Temeraire's page is its warship, not "Ship's gymnasium")."""
    slug = conversation.about or conversation.page_object
    record = cat.records.get(slug) if slug else None
    if record is None or record.slug == named.record.slug:
        return False
    known = _record_stems(record)
    return bool(named.matched) and all(_holds(word, known) for word in named.matched)


def _names_something_else(question: str, record: GuideRecord) -> bool:
    """ "who painted the persistence of memory" asked on another object's page."""
    known = _record_stems(record)
    for phrase in the_phrases(" ".join(words(question))):
        specific = [
            w
            for w in phrase
            if len(w) > 3 and w not in INTENT_STEMS and w not in GENERIC and w not in _ASKING
        ]
        if specific and not any(_holds(w, known) for w in specific):
            return True
    return False


# Nouns that say what is asked about a thing, never which thing ("the name of the ship").
_ASKING = frozenset(
    stem(w) for w in word_set("name title colour color season kind type size story meaning")
)


def _record_stems(record: GuideRecord) -> set[str]:
    fields = (record.title, record.description, record.culture, record.medium)
    return {stem(w) for w in words(" ".join((*fields, record.object_type, *record.tags)))}


def _holds(word: str, known: set[str]) -> bool:
    """The record has the word, a longer word holding it, or an everyday near-synonym."""
    return (
        word in known
        or (len(word) >= 4 and any(word in other for other in known))
        or bool(known & fit.near_words(word))
    )


def _compose(asked: AskedQuestion) -> tuple[list[AnswerSentence], list[Media], str]:
    intent, subject = asked.intent, asked.subject
    if intent == VALUATION:
        return [], [], _NO_VALUATION
    if intent == PRACTICAL:
        return museum.practical(asked.text), [], _NO_MUSEUM_INFORMATION
    if intent in (RELATED, COLLECTION):
        return _lists(asked), [], _NOT_FOUND
    if intent == AGENT:
        return _about_agent(asked), [], _NOT_FOUND
    if subject is None:
        return [], [], _NOT_FOUND
    notice = _UNKNOWN.get(intent, _NOT_FOUND).format(title=subject.title)
    if intent == RESTORATION:
        # No reviewed reconstruction: say so (the damage itself is one follow-up away).
        sentences, media = reconstructions(subject)
        if not sentences:
            return [], [], notice
        return sentences + described.condition(asked, subject), media, notice
    return _FIELD_ANSWERS.get(intent, described.detail)(asked, subject), [], notice


def _lists(asked: AskedQuestion) -> list[AnswerSentence]:
    if asked.agent_slug:
        return lists.works_by_agent(asked, asked.agent_slug)
    if asked.intent == RELATED and asked.subject is not None:
        if re.search(r"\b(by (him|her|them)|same (artist|painter|maker))\b", asked.folded):
            own = [c for c in asked.subject.credits if c.qualifier in ("", "attributed to")]
            if own:
                return lists.works_by_agent(asked, own[0].agent_slug)
        return lists.like_this(asked, asked.subject)
    return lists.matching_collection(asked)


def _about_agent(asked: AskedQuestion) -> list[AnswerSentence]:
    """A person's life: an agent's works' records, or any record naming the person
    ("when was Lincoln born?" is answered by the portrait's description)."""
    slug = asked.agent_slug
    if slug is None and asked.subject is not None and asked.subject.credits and not asked.focus:
        slug = asked.subject.credits[0].agent_slug
    if slug is not None:
        agent = asked.catalogue.agents[slug]
        records = asked.catalogue.works_by(slug, own_only=False)
        return described.life(asked, records, agent.name)
    if len(asked.topic) != 1:
        return []
    records = [asked.subject] if asked.subject else list(asked.catalogue.records.values())
    return described.life(asked, records, asked.topic[0])


def _abstention(asked: AskedQuestion, notice: str, confidence: float) -> Answer:
    named = asked.mentions.named
    if asked.subject is not None and named is not None and named.record == asked.subject:
        # The question named this object: offer it by name, not "what does it show?".
        suggestions = offers(_related_records(asked))
    elif asked.subject is not None:
        suggestions = _suggestions(asked)
    else:
        suggestions = offers(_related_records(asked))
    return Answer(
        question=asked.text,
        intent=_public_intent(asked.intent),
        sentences=(),
        abstained=True,
        confidence=round(confidence, 3),
        about=asked.subject.slug if asked.subject and named is None else None,
        suggestions=suggestions,
        notice=notice,
    )


def _related_records(asked: AskedQuestion) -> list[GuideRecord]:
    """Objects the question's own words lead to, as offers when nothing answers: partly
    matched titles first, then records whose title, tags or place hold a word asked."""
    found = {m.record.slug: m.record for m in asked.mentions.objects[:3]}
    topic = set(asked.topic) - GENERIC
    if topic and len(found) < 3:
        for record in asked.catalogue.records.values():
            if any(span.field != "description" and topic & span.stems for span in record.spans):
                found.setdefault(record.slug, record)
                if len(found) >= 3:
                    break
    return list(found.values())


def _suggestions(asked: AskedQuestion) -> tuple[str, ...]:
    if asked.subject is None:
        return ()
    has_reconstruction = asked.intent != RESTORATION and has_reconstructions(asked.subject)
    return follow_ups(
        asked.subject, asked_intent=asked.intent, has_reconstruction=has_reconstruction
    )


def _pictures(cat: Catalogue, sentences: tuple[AnswerSentence, ...]) -> list[Media]:
    media = []
    for slug in dict.fromkeys(s.citation.object_slug for s in sentences):
        record = cat.records.get(slug)
        if record is not None and record.thumbnail is not None:
            url, alt = record.thumbnail
            media.append(Media(kind="image", url=url, alt=alt, object_slug=slug))
    return media


def _link_confidence(mentions: Mentions, subject: GuideRecord | None) -> float:
    if subject is None or not mentions.objects or mentions.objects[0].record != subject:
        return 1.0
    return min(1.0, 0.5 + mentions.objects[0].score / 2)


def _public_intent(name: str) -> str:
    """The protocol's intent names: the finer internal ones fold into "other"."""
    return name if name not in (VALUATION, PROVENANCE, AUTHENTICITY) else OTHER
