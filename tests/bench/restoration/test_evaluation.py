"""Metrics on hand-made cases, the evaluation loop, and the command's output."""

import io
import json
from typing import Any, ClassVar

import numpy as np
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from bench.restoration.evaluation import (
    PSNR_CAP,
    EvaluationImage,
    evaluate,
    psnr,
    ssim,
)
from exhibition.models import ObjectImage
from restoration.engines.base import InpaintingEngine
from restoration.training.split import is_evaluation_slug
from tests import builders


def _picture(height: int = 64, width: int = 80, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width]
    base = np.stack([xx * 3, yy * 3, 120 + 60 * np.sin(xx / 7)], axis=-1)
    return np.clip(base + rng.normal(0, 3, (height, width, 3)), 0, 255).astype(np.uint8)


class MeanFill(InpaintingEngine):
    """A real, deliberately naive engine: fills the hole with the mean known colour."""

    name: ClassVar[str] = "mean"
    version = "1"

    def parameters(self) -> dict[str, Any]:
        return {}

    def inpaint(self, image: np.ndarray, mask: np.ndarray) -> np.ndarray:
        result = image.copy()
        result[mask] = image[~mask].mean(axis=0).round().astype(np.uint8)
        return result


class Broken(MeanFill):
    name: ClassVar[str] = "broken"

    def inpaint(self, image: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise RuntimeError("out of paint")


def test_psnr_of_a_known_error() -> None:
    original = np.full((10, 10, 3), 100, np.uint8)
    off_by_one = original + 1
    assert psnr(original, off_by_one) == pytest.approx(20 * np.log10(255), abs=1e-9)
    assert psnr(original, original) == PSNR_CAP


def test_masked_psnr_counts_only_the_damaged_pixels() -> None:
    original = np.full((10, 10, 3), 100, np.uint8)
    result = original.copy()
    result[:5] = 110  # wrong outside the mask only
    mask = np.zeros((10, 10), bool)
    mask[7:, 7:] = True
    assert psnr(original, result, mask) == PSNR_CAP
    assert psnr(original, result) == pytest.approx(10 * np.log10(255**2 / 50))
    with pytest.raises(ValueError, match="empty"):
        psnr(original, result, np.zeros((10, 10), bool))


def test_masked_ssim_is_lower_where_the_damage_was_badly_filled() -> None:
    original = _picture()
    mask = np.zeros(original.shape[:2], bool)
    mask[20:40, 20:50] = True
    worse = original.copy()
    worse[mask] = 0
    assert ssim(original, original, mask) == pytest.approx(1.0)
    assert ssim(original, worse, mask) < ssim(original, worse) < 1.0


def test_evaluate_scores_every_engine_and_reports_a_failing_one() -> None:
    images = [EvaluationImage(slug=f"p{i}", pixels=_picture(seed=i)) for i in range(2)]
    report = evaluate(images, {"mean": MeanFill(), "broken": Broken()}, seed=0)
    assert report.images == 2
    assert set(report.engines) == {"mean"}
    assert "out of paint" in report.skipped["broken"]
    row = report.engines["mean"]
    assert set(row) == {"psnr_masked", "ssim_masked", "psnr", "ssim", "s_per_mp"}
    # The whole image is mostly untouched, so it scores far better than the hole alone.
    assert row["psnr"] > row["psnr_masked"] + 10
    assert row["s_per_mp"] > 0
    again = evaluate(images, {"mean": MeanFill()}, seed=0)
    assert again.engines["mean"]["psnr_masked"] == row["psnr_masked"]


def _evaluation_object(index: int) -> ObjectImage:
    slug = next(f"eval-{index}-{i}" for i in range(1000) if is_evaluation_slug(f"eval-{index}-{i}"))
    obj = builders.make_object(slug=slug)
    buffer = io.BytesIO()
    Image.fromarray(_picture(96, 112, seed=index)).save(buffer, format="PNG")
    image = ObjectImage(collection_object=obj, checksum="x", order=0)
    image.original.save(f"{slug}.png", ContentFile(buffer.getvalue()), save=False)
    image.width, image.height = 112, 96
    image.save()
    return image


def _no_weights(tmp_path: Any, settings: Any, monkeypatch: Any) -> None:
    from restoration.engines import learned

    settings.VITRINE_INPAINTER_DIR = tmp_path / "no-weights"
    monkeypatch.setattr(learned, "DEFAULT_WEIGHTS_DIR", tmp_path / "none-shipped")


@pytest.mark.django_db
def test_the_command_prints_exactly_the_documented_json(
    tmp_path: Any, settings: Any, monkeypatch: Any
) -> None:
    _no_weights(tmp_path, settings, monkeypatch)
    for index in range(3):
        _evaluation_object(index)
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "evaluate_restoration",
        "--json",
        "--images",
        "2",
        "--engines",
        "telea,learned",
        stdout=out,
        stderr=err,
    )
    printed = json.loads(out.getvalue())
    assert set(printed) == {"engines", "images"}
    assert printed["images"] == 2
    assert set(printed["engines"]) == {"telea"}
    assert set(printed["engines"]["telea"]) == {
        "psnr_masked",
        "ssim_masked",
        "psnr",
        "ssim",
        "s_per_mp",
    }
    assert "skipped learned: no trained weights" in err.getvalue()


@pytest.mark.django_db
def test_the_command_table_names_skipped_engines_and_refuses_unknown_ones(
    settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    from django.core.management import CommandError

    _no_weights(tmp_path, settings, monkeypatch)
    _evaluation_object(0)
    out = io.StringIO()
    call_command("evaluate_restoration", "--images", "1", "--engines", "telea,learned", stdout=out)
    text = out.getvalue()
    assert "telea" in text and "Δ vs telea" in text
    assert "skipped learned: no trained weights" in text
    with pytest.raises(CommandError, match="Unknown engine magic"):
        call_command("evaluate_restoration", "--engines", "magic")


@pytest.mark.django_db
def test_the_command_says_when_there_is_nothing_to_evaluate() -> None:
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="no intact public images"):
        call_command("evaluate_restoration", "--engines", "telea")


def test_the_command_reads_the_evaluation_split_from_a_collection_folder(tmp_path: Any) -> None:
    root = tmp_path / "collection"
    (root / "images").mkdir(parents=True)
    held_out = [f"eval-{i}" for i in range(200) if is_evaluation_slug(f"eval-{i}")][:2]
    trained = next(f"train-{i}" for i in range(200) if not is_evaluation_slug(f"train-{i}"))
    lines = []
    for index, slug in enumerate([*held_out, trained]):
        Image.fromarray(_picture(64, 80, seed=index)).save(root / "images" / f"{slug}.png")
        lines.append(json.dumps({"id": slug, "image": f"images/{slug}.png"}))
    (root / "objects.jsonl").write_text("\n".join(lines) + "\n")
    (root / "damaged.json").write_text(json.dumps({"ids": [held_out[1]]}))
    out = io.StringIO()
    call_command(
        "evaluate_restoration",
        "--json",
        "--engines",
        "telea",
        "--collection",
        str(root),
        stdout=out,
    )
    assert json.loads(out.getvalue())["images"] == 1  # the damaged one is on neither side
