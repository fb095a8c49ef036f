"""The mask outline drawn over the full-size images on the review page."""

import io

import numpy as np
from PIL import Image

from restoration.outline import mask_outline, mask_outline_png, outline_width


def test_the_line_straddles_the_edge_and_leaves_the_fill_and_the_paint_visible() -> None:
    mask = np.zeros((100, 120), dtype=bool)
    mask[30:70, 40:90] = True
    line, halo = mask_outline(mask)
    assert line[30, 60] and line[29, 60] and line[50, 40] and line[50, 39]
    assert not line[50, 65] and not line[5, 5]  # the middle of the fill, far paint
    assert not (line & halo).any() and halo.any()


def test_the_line_grows_with_the_image_so_it_shows_when_reduced() -> None:
    assert outline_width((300, 400)) == 1
    assert outline_width((3000, 6000)) == 5


def test_the_png_is_transparent_except_the_line() -> None:
    mask = np.zeros((40, 50), dtype=bool)
    mask[10:30, 10:40] = True
    rgba = np.asarray(Image.open(io.BytesIO(mask_outline_png(mask))))
    assert rgba.shape == (40, 50, 4)
    line, halo = mask_outline(mask)
    assert (rgba[..., 3] > 0).sum() == (line | halo).sum()
    assert tuple(rgba[10, 20]) == (228, 0, 124, 255)
