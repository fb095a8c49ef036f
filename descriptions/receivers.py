"""Drafts a description when an object is imported or changed and has none yet.

Subscribes to exhibition's ``collection_object_changed`` (as search does to embed), and
runs the drafting as a task after the change commits. Off where it is unwanted (test
suites of other apps): ``DESCRIPTIONS_DRAFT_ON_CHANGE``.
"""

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from exhibition.models import CollectionObject
from exhibition.signals import collection_object_changed

logger = logging.getLogger(__name__)


def drafting_on_change() -> bool:
    return bool(getattr(settings, "DESCRIPTIONS_DRAFT_ON_CHANGE", True))


def on_object_changed(sender: Any, *, collection_object: CollectionObject, **kwargs: Any) -> None:
    if not drafting_on_change():
        return
    object_id = collection_object.pk
    transaction.on_commit(lambda: _run(object_id))


def _run(object_id: int) -> None:
    from descriptions.tasks import draft_object_description

    # In-process without a broker: a model failing on one image must not turn an import
    # or an admin save into an error; `draft_descriptions` drafts what is missing.
    try:
        draft_object_description.delay(object_id)
    except Exception:
        logger.exception("descriptions: drafting failed for object %s", object_id)


def connect() -> None:
    collection_object_changed.connect(on_object_changed, dispatch_uid="descriptions.draft")
