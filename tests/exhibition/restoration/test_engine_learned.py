"""The learned engine: says when it has no weights, composites exactly, names its weights."""

from pathlib import Path

import numpy as np
import pytest

from exhibition.restoration.engines import get_engine
from exhibition.restoration.engines.base import EngineUnavailable
from exhibition.restoration.engines.learned import LearnedEngine
from exhibition.restoration.training.model import ModelConfig, build_model
from exhibition.restoration.training.weights import weights_save

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


def test_without_weights_the_engine_says_how_to_train_it(tmp_path: Path) -> None:
    engine = get_engine("learned", weights_dir=tmp_path)
    assert engine.availability() == "no trained weights: run python manage.py train_inpainter"
    assert engine.version == "untrained"
    with pytest.raises(EngineUnavailable, match="train_inpainter"):
        engine.inpaint(_picture(), _mask())


def test_the_default_weights_folder_is_the_setting(settings: object, tmp_path: Path) -> None:
    settings.VITRINE_INPAINTER_DIR = tmp_path / "none-here"  # type: ignore[attr-defined]
    assert LearnedEngine().availability() is not None


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
    from exhibition.restoration.engines import learned

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
