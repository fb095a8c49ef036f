"""Review of machine output: decisions, their provenance events and audit entries."""

import pytest
from django.contrib.auth.models import AnonymousUser, User

from exhibition.models import (
    AuditLogEntry,
    MachineOutput,
    MachineOutputKind,
    ProvenanceEvent,
    ReviewStatus,
)
from exhibition.selectors import public_restorations
from exhibition.services.review import (
    ReviewError,
    ReviewPermissionDenied,
    machine_output_approve,
    machine_output_record,
    machine_output_reject,
    machine_output_return_to_draft,
)
from tests.builders import add_image, add_restoration, make_object

pytestmark = pytest.mark.django_db


def _draft_output(**fields: object) -> MachineOutput:
    defaults: dict[str, object] = {
        "kind": MachineOutputKind.DESCRIPTION,
        "collection_object": make_object(),
        "method": "captioning",
        "engine": "template-describer",
        "engine_version": "1.0",
        "parameters": {"max_words": 80},
        "input_checksums": {"record": "abc"},
        "duration_seconds": 0.4,
    }
    defaults.update(fields)
    return machine_output_record(**defaults)  # type: ignore[arg-type]


def test_approving_a_restoration_makes_it_public_with_reviewer_and_event(curator: User) -> None:
    image = add_image(make_object())
    restoration = add_restoration(image)
    assert not public_restorations(collection_object=image.collection_object).exists()

    machine_output_approve(
        output=restoration.machine_output, reviewer=curator, note="Losses filled plausibly."
    )

    output = MachineOutput.objects.get(pk=restoration.machine_output_id)
    assert output.status == ReviewStatus.APPROVED
    assert output.reviewed_by == curator
    assert output.reviewed_at is not None
    assert output.review_note == "Losses filled plausibly."
    assert list(public_restorations(collection_object=image.collection_object)) == [restoration]
    event = output.events.get(action=ProvenanceEvent.Action.APPROVED)
    assert event.actor == curator
    assert event.note == "Losses filled plausibly."


def test_each_decision_writes_an_audit_entry_with_old_and_new_status(curator: User) -> None:
    output = _draft_output()

    machine_output_approve(output=output, reviewer=curator)
    machine_output_return_to_draft(output=output, reviewer=curator, note="Wrong engine version.")
    machine_output_reject(output=output, reviewer=curator, note="Invents a date.")

    entries = AuditLogEntry.objects.filter(target_pk=str(output.pk)).order_by("at", "pk")
    assert [e.changes["status"] for e in entries] == [
        {"old": "draft", "new": "approved"},
        {"old": "approved", "new": "draft"},
        {"old": "draft", "new": "rejected"},
    ]
    assert {e.action for e in entries} == {AuditLogEntry.Action.REVIEWED}
    assert all(e.actor == curator and e.actor_name == "curator" for e in entries)
    assert entries.last().note == "Invents a date."  # type: ignore[union-attr]
    assert entries.first().collection_object == output.collection_object  # type: ignore[union-attr]
    actions = list(output.events.values_list("action", flat=True))
    assert actions == ["produced", "approved", "returned_to_draft", "rejected"]


def test_the_callers_instance_reflects_the_decision(curator: User) -> None:
    output = _draft_output()
    machine_output_reject(output=output, reviewer=curator, note="Not about this object.")
    assert output.status == ReviewStatus.REJECTED
    assert output.reviewed_by == curator


@pytest.mark.parametrize("user_kind", ["visitor", "anonymous", "inactive staff"])
def test_only_active_staff_may_review(user_kind: str, visitor: User) -> None:
    reviewer: User | AnonymousUser
    if user_kind == "visitor":
        reviewer = visitor
    elif user_kind == "anonymous":
        reviewer = AnonymousUser()
    else:
        reviewer = User.objects.create_user("gone", is_staff=True, is_active=False)
    output = _draft_output()

    with pytest.raises(ReviewPermissionDenied, match="Only staff"):
        machine_output_approve(output=output, reviewer=reviewer)

    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT
    assert not AuditLogEntry.objects.exists()
    assert output.events.count() == 1  # only "produced"


def test_a_failed_run_cannot_be_approved_but_can_be_rejected(curator: User) -> None:
    output = _draft_output(error="CUDA out of memory")

    with pytest.raises(ReviewError, match="failed"):
        machine_output_approve(output=output, reviewer=curator)
    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT

    machine_output_reject(output=output, reviewer=curator, note="Run failed.")
    output.refresh_from_db()
    assert output.status == ReviewStatus.REJECTED


@pytest.mark.parametrize("note", ["", "   "])
def test_rejecting_needs_a_note(curator: User, note: str) -> None:
    restoration = add_restoration(add_image(make_object()))
    with pytest.raises(ReviewError, match="note"):
        machine_output_reject(output=restoration.machine_output, reviewer=curator, note=note)
    restoration.machine_output.refresh_from_db()
    assert restoration.machine_output.status == ReviewStatus.DRAFT


def test_returning_to_draft_needs_a_note_and_hides_an_approved_restoration(curator: User) -> None:
    image = add_image(make_object())
    restoration = add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    output = restoration.machine_output
    with pytest.raises(ReviewError, match="note"):
        machine_output_return_to_draft(output=output, reviewer=curator, note="")

    machine_output_return_to_draft(output=output, reviewer=curator, note="Mask too wide.")

    assert not public_restorations(collection_object=image.collection_object).exists()


def test_repeating_the_current_decision_is_refused(curator: User) -> None:
    output = _draft_output()
    machine_output_approve(output=output, reviewer=curator)
    with pytest.raises(ReviewError, match="already approved"):
        machine_output_approve(output=output, reviewer=curator)
    assert output.events.filter(action="approved").count() == 1


def test_a_decision_on_a_stale_instance_uses_the_stored_state(curator: User) -> None:
    output = _draft_output()
    stale = MachineOutput.objects.get(pk=output.pk)
    machine_output_approve(output=output, reviewer=curator)
    # Another curator's page still shows "draft": approving again must not double-approve.
    with pytest.raises(ReviewError, match="already approved"):
        machine_output_approve(output=stale, reviewer=curator)


def test_recording_output_makes_a_draft_with_a_produced_event() -> None:
    obj = make_object()
    output = machine_output_record(
        kind=MachineOutputKind.SUGGESTED_TAG,
        collection_object=obj,
        method="image classification",
        engine="efficientnet-lite0",
        engine_version="1.0",
        parameters={"top_k": 5},
        input_checksums={"image": "f" * 64},
        duration_seconds=0.08,
    )
    assert output.status == ReviewStatus.DRAFT
    assert output.produced_at is not None
    assert output.collection_object == obj
    event = output.events.get()
    assert event.action == ProvenanceEvent.Action.PRODUCED
    assert event.detail == {"duration_seconds": 0.08}


def test_recording_a_failed_run_keeps_the_error_with_a_failed_event() -> None:
    output = _draft_output(error="Model file missing")
    assert output.error == "Model file missing"
    event = output.events.get()
    assert event.action == ProvenanceEvent.Action.FAILED
    assert event.note == "Model file missing"


def test_recording_refuses_unknown_kinds_and_unserialisable_parameters() -> None:
    with pytest.raises(ValueError, match="Unknown machine output kind"):
        _draft_output(kind="horoscope")
    with pytest.raises(ValueError, match="JSON"):
        _draft_output(parameters={"when": object()})
    assert not MachineOutput.objects.exists()
