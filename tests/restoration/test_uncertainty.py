import io

import numpy as np
import pytest
from PIL import Image

from restoration.uncertainty import uncertainty_map, uncertainty_to_png


def _loss_and_crack() -> np.ndarray:
    mask = np.zeros((100, 120), dtype=bool)
    mask[30:70, 40:80] = True  # a 40×40 loss
    mask[90, 5:110] = True  # a one-pixel crack
    return mask


def test_original_pixels_are_certain_and_the_middle_of_a_loss_is_not() -> None:
    mask = _loss_and_crack()
    u = uncertainty_map(mask=mask)
    assert u.dtype == np.float32 and u.shape == mask.shape
    assert (u[~mask] == 0).all()
    assert u[50, 60] > 0.6  # the centre of the loss, 20 px from anything known
    assert u[90, 50] < 0.2  # a crack pixel is next to known pixels
    assert u[50, 60] > u[50, 45] > u[50, 40]  # grows towards the centre


def test_disagreement_between_engines_raises_uncertainty() -> None:
    mask = _loss_and_crack()
    same = np.full((100, 120, 3), 100, dtype=np.uint8)
    other = same.copy()
    other[mask] = 180
    agreeing = uncertainty_map(mask=mask, results=[same, same.copy()])
    disagreeing = uncertainty_map(mask=mask, results=[same, other])
    assert (agreeing == uncertainty_map(mask=mask)).all()
    assert disagreeing[90, 50] > 0.6 > agreeing[90, 50]
    assert (disagreeing <= 1).all() and (disagreeing[~mask] == 0).all()


def test_results_of_another_size_are_refused() -> None:
    with pytest.raises(ValueError, match="does not match"):
        uncertainty_map(mask=_loss_and_crack(), results=[np.zeros((10, 10, 3), np.uint8)] * 2)


def test_png_is_greyscale_brighter_where_less_certain() -> None:
    u = uncertainty_map(mask=_loss_and_crack())
    with Image.open(io.BytesIO(uncertainty_to_png(u))) as written:
        grey = np.asarray(written)
        assert written.mode == "L" and written.size == (120, 100)
    assert grey[0, 0] == 0
    assert grey[50, 60] > 150
