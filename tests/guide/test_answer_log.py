"""Every guide answer is recorded as machine output for curators; bad ones can be flagged."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User

from exhibition.models import (
    AuditLogEntry,
    MachineOutput,
    MachineOutputKind,
    ProvenanceEvent,
    ReviewStatus,
    Visibility,
)
from guide.answerers import reset_answerer
from guide.answers import Conversation
from guide.asking import ask_guide
from guide.models import GuideQuestion
from guide.services.answer_log import (
    FlagError,
    guide_answer_flag,
    guide_answer_record,
    normalise_question,
)
from tests.builders import make_agent, make_object
from tests.guide.recorded_answers import abstention, cited_answer, record

pytestmark = pytest.mark.django_db


def test_recording_an_answer_writes_one_output_its_event_and_the_question() -> None:
    hay_wain = make_object(title="The Hay Wain", slug="the-hay-wain")
    answer = cited_answer(
        "Who painted The Hay Wain?", hay_wain, field="maker", span="John Constable"
    )

    recorded = guide_answer_record(
        answer=answer, channel="websocket", engine="grounded", engine_version="3"
    )

    output = MachineOutput.objects.get()
    assert output.kind == MachineOutputKind.GUIDE_ANSWER
    assert output.status == ReviewStatus.DRAFT  # waits in the review queue
    assert output.collection_object == hay_wain
    assert (output.method, output.engine, output.engine_version) == (
        "guide answer",
        "grounded",
        "3",
    )
    assert output.parameters["question"] == "Who painted The Hay Wain?"
    assert output.parameters["intent"] == "maker"
    assert output.parameters["sources"] == [
        {"slug": "the-hay-wain", "field": "maker", "span": "John Constable"}
    ]
    assert output.parameters["sentences"] == [
        {"text": "It was made by John Constable.", "source": 0}
    ]
    assert output.parameters["confidence"] == 0.92
    assert output.parameters["abstained"] is False
    assert output.parameters["channel"] == "websocket"
    assert [e.action for e in output.events.all()] == [ProvenanceEvent.Action.PRODUCED]
    assert GuideQuestion.objects.get() == recorded
    assert recorded.machine_output == output
    assert recorded.normalised_question == "who painted the hay wain"
    assert (recorded.intent, recorded.abstained, recorded.channel) == ("maker", False, "websocket")
    assert recorded.asked_at == output.produced_at


def test_an_abstention_is_recorded_against_the_object_the_visitor_was_on() -> None:
    hay_wain = make_object(slug="the-hay-wain")

    recorded = record(abstention("Who owned it before 1900?", intent="licence"), about=hay_wain)

    assert recorded.abstained is True
    assert recorded.machine_output.collection_object == hay_wain
    assert recorded.machine_output.parameters["sources"] == []
    assert recorded.machine_output.parameters["answer"] == "The collection's records do not tell."


def test_a_restricted_object_is_not_linked_to_a_recorded_answer() -> None:
    hidden = make_object(visibility=Visibility.RESTRICTED)

    recorded = record(abstention("What is it?"), about=hidden)

    assert recorded.machine_output.collection_object is None


def test_an_unknown_channel_is_refused_and_nothing_is_written() -> None:
    with pytest.raises(ValueError, match="channel"):
        guide_answer_record(
            answer=abstention("Hello?"), channel="fax", engine="grounded", engine_version="1"
        )
    assert not MachineOutput.objects.exists()
    assert not GuideQuestion.objects.exists()


def test_a_long_question_is_kept_to_three_hundred_characters() -> None:
    recorded = record(abstention("why " * 200))

    assert len(recorded.question) == 300
    assert len(recorded.machine_output.parameters["question"]) == 300


@pytest.mark.parametrize(
    ("asked", "normalised"),
    [
        ("Who made this?", "who made this"),
        ("  WHO   made\tthis ?!", "who made this"),
        ("What's it made of?", "whats it made of"),
        ("What’s the Hay-Wain about?", "whats the hay wain about"),
        ("Où est-il peint ?", "où est il peint"),
    ],
)
def test_questions_are_normalised_so_wordings_group_together(asked: str, normalised: str) -> None:
    assert normalise_question(asked) == normalised


def test_a_curator_flags_a_bad_answer_with_a_note_kept_in_the_audit_log(curator: User) -> None:
    recorded = record(abstention("When was it painted?"))

    guide_answer_flag(
        question_record=recorded, curator=curator, note="  The date is on the label. "
    )

    recorded.refresh_from_db()
    assert recorded.flagged is True
    assert recorded.flag_note == "The date is on the label."
    assert recorded.flagged_by == curator
    assert recorded.flagged_at is not None
    entry = AuditLogEntry.objects.get(target_model="guide.guidequestion")
    assert entry.actor == curator
    assert entry.note == "The date is on the label."
    assert entry.changes["flagged"] == {"old": False, "new": True}


def test_flagging_needs_a_note(curator: User) -> None:
    recorded = record(abstention("When was it painted?"))

    with pytest.raises(FlagError, match="note"):
        guide_answer_flag(question_record=recorded, curator=curator, note="   ")

    recorded.refresh_from_db()
    assert recorded.flagged is False


def test_a_visitor_cannot_flag_an_answer(visitor: User) -> None:
    recorded = record(abstention("When was it painted?"))

    with pytest.raises(FlagError, match="staff"):
        guide_answer_flag(question_record=recorded, curator=visitor, note="Wrong")

    recorded.refresh_from_db()
    assert recorded.flagged is False


@pytest.fixture
def grounded_guide(settings: Any) -> Iterator[None]:
    settings.GUIDE_ANSWERER = "grounded"
    reset_answerer()
    yield
    reset_answerer()


@pytest.mark.usefixtures("grounded_guide")
def test_asking_the_guide_records_every_answer_against_the_object_in_view() -> None:
    hay_wain = make_object(
        title="The Hay Wain",
        slug="the-hay-wain",
        date_display="1821",
        creator=make_agent("John Constable"),
    )
    conversation = Conversation()
    conversation.switch_page("the-hay-wain")

    answered = ask_guide(
        question="Who painted The Hay Wain?", conversation=conversation, channel="page"
    )
    abstained = ask_guide(
        question="What is the weather in Paris?", conversation=conversation, channel="page"
    )

    assert "Constable" in answered.text and abstained.abstained
    records = list(GuideQuestion.objects.order_by("asked_at", "pk"))
    assert [(r.question, r.abstained, r.channel) for r in records] == [
        ("Who painted The Hay Wain?", False, "page"),
        ("What is the weather in Paris?", True, "page"),
    ]
    for recorded in records:
        output = recorded.machine_output
        assert output.collection_object == hay_wain
        assert output.engine == "grounded"
        assert [e.action for e in output.events.all()] == [ProvenanceEvent.Action.PRODUCED]
    assert records[0].machine_output.parameters["sources"][0]["slug"] == "the-hay-wain"
    assert records[1].machine_output.parameters["sources"] == []
