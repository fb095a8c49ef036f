"""Synthetic damage: repeatable, and made of cracks, blotches and one large loss."""

import numpy as np
import pytest

from restoration.training.synthetic_damage import evaluation_seed, synthetic_damage_mask


def test_the_same_seed_draws_the_same_damage() -> None:
    first = synthetic_damage_mask(size=(300, 200), seed=7)
    again = synthetic_damage_mask(size=(300, 200), seed=7)
    other = synthetic_damage_mask(size=(300, 200), seed=8)
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_the_mask_has_the_image_shape_and_damages_a_small_part_of_it() -> None:
    mask = synthetic_damage_mask(size=(320, 240), seed=1)
    assert mask.shape == (240, 320)
    assert mask.dtype == np.bool_
    assert 0.002 < mask.mean() < 0.15


def test_every_image_gets_one_large_loss_and_thin_cracks() -> None:
    import cv2

    side = 400
    for seed in range(5):
        mask = synthetic_damage_mask(size=(side, side), seed=seed)
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8))
        areas = stats[1:, cv2.CC_STAT_AREA]
        # The large loss: radius at least 5 % of the side, squashed at most to half.
        assert areas.max() >= np.pi * (0.05 * side) ** 2 * 0.4
        # Cracks are 1–3 px wide: eroding by a 5×5 square removes them but not the blobs.
        eroded = cv2.erode(mask.astype(np.uint8), np.ones((5, 5), np.uint8))
        assert eroded.sum() < mask.sum() * 0.9


def test_reference_side_draws_damage_sized_for_the_whole_image() -> None:
    crop = synthetic_damage_mask(size=(128, 128), seed=3, reference_side=128)
    from_large = synthetic_damage_mask(size=(128, 128), seed=3, reference_side=1024)
    assert from_large.sum() > crop.sum()


def test_evaluation_seed_depends_on_the_seed_and_the_slug() -> None:
    assert evaluation_seed(seed=0, slug="a") == evaluation_seed(seed=0, slug="a")
    assert evaluation_seed(seed=0, slug="a") != evaluation_seed(seed=1, slug="a")
    assert evaluation_seed(seed=0, slug="a") != evaluation_seed(seed=0, slug="b")


def test_a_tiny_image_is_refused_with_its_size() -> None:
    with pytest.raises(ValueError, match="4×4"):
        synthetic_damage_mask(size=(4, 4), seed=0)
