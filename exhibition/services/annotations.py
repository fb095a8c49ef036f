"""Creating, editing and deleting annotations: checked, logged and announced as one write.

The admin calls these; nothing about annotations happens in ``save()`` or admin hooks.
Each write goes to the audit log with old and new values, and the exhibition's
cache-invalidation signal moves the collection version on, so pages and manifests that
show the annotation are rebuilt.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from exhibition.annotations.geometry import clean_selector
from exhibition.models import AuditLogEntry, ObjectImage, ObjectModel3D
from exhibition.models.annotations import (
    BODY_MAX_LENGTH,
    Annotation,
    AnnotationVisibility,
    Motivation,
)
from exhibition.services.audit import audit_snapshot
from exhibition.services.collection_edits import (
    collection_change_announce,
    collection_edit_record,
)

REASON = "annotation"
# Control characters other than line breaks and tabs have no place in a note.
_ALLOWED_CONTROLS = {"\n", "\t"}


@dataclass(frozen=True)
class AnnotationInput:
    """What a curator writes; the target is an image or a 3D model, never both."""

    selector_kind: str
    selector: Any
    body: str
    image: ObjectImage | None = None
    model3d: ObjectModel3D | None = None
    motivation: str = Motivation.COMMENTING
    visibility: str = AnnotationVisibility.PUBLIC
    language: str = "en"


def clean_body(text: str) -> str:
    body = text.replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError(_("Write the text of the annotation."))
    if len(body) > BODY_MAX_LENGTH:
        raise ValidationError(
            _("The text is limited to %(limit)d characters.") % {"limit": BODY_MAX_LENGTH}
        )
    if any(ord(char) < 32 and char not in _ALLOWED_CONTROLS for char in body):
        raise ValidationError(_("The text contains control characters."))
    return body


def _checked(data: AnnotationInput) -> dict[str, Any]:
    if data.motivation not in Motivation.values:
        raise ValidationError(_("Unknown motivation."))
    if data.visibility not in AnnotationVisibility.values:
        raise ValidationError(_("Unknown visibility."))
    languages = {code for code, _name in settings.LANGUAGES}
    if data.language not in languages:
        raise ValidationError(_("Unknown language."))
    selector = clean_selector(
        kind=data.selector_kind, data=data.selector, image=data.image, model=data.model3d
    )
    target = data.image if data.image is not None else data.model3d
    assert target is not None  # clean_selector insists on exactly one
    return {
        "collection_object": target.collection_object,
        "image": data.image,
        "model3d": data.model3d,
        "selector_kind": data.selector_kind,
        "selector": selector,
        "body": clean_body(data.body),
        "motivation": data.motivation,
        "visibility": data.visibility,
        "language": data.language,
    }


@transaction.atomic
def annotation_create(*, data: AnnotationInput, creator: User | None) -> Annotation:
    annotation = Annotation(**_checked(data), creator=creator)
    annotation.save()
    collection_edit_record(
        actor=creator,
        instance=annotation,
        before={},
        after=audit_snapshot(annotation),
        action=AuditLogEntry.Action.CREATED,
    )
    collection_change_announce(instance=annotation, reason=REASON)
    return annotation


@transaction.atomic
def annotation_update(
    *, annotation: Annotation, data: AnnotationInput, editor: User | None
) -> Annotation:
    """Rewrite an annotation; its creator stays who wrote it, the log names the editor."""
    locked = Annotation.objects.select_for_update().get(pk=annotation.pk)
    before = audit_snapshot(locked)
    for name, value in _checked(data).items():
        setattr(locked, name, value)
    locked.save()
    collection_edit_record(
        actor=editor,
        instance=locked,
        before=before,
        after=audit_snapshot(locked),
        action=AuditLogEntry.Action.CHANGED,
    )
    collection_change_announce(instance=locked, reason=REASON)
    return locked


@transaction.atomic
def annotation_delete(*, annotation: Annotation, editor: User | None) -> None:
    collection_edit_record(
        actor=editor,
        instance=annotation,
        before=audit_snapshot(annotation),
        after={},
        action=AuditLogEntry.Action.DELETED,
    )
    collection_change_announce(instance=annotation, reason=REASON)
    annotation.delete()
