"""Recording and reviewing machine output: one mechanism for every kind.

Every output (a restoration, a suggested tag, a generated description, a guide answer)
is recorded as a draft with a "produced" or "failed" provenance event. A curator then
approves it, rejects it or returns it to draft; each decision sets the review fields,
appends a provenance event and an audit log entry, all in one transaction. Nothing
reaches the public site unless a staff member approved it.
"""

import json
import logging
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exhibition.models import (
    AuditLogEntry,
    CollectionObject,
    MachineOutput,
    MachineOutputKind,
    ProvenanceEvent,
    Restoration,
    ReviewStatus,
)
from exhibition.services.audit import audit_record_change
from exhibition.signals import machine_output_reviewed

logger = logging.getLogger(__name__)

# Views pass ``request.user`` straight in; an anonymous user is refused like any non-staff.
Reviewer = User | AnonymousUser


class ReviewPermissionDenied(PermissionDenied):
    """The user may not review machine output (only staff may)."""


class ReviewError(ValueError):
    """A review decision that cannot be taken; the message says why."""


# One whole sentence per state, so that each language can agree the adjective itself.
_ALREADY = {
    ReviewStatus.APPROVED: gettext_lazy("This output is already approved."),
    ReviewStatus.REJECTED: gettext_lazy("This output is already rejected."),
    ReviewStatus.DRAFT: gettext_lazy("This output is already a draft awaiting review."),
}

_EVENT_FOR_STATUS = {
    ReviewStatus.APPROVED: ProvenanceEvent.Action.APPROVED,
    ReviewStatus.REJECTED: ProvenanceEvent.Action.REJECTED,
    ReviewStatus.DRAFT: ProvenanceEvent.Action.RETURNED_TO_DRAFT,
}


def machine_output_approve(
    *, output: MachineOutput, reviewer: Reviewer, note: str = ""
) -> MachineOutput:
    """Approve an output so the public site may show it (with its label and provenance)."""
    return _review(output=output, reviewer=reviewer, status=ReviewStatus.APPROVED, note=note)


def machine_output_reject(*, output: MachineOutput, reviewer: Reviewer, note: str) -> MachineOutput:
    """Reject an output; the note saying why is required."""
    return _review(output=output, reviewer=reviewer, status=ReviewStatus.REJECTED, note=note)


def machine_output_return_to_draft(
    *, output: MachineOutput, reviewer: Reviewer, note: str
) -> MachineOutput:
    """Send a reviewed output back to the queue (e.g. withdraw an approval); a note is required."""
    return _review(output=output, reviewer=reviewer, status=ReviewStatus.DRAFT, note=note)


def _staff_reviewer(reviewer: Reviewer) -> User:
    if not (isinstance(reviewer, User) and reviewer.is_active and reviewer.is_staff):
        raise ReviewPermissionDenied(_("Only staff members may review machine output."))
    return reviewer


def _check_decision(*, output: MachineOutput, status: str, note: str) -> None:
    if output.status == status:
        raise ReviewError(str(_ALREADY[ReviewStatus(status)]))
    if status == ReviewStatus.APPROVED and output.error:
        raise ReviewError(_("An output whose run failed cannot be approved."))
    if status == ReviewStatus.REJECTED and not note.strip():
        raise ReviewError(_("A note saying why is required to reject an output."))
    if status == ReviewStatus.DRAFT and not note.strip():
        raise ReviewError(_("A note saying why is required to return an output to draft."))


