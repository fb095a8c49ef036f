import base64
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.contrib.auth.models import User
from PIL import Image

from exhibition.models import MachineOutput, ObjectImage, ProvenanceEvent, Restoration
from restoration.damage import DamageParameters
from restoration.engines import EngineUnavailable
from restoration.engines.classical import TeleaEngine
from restoration.images import ImageTooLarge
from restoration.masks import MaskError, NothingToRestore, mask_to_png
from restoration.requests import restoration_request
from restoration.services import RestorationFailed, restoration_run
from restoration.tasks import restore_image
from tests import builders
from tests.restoration.synthetic import add_picture, smooth_picture, with_cracks

pytestmark = pytest.mark.django_db


@pytest.fixture
def cracked_image() -> tuple[ObjectImage, np.ndarray]:
    cracked, truth = with_cracks(smooth_picture())
    return add_picture(builders.make_object(is_damaged=True), cracked), truth


def _pixels(field_file: Any) -> np.ndarray:
    with field_file.open("rb") as handle, Image.open(handle) as opened:
        return np.asarray(opened.convert("RGB") if opened.mode == "P" else opened).copy()


def _media_files(settings: Any) -> list[Path]:
    files = Path(settings.MEDIA_ROOT).rglob("*")
    return sorted(p for p in files if p.is_file() and "restorations" in p.parts)


def test_a_run_stores_a_draft_with_its_provenance(
    cracked_image: tuple[ObjectImage, np.ndarray], curator: User
) -> None:
    image, truth = cracked_image
    restoration = restoration_run(
        image=image, engine_name="telea", mask=truth, requested_by=curator
    )
    output = restoration.machine_output
    assert output.status == "draft" and not restoration.is_public
    assert (output.method, output.engine) == ("inpainting", "telea")
    assert output.engine_version.startswith("opencv ")
    assert output.parameters["engine"] == {"radius": 3}
    assert output.parameters["mask"] == "supplied" and output.parameters["damage"] is None
    with restoration.mask.open("rb") as handle:
        mask_sha = hashlib.sha256(handle.read()).hexdigest()
    assert output.input_checksums == {"source": image.checksum, "mask": mask_sha}
    assert output.duration_seconds is not None and output.duration_seconds >= 0
    assert output.events.get().actor == curator


def test_the_stored_files_are_the_result_mask_and_uncertainty(
    cracked_image: tuple[ObjectImage, np.ndarray],
) -> None:
    image, truth = cracked_image
    restoration = restoration_run(image=image, engine_name="ns", mask=truth)
    result = _pixels(restoration.result)
    original = _pixels(image.original)
    assert result.shape == original.shape
    assert (result[~truth] == original[~truth]).all()
    assert (result[truth] != original[truth]).any()
    assert (_pixels(restoration.mask) > 0).tolist() == truth.tolist()
    uncertainty = _pixels(restoration.uncertainty)
    assert uncertainty[~truth].max() == 0 and uncertainty[truth].max() > 0
    with restoration.result.open("rb") as handle, Image.open(handle) as opened:
        assert opened.text["Disclaimer"] == "AI reconstruction — not the original"


def test_without_a_mask_the_damage_detection_proposes_one(
    cracked_image: tuple[ObjectImage, np.ndarray],
) -> None:
    image, truth = cracked_image
    params = DamageParameters(dilation=1)
    restoration = restoration_run(image=image, engine_name="telea", damage_params=params)
    parameters = restoration.machine_output.parameters
    assert parameters["mask"] == "proposed by damage detection"
    assert parameters["damage"]["dilation"] == 1
    assert (_pixels(restoration.mask)[truth] > 0).mean() > 0.8


def test_an_empty_mask_is_nothing_to_do_and_stores_nothing(
    cracked_image: tuple[ObjectImage, np.ndarray], settings: Any
) -> None:
    image, truth = cracked_image
    with pytest.raises(NothingToRestore, match="nothing to reconstruct"):
        restoration_run(image=image, engine_name="telea", mask=np.zeros_like(truth))
    assert not MachineOutput.objects.exists()
    assert _media_files(settings) == []


def test_a_mask_of_another_size_is_refused(
    cracked_image: tuple[ObjectImage, np.ndarray],
) -> None:
    image, _ = cracked_image
    with pytest.raises(MaskError, match="mask is 10×10 but the image is 200×160"):
        restoration_run(image=image, engine_name="telea", mask=np.ones((10, 10), dtype=bool))
    assert not MachineOutput.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_naming_the_limit(
    cracked_image: tuple[ObjectImage, np.ndarray], settings: Any
) -> None:
    image, truth = cracked_image
    settings.VITRINE_MAX_IMAGE_PIXELS = 10_000
    with pytest.raises(
        ImageTooLarge, match=r"over the limit of 10,000 \(VITRINE_MAX_IMAGE_PIXELS\)"
    ):
        restoration_run(image=image, engine_name="telea", mask=truth)
    assert not MachineOutput.objects.exists()


