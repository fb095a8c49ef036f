"""The learned engine: says when it has no weights, composites exactly, names its weights."""

import json
from pathlib import Path

import numpy as np
import pytest

from restoration.engines import get_engine
from restoration.engines.base import EngineUnavailable
from restoration.engines.learned import LearnedEngine
from restoration.training.model import ModelConfig, build_model
from restoration.training.weights import weights_save

TINY = ModelConfig(width=4, dilations=(1, 2))


def _picture(height: int = 40, width: int = 52) -> np.ndarray:
    yy, xx = np.mgrid[0:height, 0:width]
    return np.stack([xx * 4, yy * 5, 200 - xx * 2], axis=-1).clip(0, 255).astype(np.uint8)


def _mask(height: int = 40, width: int = 52) -> np.ndarray:
    mask = np.zeros((height, width), dtype=bool)
    mask[10:20, 15:30] = True
    mask[30, 5:45] = True
    return mask


@pytest.fixture
def weights_dir(tmp_path: Path) -> Path:
    import torch

    torch.manual_seed(0)
    model = build_model(TINY)
    with torch.no_grad():  # trained-looking weights: the output is not just the classical fill
        for parameter in model.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.2)
    weights_save(directory=tmp_path, state_dict=model.state_dict(), config=TINY, metadata={})
    return tmp_path


