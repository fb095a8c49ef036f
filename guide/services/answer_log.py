"""Recording the guide's answers for curators, and flagging a bad one.

Each answer becomes one machine output (kind ``guide_answer``) through the shared
``machine_output_record`` service — with its "produced" provenance event — plus one
``GuideQuestion`` row the curators' report groups by. Only the visitor's question is
kept: never an address or a session. Answers are kept for curator review.
"""

import re
import unicodedata
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from exhibition.models import AuditLogEntry, MachineOutputKind
from exhibition.selectors import public_objects
from exhibition.services.audit import audit_record_change
from exhibition.services.review import machine_output_record
from guide.answers import Answer
from guide.models import QUESTION_MAX_CHARS, Channel, GuideQuestion

METHOD = "guide answer"
FLAG_NOTE_MAX_CHARS = 2000
_APOSTROPHES = {"'", "\u2019", "\u02bc"}
_SPACES = re.compile(r"\s+")


class FlagError(ValueError):
    """A flag that cannot be set; the message says why."""


def normalise_question(question: str) -> str:
    """Lower case, punctuation and symbols dropped, spaces collapsed.

    Apostrophes vanish ("what's" → "whats") and other punctuation becomes a space
    ("hay-wain" → "hay wain"), so the wordings visitors type group together.
    """
    characters = []
    for character in unicodedata.normalize("NFKC", question).casefold():
        if character in _APOSTROPHES:
            continue
        category = unicodedata.category(character)
        characters.append(" " if category[0] in "PSC" else character)
    return _SPACES.sub(" ", "".join(characters)).strip()[:QUESTION_MAX_CHARS]


def answer_parameters(answer: Answer, *, channel: str) -> dict[str, Any]:
    """What the review page shows: the question, the answer and each sentence's source."""
    citations = answer.citations
    keys = [(c.object_slug, c.field, c.span) for c in citations]
    return {
        "question": answer.question[:QUESTION_MAX_CHARS],
        "intent": answer.intent,
        "answer": answer.text,
        "sentences": [
            {
                "text": s.text,
                "source": keys.index((s.citation.object_slug, s.citation.field, s.citation.span)),
            }
            for s in answer.sentences
        ],
        "sources": [{"slug": c.object_slug, "field": c.field, "span": c.span} for c in citations],
        "confidence": round(float(answer.confidence), 4),
        "abstained": answer.abstained,
        "channel": channel,
    }


def guide_answer_record(
    *,
    answer: Answer,
    channel: str,
    engine: str,
    engine_version: str,
    about: str | None = None,
) -> GuideQuestion:
    """Store one answer as machine output awaiting review, and its question for the report.

    ``about`` is the slug of the object the conversation was about when the guide answered
    (an abstention cites nothing, yet curators want to know which record fell short); the
    answer's own ``about`` and its first source are used when it is not given.
    """
    if channel not in Channel.values:
        raise ValueError(f"Unknown guide channel {channel!r}; expected {', '.join(Channel)}.")
    slug = about or answer.about or next(iter(answer.source_slugs), None)
    # Restricted or draft objects look absent, as everywhere on the public side.
    collection_object = public_objects().filter(slug=slug).first() if slug else None
    with transaction.atomic():
        output = machine_output_record(
            kind=MachineOutputKind.GUIDE_ANSWER,
            collection_object=collection_object,
            method=METHOD,
            engine=engine,
            engine_version=engine_version,
            parameters=answer_parameters(answer, channel=channel),
            input_checksums={},
            duration_seconds=None,
        )
        return GuideQuestion.objects.create(
            machine_output=output,
            question=answer.question[:QUESTION_MAX_CHARS],
            normalised_question=normalise_question(answer.question),
            intent=answer.intent,
            abstained=answer.abstained,
            channel=channel,
            asked_at=output.produced_at,
        )


def guide_answer_flag(*, question_record: GuideQuestion, curator: User, note: str) -> GuideQuestion:
    """Flag a bad answer with a note saying what is wrong (staff only; kept in the audit log)."""
    if not (curator.is_active and curator.is_staff):
        raise FlagError("Only staff members may flag guide answers.")
    note = note.strip()
    if not note:
        raise FlagError("A note saying what is wrong with the answer is required.")
    if len(note) > FLAG_NOTE_MAX_CHARS:
        raise FlagError(f"Keep the note under {FLAG_NOTE_MAX_CHARS} characters.")
    with transaction.atomic():
        current = GuideQuestion.objects.select_for_update().get(pk=question_record.pk)
        old = {"flagged": current.flagged, "flag_note": current.flag_note}
        current.flagged = True
        current.flag_note = note
        current.flagged_by = curator
        current.flagged_at = timezone.now()
        current.save(update_fields=["flagged", "flag_note", "flagged_by", "flagged_at"])
        audit_record_change(
            actor=curator,
            instance=current,
            changes={
                "flagged": {"old": old["flagged"], "new": True},
                "flag_note": {"old": old["flag_note"], "new": note},
            },
            action=AuditLogEntry.Action.REVIEWED,
            note=note,
        )
    for name in ("flagged", "flag_note", "flagged_by", "flagged_at"):
        setattr(question_record, name, getattr(current, name))
    return current