def _review(*, output: MachineOutput, reviewer: Reviewer, status: str, note: str) -> MachineOutput:
    staff = _staff_reviewer(reviewer)
    note = note.strip()
    with transaction.atomic():
        # Lock the row so two curators deciding at once cannot both win.
        current = MachineOutput.objects.select_for_update().get(pk=output.pk)
        _check_decision(output=current, status=status, note=note)
        old_status = current.status
        now = timezone.now()
        current.status = status
        current.reviewed_by = staff
        current.reviewed_at = now
        current.review_note = note
        current.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        ProvenanceEvent.objects.create(
            machine_output=current,
            action=_EVENT_FOR_STATUS[ReviewStatus(status)],
            actor=staff,
            at=now,
            note=note,
        )
        audit_record_change(
            actor=staff,
            instance=current,
            changes={"status": {"old": old_status, "new": status}},
            action=AuditLogEntry.Action.REVIEWED,
            note=note,
        )
        transaction.on_commit(
            lambda: machine_output_reviewed.send(
                sender=MachineOutput, output=current, status=status, old_status=old_status
            )
        )
    # The caller's instance reflects the decision too.
    for name in ("status", "reviewed_by", "reviewed_at", "review_note"):
        setattr(output, name, getattr(current, name))
    if current.kind == MachineOutputKind.RESTORATION:
        if status == ReviewStatus.APPROVED:
            _schedule_restoration_tiles(current)
        elif old_status == ReviewStatus.APPROVED:
            _withdraw_restoration_tiles(current)
    return current


def _withdraw_restoration_tiles(output: MachineOutput) -> None:
    """Once a withdrawn approval is committed, remove the tiles it had cut."""
    from exhibition.iiif.restoration_tiles import restoration_delete_tiles

    restoration_id = (
        Restoration.objects.filter(machine_output=output).values_list("pk", flat=True).first()
    )
    if restoration_id is not None:
        transaction.on_commit(lambda: restoration_delete_tiles(restoration_id=restoration_id))


def _schedule_restoration_tiles(output: MachineOutput) -> None:
    """Cut the approved restoration's IIIF tiles once the approval is committed.

    The same task path as an imported image's tiles: in-process in the embedded default,
    on a worker when scaled out. A failure leaves the approval standing (the page then
    shows the result file); ``manage.py cut_restoration_tiles`` cuts what is missing.
    """
    # Imported here: tasks pull in Celery and the tile generator, which reviewing of
    # other kinds of output does not need.
    from exhibition.tasks import generate_restoration_tiles

    restoration_id = (
        Restoration.objects.filter(machine_output=output).values_list("pk", flat=True).first()
    )
    if restoration_id is None:
        return

    def schedule() -> None:
        try:
            generate_restoration_tiles.delay(restoration_id)
        except Exception:
            logger.exception("could not cut the IIIF tiles of restoration %s", restoration_id)

    transaction.on_commit(schedule)


def machine_output_record(
    *,
    kind: str,
    collection_object: CollectionObject | None,
    method: str,
    engine: str,
    engine_version: str,
    parameters: dict[str, Any],
    input_checksums: dict[str, str],
    duration_seconds: float | None,
    error: str = "",
) -> MachineOutput:
    """Record what a model or algorithm produced, as a draft awaiting review.

    A failed run is recorded too (with its error and a "failed" event) so curators see
    it in the queue; it can be rejected but never approved.
    """
    _check_provenance(
        kind=kind,
        named=(method, engine, engine_version),
        recorded={"parameters": parameters, "input_checksums": input_checksums},
    )
    now = timezone.now()
    with transaction.atomic():
        output = MachineOutput.objects.create(
            kind=kind,
            collection_object=collection_object,
            method=method,
            engine=engine,
            engine_version=engine_version,
            parameters=parameters,
            input_checksums=input_checksums,
            duration_seconds=duration_seconds,
            produced_at=now,
            status=ReviewStatus.DRAFT,
            error=error,
        )
        ProvenanceEvent.objects.create(
            machine_output=output,
            action=ProvenanceEvent.Action.FAILED if error else ProvenanceEvent.Action.PRODUCED,
            at=now,
            note=error,
            detail={"duration_seconds": duration_seconds},
        )
    return output


def _check_provenance(*, kind: str, named: tuple[str, ...], recorded: dict[str, Any]) -> None:
    """ValueError unless the output says what it is, what made it, and in storable values."""
    if kind not in MachineOutputKind.values:
        raise ValueError(
            f"Unknown machine output kind {kind!r}; expected one of "
            f"{', '.join(MachineOutputKind.values)}."
        )
    if not all(named):
        raise ValueError("method, engine and engine_version are required provenance.")
    for name, value in recorded.items():
        try:
            json.dumps(value)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{name} must be JSON-serialisable: {exc}") from None
