import numpy as np
import pytest

from restoration.engines import get_engine
from tests.restoration.synthetic import smooth_picture, stripes, with_cracks


def _hole(shape: tuple[int, ...], top: int, left: int, size: int) -> np.ndarray:
    mask = np.zeros(shape[:2], dtype=bool)
    mask[top : top + size, left : left + size] = True
    return mask


def test_a_large_loss_in_a_texture_is_continued_better_than_by_diffusion() -> None:
    clean = stripes()
    mask = _hole(clean.shape, 40, 60, 30)
    damaged = clean.copy()
    damaged[mask] = 0
    exemplar = get_engine("exemplar").inpaint(damaged, mask)
    telea = get_engine("telea").inpaint(damaged, mask)

    def error(result: np.ndarray) -> float:
        return float(np.abs(result.astype(int) - clean.astype(int))[mask].mean())

    assert error(exemplar) < 0.5 * error(telea)
    assert error(exemplar) < 20


def test_pixels_outside_the_mask_are_unchanged() -> None:
    clean = stripes()
    mask = _hole(clean.shape, 0, 0, 25)  # touching the image corner
    mask |= _hole(clean.shape, 90, 130, 20)
    restored = get_engine("exemplar").inpaint(clean, mask)
    assert (restored[~mask] == clean[~mask]).all()
    assert restored.dtype == np.uint8


def test_thin_cracks_are_left_to_telea() -> None:
    cracked, truth = with_cracks(smooth_picture())
    exemplar = get_engine("exemplar").inpaint(cracked, truth)
    telea = get_engine("telea").inpaint(cracked, truth)
    assert (exemplar == telea).all()


def test_the_loss_is_filled_from_original_pixels_only() -> None:
    # Only the left half is known texture; the copied colours must come from it.
    picture = stripes()
    mask = _hole(picture.shape, 40, 60, 30)
    restored = get_engine("exemplar").inpaint(picture, mask)
    colours = {tuple(c) for c in restored[mask].reshape(-1, 3)}
    assert colours <= {(200, 60, 40), (40, 60, 200)}


def test_it_declares_its_algorithm_version_and_parameters() -> None:
    engine = get_engine("exemplar", patch_size=7)
    assert engine.version.startswith("1.0")
    assert engine.parameters() == {"patch_size": 7, "search_radius": 48, "thin_width": 5}


@pytest.mark.parametrize(
    ("parameters", "message"),
    [({"patch_size": 8}, "patch_size"), ({"search_radius": 2}, "search_radius")],
)
def test_bad_parameters_are_refused(parameters: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        get_engine("exemplar", **parameters)