def test_an_engine_failure_leaves_only_a_failed_output_for_the_queue(
    cracked_image: tuple[ObjectImage, np.ndarray],
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    image, truth = cracked_image

    def broken(self: TeleaEngine, pixels: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise MemoryError("out of memory while inpainting")

    monkeypatch.setattr(TeleaEngine, "inpaint", broken)
    with pytest.raises(RestorationFailed, match="out of memory") as failure:
        restoration_run(image=image, engine_name="telea", mask=truth)
    failed = failure.value.output
    assert failed.error == "MemoryError: out of memory while inpainting"
    assert failed.status == "draft" and failed.events.get().action == ProvenanceEvent.Action.FAILED
    assert failed.input_checksums["source"] == image.checksum
    assert not Restoration.objects.exists()
    assert _media_files(settings) == []


def test_an_engine_that_changes_original_pixels_is_a_failure(
    cracked_image: tuple[ObjectImage, np.ndarray], monkeypatch: pytest.MonkeyPatch
) -> None:
    image, truth = cracked_image
    monkeypatch.setattr(TeleaEngine, "inpaint", lambda self, pixels, mask: pixels // 2)
    with pytest.raises(RestorationFailed, match="changed pixels outside the mask"):
        restoration_run(image=image, engine_name="telea", mask=truth)
    assert not Restoration.objects.exists()


def test_a_storage_failure_removes_the_files_already_written(
    cracked_image: tuple[ObjectImage, np.ndarray],
    monkeypatch: pytest.MonkeyPatch,
    settings: Any,
) -> None:
    image, truth = cracked_image

    def full_disk(self: Restoration, *args: Any, **kwargs: Any) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(Restoration, "save", full_disk)
    with pytest.raises(RestorationFailed, match="No space left"):
        restoration_run(image=image, engine_name="telea", mask=truth)
    assert _media_files(settings) == []
    assert MachineOutput.objects.get().error == "OSError: No space left on device"


def test_an_unknown_engine_is_refused_before_anything_runs(
    cracked_image: tuple[ObjectImage, np.ndarray],
) -> None:
    image, truth = cracked_image
    with pytest.raises(ValueError, match="Unknown engine"):
        restoration_run(image=image, engine_name="magic", mask=truth)
    assert not MachineOutput.objects.exists()


def test_the_background_task_runs_the_same_service(
    cracked_image: tuple[ObjectImage, np.ndarray], curator: User
) -> None:
    image, truth = cracked_image
    encoded = base64.b64encode(mask_to_png(truth)).decode()
    restoration_id = restore_image.delay(
        image.pk, "telea", mask_png=encoded, requested_by_id=curator.pk
    ).get()
    restoration = Restoration.objects.get(pk=restoration_id)
    assert restoration.source_image == image
    assert restoration.machine_output.events.get().actor == curator
    assert restore_image.delay(image.pk + 999, "telea").get() is None


def test_a_requested_restoration_runs_once_the_transaction_commits(
    cracked_image: tuple[ObjectImage, np.ndarray],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    image, truth = cracked_image
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        restoration_request(image=image, engine_name="biharmonic", mask=truth)
    assert not Restoration.objects.exists()
    for callback in callbacks:
        callback()
    assert Restoration.objects.get().machine_output.engine == "biharmonic"


def test_the_uncertainty_summary_is_kept_in_the_provenance(
    cracked_image: tuple[ObjectImage, np.ndarray],
) -> None:
    image, truth = cracked_image
    restoration = restoration_run(image=image, engine_name="exemplar", mask=truth)
    summary = restoration.machine_output.parameters["uncertainty"]
    assert summary["reference_engine"] == "telea"
    assert 0 < summary["mean_in_mask"] < 1
    stored = Image.open(io.BytesIO(restoration.uncertainty.read()))
    assert stored.size == (200, 160)


def test_an_unavailable_engine_says_why_and_records_nothing(
    cracked_image: tuple[ObjectImage, np.ndarray], monkeypatch: pytest.MonkeyPatch
) -> None:
    image, truth = cracked_image
    monkeypatch.setattr(TeleaEngine, "availability", lambda self: "its weights are absent")
    with pytest.raises(EngineUnavailable, match="engine telea is unavailable: its weights"):
        restoration_run(image=image, engine_name="telea", mask=truth)
    assert not MachineOutput.objects.exists()


def test_a_failed_background_run_is_left_in_the_queue_not_retried(
    cracked_image: tuple[ObjectImage, np.ndarray], monkeypatch: pytest.MonkeyPatch
) -> None:
    image, truth = cracked_image
    monkeypatch.setattr(TeleaEngine, "inpaint", lambda self, pixels, mask: 1 / 0)
    encoded = base64.b64encode(mask_to_png(truth)).decode()
    assert restore_image.delay(image.pk, "telea", mask_png=encoded).get() is None
    assert MachineOutput.objects.get().error == "ZeroDivisionError: division by zero"


def test_runs_and_failed_runs_appear_in_the_objects_history(
    cracked_image: tuple[ObjectImage, np.ndarray],
    curator: User,
    client: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.urls import reverse

    from exhibition.models import AuditLogEntry

    image, truth = cracked_image
    obj = image.collection_object
    restoration = restoration_run(image=image, engine_name="ns", mask=truth, requested_by=curator)
    monkeypatch.setattr(TeleaEngine, "inpaint", lambda self, pixels, mask: 1 / 0)
    with pytest.raises(RestorationFailed):
        restoration_run(image=image, engine_name="telea", mask=truth)

    failed, stored = AuditLogEntry.objects.filter(collection_object=obj).order_by("-pk")[:2]
    assert stored.target_model == "exhibition.restoration"
    assert stored.target_pk == str(restoration.pk) and stored.actor == curator
    assert stored.changes["engine"]["new"].startswith("ns opencv")
    assert stored.changes["status"]["new"] == "draft"
    assert stored.changes["mask"]["new"] == "supplied"
    assert failed.target_model == "exhibition.machineoutput" and failed.actor_name == "restoration"
    assert failed.changes["status"]["new"] == "failed" and "ZeroDivisionError" in failed.note

    client.force_login(curator)
    page = client.get(reverse("admin:exhibition_collectionobject_change", args=[obj.pk]))
    history = page.content.decode().split('id="audit-history-heading"')[1]
    assert "Virtual restoration run, stored as a draft for review" in history
    assert "Virtual restoration run failed: ZeroDivisionError" in history
