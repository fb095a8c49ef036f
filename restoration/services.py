"""Running a restoration: image + mask + engine -> a draft Restoration with provenance.

Every run is recorded. A successful one stores the result, the mask and the uncertainty map
as PNG files and a DRAFT machine output that only a curator's approval makes public. A failed
one stores no file and no Restoration: only a failed machine output carrying the error, so
the review queue shows what went wrong, and ``RestorationFailed`` is raised.
"""

import hashlib
import logging
import time
from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile

from exhibition.models import MachineOutput, MachineOutputKind, ObjectImage, Restoration
from exhibition.restoration_display import AI_LABEL
from exhibition.services.audit import audit_record_restoration_run
from exhibition.services.review import machine_output_record
from restoration.damage import DamageParameters, detect_damage
from restoration.engines import EngineUnavailable, InpaintingEngine, get_engine
from restoration.engines.base import Mask, RGBImage
from restoration.images import image_load_original, rgb_to_png
from restoration.masks import check_mask, mask_to_png
from restoration.uncertainty import uncertainty_map, uncertainty_to_png

logger = logging.getLogger(__name__)

METHOD = "inpainting"


class RestorationFailed(RuntimeError):
    """The engine (or storing its result) failed; ``output`` is the failed record."""

    def __init__(self, message: str, *, output: MachineOutput) -> None:
        super().__init__(message)
        self.output = output


def restoration_run(
    *,
    image: ObjectImage,
    engine_name: str,
    mask: Mask | None = None,
    damage_params: DamageParameters | None = None,
    requested_by: User | None = None,
) -> Restoration:
    """Reconstruct ``image`` under ``mask`` (proposed by damage detection when None).

    Raises ValueError for an unknown engine, EngineUnavailable when it cannot run here,
    ImageTooLarge / ImageUnreadable for the original, MaskError (NothingToRestore for an
    empty mask) before anything is recorded, and RestorationFailed when the run fails.
    Call it outside any transaction (the command and the task do; views queue a run with
    ``restoration.requests.restoration_request``) so that the record of a failure survives
    the exception.
    """
    engine = get_engine(engine_name)
    reason = engine.availability()
    if reason is not None:
        raise EngineUnavailable(f"engine {engine_name} is unavailable: {reason}")
    pixels = image_load_original(image)
    proposed = mask is None
    params = damage_params or DamageParameters()
    if mask is None:
        mask = detect_damage(pixels, params)
    check_mask(mask, shape=pixels.shape[:2])
    mask_png = mask_to_png(mask)
    record = _record(engine, image, mask, mask_png, params if proposed else None)
    provenance = record["parameters"]
    started = time.perf_counter()
    try:
        result = _inpaint_checked(engine, pixels, mask)
    except Exception as exc:  # any engine error becomes a recorded, reviewable failure
        raise _failed(record, exc, time.perf_counter() - started, requested_by) from exc
    duration = time.perf_counter() - started
    uncertainty, provenance["uncertainty"] = _uncertainty(engine, pixels, mask, result)
    try:
        return _store(record, image, result, mask_png, uncertainty, duration, requested_by)
    except Exception as exc:  # storage or database: nothing half-written stays behind
        raise _failed(record, exc, duration, requested_by) from exc


def _record(
    engine: InpaintingEngine,
    image: ObjectImage,
    mask: Mask,
    mask_png: bytes,
    damage: DamageParameters | None,
) -> dict[str, Any]:
    """What produced the run, as ``machine_output_record`` keyword arguments."""
    return {
        "kind": MachineOutputKind.RESTORATION,
        "collection_object": image.collection_object,
        "method": METHOD,
        "engine": engine.name,
        "engine_version": engine.version,
        "parameters": {
            "engine": engine.parameters(),
            "mask": "supplied" if damage is None else "proposed by damage detection",
            "damage": None if damage is None else damage.as_dict(),
            "masked_fraction": round(float(mask.mean()), 6),
            "size": [int(mask.shape[1]), int(mask.shape[0])],
        },
        "input_checksums": {
            "source": image.checksum,
            "mask": hashlib.sha256(mask_png).hexdigest(),
        },
    }


def _inpaint_checked(engine: InpaintingEngine, pixels: RGBImage, mask: Mask) -> RGBImage:
    result = engine.inpaint(pixels, mask)
    if result.shape != pixels.shape or result.dtype != pixels.dtype:
        raise ValueError(
            f"engine returned an array of {result.dtype} {result.shape}, "
            f"expected {pixels.dtype} {pixels.shape}"
        )
    if (result[~mask] != pixels[~mask]).any():
        raise ValueError("engine changed pixels outside the mask")
    return result


def _uncertainty(
    engine: InpaintingEngine, pixels: RGBImage, mask: Mask, result: RGBImage
) -> tuple[bytes, dict[str, Any]]:
    """Distance to known pixels, plus disagreement with a fast, different reference engine."""
    reference_name = "ns" if engine.name == "telea" else "telea"
    summary: dict[str, Any] = {
        "method": "distance to known pixels combined with disagreement between engines",
        "reference_engine": reference_name,
    }
    try:
        reference = get_engine(reference_name).inpaint(pixels, mask)
    except Exception as exc:  # the result stands; its map then rests on distance alone
        logger.warning("reference engine %s failed: %s", reference_name, exc)
        summary = {"method": "distance to known pixels", "reference_engine": None}
        u = uncertainty_map(mask=mask)
    else:
        u = uncertainty_map(mask=mask, results=[result, reference])
    summary["mean_in_mask"] = round(float(u[mask].mean()), 4)
    return uncertainty_to_png(u), summary


def _store(
    record: dict[str, Any],
    image: ObjectImage,
    result: RGBImage,
    mask_png: bytes,
    uncertainty_png: bytes,
    duration: float,
    requested_by: User | None,
) -> Restoration:
    written: list[FieldFile] = []
    try:
        with transaction.atomic():
            output = machine_output_record(**record, duration_seconds=round(duration, 4))
            _set_actor(output, requested_by)
            restoration = Restoration(source_image=image, machine_output=output)
            stem = f"{output.engine}-{output.pk}"
            files = (
                (restoration.result, "result", rgb_to_png(result, text={"Disclaimer": AI_LABEL})),
                (restoration.mask, "mask", mask_png),
                (restoration.uncertainty, "uncertainty", uncertainty_png),
            )
            for field_file, suffix, data in files:
                field_file.save(f"{stem}-{suffix}.png", ContentFile(data), save=False)
                written.append(field_file)
            restoration.save()
            audit_record_restoration_run(output=output, actor=requested_by, target=restoration)
    except Exception:
        for field_file in written:
            if field_file.name:
                field_file.storage.delete(field_file.name)
        raise
    return restoration


def _failed(
    record: dict[str, Any], exc: BaseException, duration: float, requested_by: User | None
) -> RestorationFailed:
    error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    output = machine_output_record(**record, duration_seconds=round(duration, 4), error=error)
    _set_actor(output, requested_by)
    audit_record_restoration_run(output=output, actor=requested_by)
    logger.warning("restoration by %s failed (output %s): %s", record["engine"], output.pk, error)
    return RestorationFailed(
        f"engine {record['engine']} failed: {error} (recorded as failed output #{output.pk})",
        output=output,
    )


def _set_actor(output: MachineOutput, requested_by: User | None) -> None:
    if requested_by is not None:
        output.events.update(actor=requested_by)
