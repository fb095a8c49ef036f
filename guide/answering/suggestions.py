"""Follow-up questions the guide can answer about an object, from what its record holds."""

from guide.answering.records import OWN_WORK_QUALIFIERS, GuideRecord
from guide.answers import (
    CONDITION,
    DATE,
    LICENCE,
    MAKER,
    MATERIAL,
    PLACE,
    RELATED,
    RESTORATION,
    SUBJECT,
)

MAX_SUGGESTIONS = 3


def follow_ups(
    record: GuideRecord, *, asked_intent: str, has_reconstruction: bool
) -> tuple[str, ...]:
    """Questions this record can answer, the one just asked left out."""
    candidates = [
        # What a damaged work's visitors ask first.
        (RESTORATION, "What did it look like before?", has_reconstruction),
        (CONDITION, "Is it damaged?", record.is_damaged),
        (SUBJECT, "What does it show?", bool(record.sentences)),
        (MAKER, "Who made it?", bool(record.credits)),
        (DATE, "When was it made?", bool(record.date)),
        (MATERIAL, "What is it made of?", bool(record.medium)),
        (PLACE, "Where is it from?", bool(record.culture or record.place)),
        (LICENCE, "Can I reuse the image?", True),
    ]
    own = [c for c in record.credits if c.qualifier in OWN_WORK_QUALIFIERS]
    if own:
        candidates.insert(6, (RELATED, f"What else is there by {own[0].name}?", True))
    chosen = [text for intent, text, possible in candidates if possible and intent != asked_intent]
    return tuple(chosen[:MAX_SUGGESTIONS])


def offers(records: list[GuideRecord]) -> tuple[str, ...]:
    """When the guide cannot answer: things it can tell about instead."""
    return tuple(f"Tell me about {record.title}" for record in records[:MAX_SUGGESTIONS])
