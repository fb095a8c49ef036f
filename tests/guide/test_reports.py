"""The curators' report reads: what visitors ask that the records do not tell."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from guide.selectors import flagged_answers, questions_per_intent, unanswered_questions
from guide.services.answer_log import guide_answer_flag
from tests.builders import make_object
from tests.guide.recorded_answers import abstention, cited_answer, record

pytestmark = pytest.mark.django_db


def test_unanswered_questions_are_grouped_by_wording_most_frequent_first() -> None:
    hay_wain, wave = make_object(title="The Hay Wain"), make_object(title="The Great Wave")
    now = timezone.now()
    record(abstention("Who owned it?"), about=hay_wain, at=now - timedelta(days=3))
    record(abstention("who owned it"), about=hay_wain, at=now - timedelta(days=2))
    record(abstention("Who OWNED it?!"), about=wave, at=now - timedelta(days=1))
    record(abstention("Is it insured?"), at=now - timedelta(hours=1))
    record(cited_answer("Who painted it?", hay_wain, field="maker", span="John Constable"))

    gaps = unanswered_questions()

    assert [(g.normalised, g.times) for g in gaps] == [("who owned it", 3), ("is it insured", 1)]
    owned = gaps[0]
    assert owned.wording == "Who OWNED it?!"  # the latest wording
    assert owned.last_asked == now - timedelta(days=1)
    assert [(a.title, a.times) for a in owned.objects] == [
        ("The Hay Wain", 2),
        ("The Great Wave", 1),
    ]
    assert owned.without_object == 0
    assert gaps[1].objects == () and gaps[1].without_object == 1


def test_equally_frequent_gaps_put_the_most_recently_asked_first() -> None:
    now = timezone.now()
    record(abstention("Is it insured?"), at=now - timedelta(days=5))
    record(abstention("Who framed it?"), at=now - timedelta(days=1))

    assert [g.normalised for g in unanswered_questions()] == ["who framed it", "is it insured"]


def test_a_period_leaves_out_older_questions() -> None:
    now = timezone.now()
    record(abstention("Is it insured?"), at=now - timedelta(days=40))
    record(abstention("Who framed it?"), at=now - timedelta(days=2))

    gaps = unanswered_questions(since=now - timedelta(days=30))

    assert [g.normalised for g in gaps] == ["who framed it"]


def test_the_gaps_take_the_same_queries_however_many_were_asked() -> None:
    objects = [make_object() for _ in range(4)]
    for n in range(12):
        record(abstention(f"Question {n % 5}?"), about=objects[n % 4])

    with CaptureQueriesContext(connection) as queries:
        gaps = unanswered_questions()

    assert len(gaps) == 5
    assert len(queries) == 2


def test_questions_per_intent_count_the_asked_and_the_unanswered() -> None:
    hay_wain = make_object()
    record(cited_answer("Who painted it?", hay_wain, field="maker", span="John Constable"))
    record(cited_answer("Who made it?", hay_wain, field="maker", span="John Constable"))
    record(abstention("Who made the frame?", intent="maker"))
    record(abstention("Is it insured?"))

    counts = questions_per_intent()

    assert [(c.intent, c.asked, c.unanswered) for c in counts] == [("maker", 3, 1), ("other", 1, 1)]


def test_flagged_answers_list_the_most_recently_flagged_first(curator: User) -> None:
    first = record(abstention("Is it insured?"))
    second = record(abstention("Who framed it?"))
    record(abstention("Not flagged?"))
    guide_answer_flag(question_record=first, curator=curator, note="The museum does say so.")
    guide_answer_flag(question_record=second, curator=curator, note="The frame maker is known.")

    assert [r.question for r in flagged_answers()] == ["Who framed it?", "Is it insured?"]
