"""Celery task for restorations: a thin wrapper over ``restoration_run``.

Run in-process in the embedded default (no broker); by a worker when scaled out. Arguments
are JSON: the mask travels as base64 PNG, damage parameters as a dict. When the run was
asked for through ``restoration.requests``, its RestorationRequest follows it.
"""

import base64
import logging
from typing import Any

from celery import shared_task
from django.contrib.auth.models import User
from django.utils import timezone

from exhibition.models import ObjectImage, Restoration
from restoration.damage import DamageParameters
from restoration.engines import EngineUnavailable
from restoration.masks import mask_from_png
from restoration.models import RestorationRequest
from restoration.services import RestorationFailed, restoration_run

logger = logging.getLogger(__name__)


@shared_task
def restore_image(
    image_id: int,
    engine_name: str,
    mask_png: str | None = None,
    damage_params: dict[str, Any] | None = None,
    requested_by_id: int | None = None,
    request_id: int | None = None,
) -> int | None:
    """Restore one image; the new Restoration's id, or None when it is gone or did not run.

    A failure is already recorded as a failed machine output in the review queue, and a
    refusal (an empty mask, an image over the limit) on the request, so neither is retried.
    """
    request = RestorationRequest.objects.filter(pk=request_id).first() if request_id else None
    image = ObjectImage.objects.select_related("collection_object").filter(pk=image_id).first()
    if image is None:
        _finish(request, error="The image was deleted before the run started.")
        return None
    _start(request)
    user = User.objects.filter(pk=requested_by_id).first() if requested_by_id else None
    try:
        mask = None
        if mask_png is not None:
            mask = mask_from_png(base64.b64decode(mask_png), size=(image.width, image.height))
        restoration = restoration_run(
            image=image,
            engine_name=engine_name,
            mask=mask,
            damage_params=DamageParameters(**(damage_params or {})),
            requested_by=user,
        )
    except RestorationFailed as failure:
        logger.warning("background restoration failed: %s", failure)
        _finish(request, error=str(failure))
        return None
    except (ValueError, EngineUnavailable) as refusal:  # nothing was run or recorded
        _finish(request, error=f"Nothing was run: {refusal}.")
        return None
    _finish(request, restoration=restoration)
    return restoration.pk


def _start(request: RestorationRequest | None) -> None:
    if request is not None:
        request.state = RestorationRequest.State.RUNNING
        request.save(update_fields=["state"])


def _finish(
    request: RestorationRequest | None,
    *,
    restoration: Restoration | None = None,
    error: str = "",
) -> None:
    if request is None:
        return
    request.state = RestorationRequest.State.FAILED if error else RestorationRequest.State.DONE
    request.restoration = restoration
    request.error = error
    request.finished_at = timezone.now()
    request.save(update_fields=["state", "restoration", "error", "finished_at"])
