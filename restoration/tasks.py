"""Celery task for restorations: a thin wrapper over ``restoration_run``.

Run in-process in the embedded default (no broker); by a worker when scaled out. Arguments
are JSON: the mask travels as base64 PNG, damage parameters as a dict.
"""

import base64
import logging
from typing import Any

from celery import shared_task
from django.contrib.auth.models import User

from exhibition.models import ObjectImage
from restoration.damage import DamageParameters
from restoration.masks import mask_from_png

logger = logging.getLogger(__name__)


@shared_task
def restore_image(
    image_id: int,
    engine_name: str,
    mask_png: str | None = None,
    damage_params: dict[str, Any] | None = None,
    requested_by_id: int | None = None,
) -> int | None:
    """Restore one image; the new Restoration's id, or None when it is gone or the run failed.

    A failure is already recorded as a failed machine output in the review queue, so the
    task does not retry it.
    """
    from restoration.services import RestorationFailed, restoration_run

    image = ObjectImage.objects.select_related("collection_object").filter(pk=image_id).first()
    if image is None:
        return None
    mask = None
    if mask_png is not None:
        mask = mask_from_png(base64.b64decode(mask_png), size=(image.width, image.height))
    user = User.objects.filter(pk=requested_by_id).first() if requested_by_id else None
    try:
        restoration = restoration_run(
            image=image,
            engine_name=engine_name,
            mask=mask,
            damage_params=DamageParameters(**(damage_params or {})),
            requested_by=user,
        )
    except RestorationFailed as failure:
        logger.warning("background restoration failed: %s", failure)
        return None
    return restoration.pk
