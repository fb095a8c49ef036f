import io

import numpy as np
import pytest
from PIL import Image

from restoration.masks import (
    MaskError,
    NothingToRestore,
    check_mask,
    mask_from_image,
    mask_from_png,
    mask_to_png,
)


def _drawn(width: int = 64, height: int = 48, mode: str = "L") -> Image.Image:
    upload = Image.new(mode, (width, height), 0)
    upload.paste(255 if mode == "L" else (255, 255, 255), (10, 5, 30, 20))
    return upload


def test_white_marks_the_pixels_to_reconstruct() -> None:
    mask = mask_from_image(_drawn(), size=(64, 48))
    assert mask.shape == (48, 64)
    assert mask[5:20, 10:30].all()
    assert mask.sum() == 20 * 15


def test_a_colour_mask_works_like_a_grey_one() -> None:
    assert (
        mask_from_image(_drawn(mode="RGB"), size=(64, 48))
        == mask_from_image(_drawn(), size=(64, 48))
    ).all()


def test_a_mask_of_another_size_is_refused_naming_both_sizes() -> None:
    with pytest.raises(MaskError, match="mask is 80×60 but the image is 64×48"):
        mask_from_image(_drawn(80, 60), size=(64, 48))


def test_an_empty_mask_says_there_is_nothing_to_do() -> None:
    with pytest.raises(NothingToRestore, match="mask is empty: nothing to reconstruct"):
        mask_from_image(Image.new("L", (64, 48), 0), size=(64, 48))


def test_a_mask_covering_everything_is_refused() -> None:
    with pytest.raises(MaskError, match="no known pixels"):
        mask_from_image(Image.new("L", (64, 48), 255), size=(64, 48))


def test_transparent_paint_layer_counts_only_the_painted_strokes() -> None:
    layer = Image.new("RGBA", (64, 48), (255, 255, 255, 0))  # white but fully transparent
    layer.paste((255, 255, 255, 255), (0, 0, 8, 8))
    mask = mask_from_image(layer, size=(64, 48))
    assert mask.sum() == 64


def test_png_round_trip_keeps_the_mask() -> None:
    mask = np.zeros((48, 64), dtype=bool)
    mask[3:9, 40:60] = True
    data = mask_to_png(mask)
    with Image.open(io.BytesIO(data)) as written:
        assert written.mode == "L" and written.size == (64, 48)
    assert (mask_from_png(data, size=(64, 48)) == mask).all()


def test_bytes_that_are_not_an_image_are_refused_clearly() -> None:
    with pytest.raises(MaskError, match="not an image"):
        mask_from_png(b"not a png", size=(64, 48))


def test_check_mask_names_the_sizes_as_width_by_height() -> None:
    with pytest.raises(MaskError, match="mask is 30×20 but the image is 64×48"):
        check_mask(np.ones((20, 30), dtype=bool), shape=(48, 64))
