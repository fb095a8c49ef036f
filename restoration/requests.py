"""Asking for a restoration run: recorded at once, run by a worker once the request commits.

In the embedded default the task runs in-process as soon as the current transaction commits
(so a curator's request returns with the run done); scaled out, a Celery worker runs it and
the tool shows the request's progress meanwhile. The run itself is ``restoration_run``.
"""

import base64
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from exhibition.models import ObjectImage
from restoration.damage import DamageParameters
from restoration.engines import restoration_engines
from restoration.engines.base import Mask
from restoration.masks import mask_to_png
from restoration.models import RestorationRequest
from restoration.tasks import restore_image


def restoration_request(
    *,
    image: ObjectImage,
    engine_name: str,
    mask: Mask | None = None,
    damage_params: DamageParameters | None = None,
    requested_by: User | None = None,
) -> RestorationRequest:
    """Record a request for a run and queue it; UnknownEngine for a name no engine has."""
    restoration_engines.engine_class(engine_name)  # refuse a typo before anything is queued
    request = RestorationRequest.objects.create(
        image=image, engine=engine_name, requested_by=requested_by
    )
    arguments: dict[str, Any] = {
        "image_id": image.pk,
        "engine_name": engine_name,
        "mask_png": base64.b64encode(mask_to_png(mask)).decode() if mask is not None else None,
        "damage_params": (damage_params or DamageParameters()).as_dict(),
        "requested_by_id": requested_by.pk if requested_by is not None else None,
        "request_id": request.pk,
    }
    transaction.on_commit(lambda: restore_image.delay(**arguments))
    return request
