import io
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from exhibition.models import MachineOutput, ObjectImage, Restoration
from restoration.engines.classical import NavierStokesEngine
from tests import builders
from tests.restoration.synthetic import add_picture, smooth_picture, with_cracks

pytestmark = pytest.mark.django_db


def _restore(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("restore", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _damaged(slug: str) -> tuple[ObjectImage, np.ndarray]:
    cracked, truth = with_cracks(smooth_picture())
    obj = builders.make_object(slug=slug, is_damaged=True)
    return add_picture(obj, cracked), truth


def _mask_file(tmp_path: Path, mask: np.ndarray) -> str:
    path = tmp_path / "mask.png"
    Image.fromarray(np.where(mask, 255, 0).astype(np.uint8)).save(path)
    return str(path)


def test_restoring_with_a_mask_file_prints_what_was_done(tmp_path: Path) -> None:
    image, truth = _damaged("cracked-fresco")
    out, _ = _restore("cracked-fresco", "--engine", "ns", "--mask", _mask_file(tmp_path, truth))
    restoration = Restoration.objects.get()
    percent = truth.mean() * 100
    assert re.search(
        rf"cracked-fresco image 0: ns, {percent:.2f}% masked, [0-9.]+ s, "
        rf"restoration #{restoration.pk} \(draft\)",
        out,
    )
    assert restoration.source_image == image


def test_all_damaged_restores_only_the_objects_marked_damaged() -> None:
    _damaged("first-damaged")
    _damaged("second-damaged")
    add_picture(builders.make_object(slug="intact", is_damaged=False), smooth_picture())
    out, _ = _restore("--all-damaged", "--damage-dilation", "1")
    assert "first-damaged image 0: telea" in out and "second-damaged image 0: telea" in out
    assert "intact" not in out
    outputs = MachineOutput.objects.all()
    assert {o.collection_object.slug for o in outputs} == {"first-damaged", "second-damaged"}
    assert all(o.parameters["damage"]["dilation"] == 1 for o in outputs)


def test_nothing_detected_is_reported_as_nothing_to_do() -> None:
    add_picture(builders.make_object(slug="pristine", is_damaged=True), smooth_picture())
    out, _ = _restore("pristine")
    assert "pristine image 0: nothing to do (mask is empty: nothing to reconstruct)" in out
    assert not MachineOutput.objects.exists()


def test_a_failed_run_is_reported_and_the_exit_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _damaged("fragile")

    def broken(self: Any, pixels: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise RuntimeError("solver diverged")

    monkeypatch.setattr(NavierStokesEngine, "inpaint", broken)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 restorations failed"):
        call_command("restore", "fragile", "--engine", "ns", stdout=io.StringIO(), stderr=err)
    assert "fragile image 0: FAILED: engine ns failed: RuntimeError: solver diverged" in (
        err.getvalue()
    )
    assert MachineOutput.objects.get().error == "RuntimeError: solver diverged"


def test_a_mask_of_another_size_is_refused_naming_both_sizes(tmp_path: Path) -> None:
    _damaged("wrong-size")
    mask = _mask_file(tmp_path, np.ones((30, 40), dtype=bool))
    with pytest.raises(CommandError, match="mask is 40×30 but the image is 200×160"):
        _restore("wrong-size", "--mask", mask)
    assert not MachineOutput.objects.exists()


def test_bad_arguments_are_explained() -> None:
    _damaged("some-object")
    with pytest.raises(CommandError, match="either an object slug or --all-damaged"):
        _restore()
    with pytest.raises(CommandError, match="No object with slug 'missing'"):
        _restore("missing")
    with pytest.raises(CommandError, match="crack_kernel must be an odd number"):
        _restore("some-object", "--damage-crack-kernel", "8")
    with pytest.raises(CommandError, match="invalid choice"):
        _restore("some-object", "--engine", "magic")


def test_an_unavailable_engine_is_reported_and_nothing_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _damaged("waiting")
    monkeypatch.setattr(NavierStokesEngine, "availability", lambda self: "no weights saved")
    with pytest.raises(CommandError, match="engine ns is unavailable: no weights saved"):
        _restore("waiting", "--engine", "ns")
    assert not MachineOutput.objects.exists()
