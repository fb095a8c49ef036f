"""The guide's reads for curators: the gaps visitors ask about, intents, flagged answers.

"What visitors ask that the records do not tell": the questions the guide abstained on,
grouped by their normalised wording, most frequent first, with the objects they were
asked about. Every read is bounded (a limit, an optional period) and takes a fixed
number of queries however many questions were asked.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from guide.models import GuideQuestion

GAP_LIMIT = 50
OBJECTS_PER_GAP = 5
FLAGGED_LIMIT = 50


@dataclass(frozen=True)
class AskedAbout:
    pk: int
    slug: str
    title: str
    times: int


@dataclass(frozen=True)
class QuestionGap:
    """One unanswered question, however visitors worded it."""

    normalised: str
    wording: str  # the latest wording a visitor used
    times: int
    last_asked: datetime
    objects: tuple[AskedAbout, ...]  # most asked about first; none when asked off any page
    without_object: int  # times it was asked about no object


@dataclass(frozen=True)
class IntentCount:
    intent: str
    asked: int
    unanswered: int


def _questions(since: datetime | None) -> QuerySet[GuideQuestion]:
    questions = GuideQuestion.objects.all()
    return questions.filter(asked_at__gte=since) if since is not None else questions


def unanswered_questions(
    *, since: datetime | None = None, limit: int = GAP_LIMIT
) -> list[QuestionGap]:
    """The questions the guide abstained on, grouped and most frequent first."""
    abstained = _questions(since).filter(abstained=True)
    latest_wording = (
        abstained.filter(normalised_question=OuterRef("normalised_question"))
        .order_by("-asked_at", "-pk")
        .values("question")[:1]
    )
    groups = list(
        abstained.values("normalised_question")
        .annotate(times=Count("pk"), last_asked=Max("asked_at"), wording=Subquery(latest_wording))
        .order_by("-times", "-last_asked", "normalised_question")[:limit]
    )
    objects = _asked_about(abstained, [g["normalised_question"] for g in groups])
    return [
        QuestionGap(
            normalised=group["normalised_question"],
            wording=group["wording"],
            times=group["times"],
            last_asked=group["last_asked"],
            objects=tuple(objects.get(group["normalised_question"], ())[:OBJECTS_PER_GAP]),
            without_object=group["times"]
            - sum(about.times for about in objects.get(group["normalised_question"], ())),
        )
        for group in groups
    ]


def _asked_about(
    questions: QuerySet[GuideQuestion], normalised: list[str]
) -> dict[str, list[AskedAbout]]:
    """For each of these questions, the objects it was asked about, most often first."""
    rows = (
        questions.filter(
            normalised_question__in=normalised,
            machine_output__collection_object__isnull=False,
        )
        .values(
            "normalised_question",
            "machine_output__collection_object_id",
            "machine_output__collection_object__slug",
            "machine_output__collection_object__title",
        )
        .annotate(times=Count("pk"))
        .order_by("normalised_question", "-times", "machine_output__collection_object__title")
    )
    found: dict[str, list[AskedAbout]] = {}
    for row in rows:
        found.setdefault(row["normalised_question"], []).append(
            AskedAbout(
                pk=row["machine_output__collection_object_id"],
                slug=row["machine_output__collection_object__slug"],
                title=row["machine_output__collection_object__title"],
                times=row["times"],
            )
        )
    return found


def questions_per_intent(*, since: datetime | None = None) -> list[IntentCount]:
    """How many questions of each intent were asked and left unanswered, most asked first."""
    rows = (
        _questions(since)
        .values("intent")
        .annotate(asked=Count("pk"), unanswered=Count("pk", filter=Q(abstained=True)))
        .order_by("-asked", "intent")
    )
    return [IntentCount(r["intent"], r["asked"], r["unanswered"]) for r in rows]


def flagged_answers(*, limit: int = FLAGGED_LIMIT) -> list[GuideQuestion]:
    """The answers curators flagged as bad, most recently flagged first."""
    return list(
        GuideQuestion.objects.filter(flagged=True)
        .select_related("machine_output__collection_object", "flagged_by")
        .order_by("-flagged_at", "-pk")[:limit]
    )
