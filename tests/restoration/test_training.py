"""The fixed split, training within a budget, and versioned weights that reload exactly."""

import json
from pathlib import Path

import numpy as np
import pytest

from exhibition.models import CollectionObject
from restoration.training.data import sample_batch
from restoration.training.model import ModelConfig, build_model
from restoration.training.split import is_evaluation_slug, split_images
from restoration.training.trainer import TrainingOptions, train
from restoration.training.weights import (
    WeightsMissing,
    latest_weights,
    weights_load,
    weights_save,
)
from tests import builders

TINY = ModelConfig(width=4, dilations=(1, 2))


def _pictures(count: int = 3, side: int = 48) -> list[np.ndarray]:
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:side, 0:side]
    pictures = []
    for _ in range(count):
        base = np.stack([xx * 3, yy * 3, (xx + yy) * 2], axis=-1) + rng.integers(0, 60, 3)
        pictures.append(np.clip(base, 0, 255).astype(np.uint8))
    return pictures


def _slug(evaluation: bool, prefix: str) -> str:
    return next(
        f"{prefix}-{i}" for i in range(1000) if is_evaluation_slug(f"{prefix}-{i}") == evaluation
    )


def test_the_split_is_stable_and_holds_out_about_one_in_five() -> None:
    slugs = [f"object-{i}" for i in range(2000)]
    held_out = [s for s in slugs if is_evaluation_slug(s)]
    assert held_out == [s for s in slugs if is_evaluation_slug(s)]
    assert 0.17 < len(held_out) / len(slugs) < 0.23


@pytest.mark.django_db
def test_training_and_evaluation_images_are_disjoint_and_exclude_damaged_and_hidden() -> None:
    from exhibition.models import Visibility

    train_obj = builders.make_object(slug=_slug(False, "train"))
    eval_obj = builders.make_object(slug=_slug(True, "eval"))
    damaged = builders.make_object(slug=_slug(False, "damaged"), is_damaged=True)
    hidden = builders.make_object(slug=_slug(False, "hidden"), visibility=Visibility.RESTRICTED)
    for obj in (train_obj, eval_obj, damaged, hidden):
        builders.add_image(obj)
    builders.make_object(slug=_slug(False, "imageless"))

    def slugs(evaluation: bool) -> set[str]:
        return {image.collection_object.slug for image in split_images(evaluation=evaluation)}

    assert slugs(False) == {train_obj.slug}
    assert slugs(True) == {eval_obj.slug}
    assert CollectionObject.objects.count() == 5


def test_a_batch_hides_the_damage_and_holds_the_classical_fill() -> None:
    batch = sample_batch(_pictures(), rng=np.random.default_rng(1), size=2, crop=32)
    assert batch.fill.shape == (2, 6, 32, 32) and batch.mask.shape == (2, 1, 32, 32)
    assert batch.mask.sum() > 0
    known = np.broadcast_to(batch.mask == 0, batch.target.shape)
    # Outside the damage both fills are the picture itself.
    assert np.allclose(batch.fill[:, :3][known], batch.target[known])
    assert np.allclose(batch.fill[:, 3:][known], batch.target[known])


def test_an_untrained_network_returns_the_classical_fill() -> None:
    import torch

    model = build_model(TINY)
    fills = torch.rand(1, 6, 32, 32) * 2 - 1
    assert torch.equal(model(fills, torch.ones(1, 1, 32, 32)), fills[:, :3])


def test_training_takes_steps_within_the_budget_and_learns() -> None:
    lines: list[str] = []
    options = TrainingOptions(seconds=1.0, batch=2, crop=32, log_every=1, config=TINY, threads=1)
    result = train(_pictures(), options, log=lines.append)
    assert result.steps >= 1 and result.samples == 2 * result.steps
    assert result.seconds < 10
    assert lines and "masked L1" in lines[0]
    assert np.isfinite(result.loss)
    assert set(result.state_dict) == set(build_model(TINY).state_dict())


def test_training_refuses_an_empty_collection() -> None:
    with pytest.raises(ValueError, match="no training images"):
        train([], TrainingOptions(seconds=1, config=TINY))


