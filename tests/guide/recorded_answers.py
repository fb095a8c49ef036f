"""Small builders for the answer-log tests: answers as the guide gives them, recorded."""

from datetime import datetime

from exhibition.models import CollectionObject
from guide.answers import Answer, AnswerSentence, Citation
from guide.models import GuideQuestion
from guide.services.answer_log import guide_answer_record


def cited_answer(question: str, obj: CollectionObject, *, field: str, span: str) -> Answer:
    citation = Citation(
        object_slug=obj.slug,
        object_title=obj.title,
        field=field,
        span=span,
        url=f"/objects/{obj.slug}/",
    )
    return Answer(
        question=question,
        intent="maker",
        sentences=(AnswerSentence(text=f"It was made by {span}.", citation=citation),),
        abstained=False,
        confidence=0.92,
        about=obj.slug,
    )


def abstention(question: str, *, intent: str = "other") -> Answer:
    return Answer(
        question=question,
        intent=intent,
        sentences=(),
        abstained=True,
        confidence=0.1,
        notice="The collection's records do not tell.",
    )


def record(
    answer: Answer,
    *,
    about: CollectionObject | None = None,
    at: datetime | None = None,
    channel: str = "websocket",
) -> GuideQuestion:
    recorded = guide_answer_record(
        answer=answer,
        channel=channel,
        engine="grounded",
        engine_version="1",
        about=about.slug if about is not None else None,
    )
    if at is not None:
        GuideQuestion.objects.filter(pk=recorded.pk).update(asked_at=at)
        recorded.refresh_from_db()
    return recorded
