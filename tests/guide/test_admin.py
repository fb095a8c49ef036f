"""The guide in the curators' admin: the review queue, the gaps report and flagging."""

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from exhibition.models import ReviewStatus
from guide.models import GuideQuestion
from tests.builders import make_object
from tests.guide.recorded_answers import abstention, cited_answer, record

pytestmark = pytest.mark.django_db

REPORT = "admin:guide_guidequestion_report"


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


def _flag_page(recorded: GuideQuestion) -> str:
    return reverse("admin:guide_guidequestion_flag", args=[recorded.pk])


def test_the_report_needs_a_staff_login(client: Client, visitor: User) -> None:
    record(abstention("Who owned it?"))

    anonymous = client.get(reverse(REPORT))
    client.force_login(visitor)
    as_visitor = client.get(reverse(REPORT))

    for response in (anonymous, as_visitor):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_the_report_shows_the_gaps_most_frequent_first(curator_client: Client) -> None:
    hay_wain = make_object(title="The Hay Wain")
    record(abstention("Who owned it before 1900?"), about=hay_wain)
    record(abstention("who owned it before 1900"), about=hay_wain)
    record(abstention("Is it insured?"))
    record(cited_answer("Who painted it?", hay_wain, field="maker", span="John Constable"))

    page = curator_client.get(reverse(REPORT)).content.decode()

    gaps = page[page.index('id="guide-gaps"') : page.index('id="intents-heading"')]
    assert "What visitors ask that the records do not tell" in page
    assert gaps.index("who owned it before 1900") < gaps.index("Is it insured?")
    assert "The Hay Wain</a> (2)" in gaps
    assert "Who painted it?" not in gaps  # answered, so not a gap
    intents = page[page.index('id="guide-intents"') : page.index('id="flagged-heading"')]
    assert "<td>maker</td><td>1</td><td>0</td>" in intents
    assert "<td>other</td><td>3</td><td>3</td>" in intents


def test_the_report_escapes_what_visitors_typed(curator_client: Client) -> None:
    record(abstention("<script>alert(1)</script>?"))

    page = curator_client.get(reverse(REPORT)).content.decode()

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;?" in page


def test_the_review_queue_lists_guide_answers_with_their_question(curator_client: Client) -> None:
    hay_wain = make_object(title="The Hay Wain")
    recorded = record(
        cited_answer("Who painted The Hay Wain?", hay_wain, field="maker", span="John Constable")
    )

    queue = curator_client.get(
        reverse("admin:exhibition_machineoutput_changelist"), {"kind": "guide_answer"}
    ).content.decode()
    review = curator_client.get(
        reverse("admin:exhibition_machineoutput_change", args=[recorded.machine_output_id])
    ).content.decode()

    assert "Who painted The Hay Wain?" in queue
    assert "Guide answer" in queue
    # The review page shows each sentence beside the record text it cites.
    assert "It was made by John Constable." in review
    assert "<q>John Constable</q>" in review
    assert _flag_page(recorded) in review


def test_a_curator_approves_a_guide_answer_in_the_shared_queue(curator_client: Client) -> None:
    recorded = record(abstention("Is it insured?"))
    url = reverse("admin:exhibition_machineoutput_review", args=[recorded.machine_output_id])

    curator_client.post(url, {"decision": "approve", "note": ""})

    recorded.machine_output.refresh_from_db()
    assert recorded.machine_output.status == ReviewStatus.APPROVED


def test_a_curator_flags_an_answer_and_the_report_lists_it(curator_client: Client) -> None:
    recorded = record(abstention("When was the frame made?"))

    response = curator_client.post(_flag_page(recorded), {"note": "The frame is dated 1830."})
    flag_page = curator_client.get(response["Location"]).content.decode()
    report = curator_client.get(reverse(REPORT)).content.decode()

    assert response.status_code == 302
    assert "Flagged</strong> by curator" in flag_page
    flagged = report[report.index('id="guide-flagged"') :]
    assert "When was the frame made?" in flagged
    assert "The frame is dated 1830." in flagged


def test_flagging_without_a_note_says_so_and_flags_nothing(curator_client: Client) -> None:
    recorded = record(abstention("When was the frame made?"))

    page = curator_client.post(_flag_page(recorded), {"note": " "}).content.decode()

    assert "A note saying what is wrong with the answer is required." in page
    recorded.refresh_from_db()
    assert recorded.flagged is False


def test_a_staff_member_without_the_permission_cannot_flag(client: Client) -> None:
    staff = User.objects.create_user("volunteer", password="a-long-test-password", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_guidequestion"))
    client.force_login(staff)
    recorded = record(abstention("When was the frame made?"))

    shown = client.get(_flag_page(recorded))
    posted = client.post(_flag_page(recorded), {"note": "Wrong"})

    assert shown.status_code == 200
    assert "What is wrong with this answer?" not in shown.content.decode()
    assert posted.status_code == 403
    recorded.refresh_from_db()
    assert recorded.flagged is False


def test_an_unknown_answer_id_is_absent_not_an_error(curator_client: Client) -> None:
    response = curator_client.get(reverse("admin:guide_guidequestion_flag", args=["abc"]))

    assert response.status_code == 404