@pytest.fixture
def no_shipped_weights(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from restoration.engines import learned

    monkeypatch.setattr(learned, "DEFAULT_WEIGHTS_DIR", tmp_path / "nothing-shipped")


def test_without_weights_the_engine_says_how_to_train_it(
    tmp_path: Path, no_shipped_weights: None
) -> None:
    engine = get_engine("learned", weights_dir=tmp_path)
    assert engine.availability() == "no trained weights: run python manage.py train_inpainter"
    assert engine.version == "untrained"
    with pytest.raises(EngineUnavailable, match="train_inpainter"):
        engine.inpaint(_picture(), _mask())


def test_the_default_weights_folder_is_the_setting(
    settings: object, weights_dir: Path, no_shipped_weights: None
) -> None:
    from restoration.training.weights import latest_weights

    settings.VITRINE_INPAINTER_DIR = weights_dir  # type: ignore[attr-defined]
    engine = LearnedEngine()
    assert engine.availability() is None
    assert engine.version == latest_weights(weights_dir).version
    assert engine.parameters()["weights_source"] == "trained here"

    settings.VITRINE_INPAINTER_DIR = weights_dir / "none-here"  # type: ignore[attr-defined]
    assert LearnedEngine().availability() == (
        "no trained weights: run python manage.py train_inpainter"
    )


def test_a_fresh_install_has_the_shipped_weights_and_they_say_how_they_were_made(
    settings: object, tmp_path: Path
) -> None:
    from restoration.engines.learned import DEFAULT_WEIGHTS_DIR
    from restoration.training.weights import latest_weights, weights_load

    settings.VITRINE_INPAINTER_DIR = tmp_path / "nothing-trained-here"  # type: ignore[attr-defined]
    engine = LearnedEngine()
    assert engine.availability() is None
    shipped = latest_weights(DEFAULT_WEIGHTS_DIR)
    assert engine.version == shipped.version
    assert engine.parameters()["weights_source"] == "shipped default"
    assert shipped.path.stat().st_size < 5_000_000  # small enough to version
    made = shipped.metadata
    assert made["command"].startswith("python manage.py train_inpainter ")
    assert f"--seed {made['seed']}" in made["command"]
    split = made["split"]
    assert split["training_slugs"] and split["evaluation_slugs"]
    assert not set(split["training_slugs"]) & set(split["evaluation_slugs"])
    assert made["architecture"]["work_side"]
    assert weights_load(shipped) is not None


def test_weights_trained_here_win_over_the_shipped_ones(
    settings: object, weights_dir: Path
) -> None:
    settings.VITRINE_INPAINTER_DIR = weights_dir  # type: ignore[attr-defined]
    engine = LearnedEngine()
    assert engine.parameters()["weights_source"] == "trained here"
    assert engine.version == json.loads((weights_dir / "latest.json").read_text())["version"]


def test_the_flip_ensemble_averages_the_mirrored_passes(
    weights_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from restoration.engines import learned

    picture, mask = _picture(), _mask()
    calls: list[int] = []
    run = learned._run

    def counting(model: object, fills: object, tile_mask: np.ndarray, passes: tuple, bf16: bool):  # type: ignore[no-untyped-def]
        calls.append(len(passes))
        return run(model, fills, tile_mask, passes, bf16)  # type: ignore[arg-type]

    monkeypatch.setattr(learned, "_run", counting)
    ensemble = LearnedEngine(weights_dir=weights_dir).inpaint(picture, mask)
    single = LearnedEngine(weights_dir=weights_dir, flips=False).inpaint(picture, mask)
    assert calls == [4, 1]
    assert not np.array_equal(ensemble, single)
    assert np.array_equal(ensemble[~mask], picture[~mask])
    assert LearnedEngine(weights_dir=weights_dir).parameters()["flip_ensemble"] is True


def test_a_large_image_is_filled_at_the_working_scale_then_enlarged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    from restoration.engines import learned

    config = ModelConfig(width=4, dilations=(1, 2), work_side=32)
    torch.manual_seed(0)
    weights_save(
        directory=tmp_path, state_dict=build_model(config).state_dict(), config=config, metadata={}
    )
    seen: list[tuple[int, ...]] = []
    refine = learned._refine

    def recording(
        model: object, fills: tuple[np.ndarray, np.ndarray], mask: np.ndarray, *args: object
    ) -> np.ndarray:
        seen.append(mask.shape)
        return refine(model, fills, mask, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(learned, "_refine", recording)
    picture, mask = _picture(96, 120), np.zeros((96, 120), dtype=bool)
    mask[40:60, 50:80] = True
    damaged = picture.copy()
    damaged[mask] = 0
    result = LearnedEngine(weights_dir=tmp_path, shipped_weights=False).inpaint(damaged, mask)
    assert seen == [(32, 40)]  # shorter side 96 -> 32
    assert np.array_equal(result[~mask], damaged[~mask])
    # An untrained network is the Navier–Stokes fill: enlarged, it is close to the picture.
    assert np.abs(result[mask].astype(int) - picture[mask].astype(int)).mean() < 25
    assert LearnedEngine(weights_dir=tmp_path).parameters()["work_side"] == 32


def test_only_masked_pixels_change_and_the_version_names_the_weights(weights_dir: Path) -> None:
    engine = LearnedEngine(weights_dir=weights_dir)
    picture, mask = _picture(), _mask()
    damaged = picture.copy()
    damaged[mask] = 0
    result = engine.inpaint(damaged, mask)
    assert engine.availability() is None
    assert result.shape == picture.shape and result.dtype == np.uint8
    assert np.array_equal(result[~mask], damaged[~mask])
    assert result[mask].mean() > 20  # the hole is filled, not left black
    assert engine.version.startswith("inpainter-")
    assert engine.parameters()["weights"] == engine.version


def test_large_images_are_processed_in_tiles_with_the_same_result_inside(
    weights_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from restoration.engines import learned

    picture, mask = _picture(96, 120), np.zeros((96, 120), dtype=bool)
    mask[40:50, 50:70] = True
    mask[5, 5:110] = True
    whole = LearnedEngine(weights_dir=weights_dir).inpaint(picture, mask)
    monkeypatch.setattr(learned, "TILE", 32)
    monkeypatch.setattr(learned, "MARGIN", 64)  # margin wider than the image: same context
    tiled = LearnedEngine(weights_dir=weights_dir).inpaint(picture, mask)
    assert np.abs(whole.astype(int) - tiled.astype(int)).max() <= 1


def test_a_mask_of_another_size_is_refused_with_both_sizes(weights_dir: Path) -> None:
    with pytest.raises(ValueError, match="mask is 10×10 but the image is 52×40"):
        LearnedEngine(weights_dir=weights_dir).inpaint(_picture(), np.ones((10, 10), bool))


def test_an_empty_mask_returns_the_image_unchanged(weights_dir: Path) -> None:
    picture = _picture()
    result = LearnedEngine(weights_dir=weights_dir).inpaint(picture, np.zeros((40, 52), bool))
    assert np.array_equal(result, picture)