def test_saved_weights_reload_to_the_same_network(tmp_path: Path) -> None:
    import torch

    with pytest.raises(WeightsMissing):
        latest_weights(tmp_path)
    model = build_model(TINY)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.1)
    saved = weights_save(
        directory=tmp_path, state_dict=model.state_dict(), config=TINY, metadata={"steps": 3}
    )
    assert saved.path.name == f"{saved.version}.pt"
    assert saved.version.startswith("inpainter-")
    pointer = json.loads((tmp_path / "latest.json").read_text())
    assert pointer["version"] == saved.version and pointer["steps"] == 3
    reloaded = weights_load(latest_weights(tmp_path))
    fill, mask = torch.rand(1, 6, 16, 16), torch.ones(1, 1, 16, 16)
    with torch.no_grad():
        assert torch.equal(reloaded(fill, mask), model.eval()(fill, mask))


@pytest.mark.django_db
def test_the_command_trains_on_the_training_split_and_saves_versioned_weights(
    settings: object, tmp_path: Path
) -> None:
    import io

    from django.core.management import call_command

    settings.VITRINE_INPAINTER_DIR = tmp_path / "inpainter"  # type: ignore[attr-defined]
    for prefix in ("a", "b"):
        builders.add_image(builders.make_object(slug=_slug(False, prefix)), width=48, height=40)
    held_out = builders.make_object(slug=_slug(True, "held"))
    builders.add_image(held_out, width=48, height=40)
    out = io.StringIO()
    call_command(
        "train_inpainter",
        *("--minutes", "0.01", "--crop", "32", "--width", "4", "--batch", "2", "--threads", "1"),
        stdout=out,
    )
    assert "split: 2 training images" in out.getvalue()
    assert "1 evaluation images held out" in out.getvalue()
    saved = latest_weights(tmp_path / "inpainter")
    assert saved.metadata["split"]["evaluation_slugs"] == [held_out.slug]
    assert saved.metadata["steps"] >= 1 and saved.metadata["architecture"]["width"] == 4
    assert weights_load(saved) is not None


@pytest.mark.django_db
def test_the_command_refuses_a_bad_budget_and_an_empty_collection() -> None:
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--minutes"):
        call_command("train_inpainter", "--minutes", "0")
    with pytest.raises(CommandError, match="no intact public training images"):
        call_command("train_inpainter", "--minutes", "0.01")


def test_the_command_trains_from_a_collection_folder_and_records_how(tmp_path: Path) -> None:
    import io

    from django.core.management import call_command
    from PIL import Image

    root = tmp_path / "collection"
    (root / "images").mkdir(parents=True)
    slugs = [_slug(False, "a"), _slug(False, "b"), _slug(True, "held"), _slug(False, "broken")]
    lines = []
    for slug in slugs:
        Image.fromarray(_pictures(1, side=96)[0]).save(root / "images" / f"{slug}.png")
        lines.append(json.dumps({"id": slug, "image": f"images/{slug}.png"}))
    (root / "objects.jsonl").write_text("\n".join(lines) + "\n")
    (root / "damaged.json").write_text(json.dumps({"ids": [slugs[3]]}))
    out = io.StringIO()
    call_command(
        "train_inpainter",
        *("--minutes", "0.01", "--crop", "32", "--width", "4", "--batch", "2", "--threads", "1"),
        *("--work-side", "48", "--collection", str(root), "--output", str(tmp_path / "w")),
        stdout=out,
    )
    assert "split: 2 training images" in out.getvalue()
    saved = latest_weights(tmp_path / "w")
    made = saved.metadata
    assert made["split"]["training_slugs"] == sorted(slugs[:2])
    assert made["split"]["evaluation_slugs"] == [slugs[2]]
    assert made["architecture"]["work_side"] == 48
    assert "--work-side 48" in made["command"] and f"--collection {root}" in made["command"]
    assert weights_load(saved) is not None


def test_training_images_are_reduced_to_the_working_scale(tmp_path: Path) -> None:
    from PIL import Image

    from restoration.training.data import load_images

    Image.new("RGB", (400, 200), (90, 120, 150)).save(tmp_path / "big.png")
    Image.new("RGB", (60, 40), (90, 120, 150)).save(tmp_path / "small.png")
    images = load_images([tmp_path / "big.png", tmp_path / "small.png"], min_side=32, work_side=100)
    assert [image.shape for image in images] == [(100, 200, 3), (40, 60, 3)]
