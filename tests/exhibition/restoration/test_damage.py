import numpy as np
import pytest

from exhibition.restoration.damage import DamageParameters, detect_damage
from tests.exhibition.restoration.synthetic import smooth_picture, with_cracks


def _far_from(truth: np.ndarray, distance: int) -> np.ndarray:
    import cv2

    element = np.ones((2 * distance + 1, 2 * distance + 1), np.uint8)
    return cv2.dilate(truth.astype(np.uint8), element) == 0


def test_dark_cracks_are_found_and_smooth_paint_is_left_alone() -> None:
    cracked, truth = with_cracks(smooth_picture())
    mask = detect_damage(cracked)
    recall = mask[truth].mean()
    false_positives = mask[_far_from(truth, 6)].mean()
    assert recall >= 0.8
    assert false_positives < 0.01


def test_bright_cracks_are_found_only_when_asked_for() -> None:
    cracked, truth = with_cracks(smooth_picture(), bright=True)
    assert detect_damage(cracked)[truth].mean() >= 0.8
    assert detect_damage(cracked, DamageParameters(bright_cracks=False))[truth].mean() < 0.1


def test_an_undamaged_smooth_picture_gives_an_empty_proposal() -> None:
    assert not detect_damage(smooth_picture()).any()


def test_short_specks_are_not_taken_for_cracks() -> None:
    picture = smooth_picture()
    picture[80:83, 100:103] = 10  # a 3×3 dark dot: not elongated, too short
    assert not detect_damage(picture).any()


def test_straight_edges_can_be_told_from_wandering_cracks() -> None:
    cracked, truth = with_cracks(smooth_picture())
    cracked[65:67, 20:120] = 20  # a ruler-straight dark line, like a beam in a photograph
    straight = np.zeros(truth.shape, dtype=bool)
    straight[65:67, 30:110] = True
    assert detect_damage(cracked)[straight].mean() > 0.9  # kept by default
    filtered = detect_damage(cracked, DamageParameters(min_wander=1.5))
    assert filtered[straight].mean() < 0.05
    assert filtered[truth].mean() >= 0.8


def test_a_large_loss_is_found_when_loss_detection_is_on() -> None:
    picture = smooth_picture()
    picture[60:90, 70:110] = 250  # bare plaster where paint fell off
    assert not detect_damage(picture)[70:80, 85:95].any()  # off by default
    mask = detect_damage(picture, DamageParameters(loss_threshold=60))
    assert mask[60:90, 70:110].mean() > 0.95
    assert mask[:40, :].mean() < 0.01


def test_a_stain_is_found_when_stain_detection_is_on() -> None:
    picture = smooth_picture()
    picture[50:70, 50:75] = (picture[50:70, 50:75] * [0.75, 0.6, 0.3]).astype(np.uint8)
    mask = detect_damage(picture, DamageParameters(stain_threshold=15))
    assert mask[52:68, 52:73].mean() > 0.9
    assert mask[100:, 120:].mean() < 0.01


def test_the_margin_widens_every_detection() -> None:
    cracked, _ = with_cracks(smooth_picture())
    narrow = detect_damage(cracked, DamageParameters(dilation=0)).sum()
    wide = detect_damage(cracked, DamageParameters(dilation=4)).sum()
    assert wide > 2 * narrow


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("crack_kernel", 8, "odd"),
        ("crack_threshold", -1.0, "negative"),
        ("max_component_fraction", 0.0, "max_component_fraction"),
        ("dilation", 99, "dilation"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DamageParameters(**{field: value})  # type: ignore[arg-type]


def test_a_greyscale_array_is_refused() -> None:
    with pytest.raises(ValueError, match="uint8 RGB"):
        detect_damage(np.zeros((10, 10), dtype=np.uint8))


def _textured(height: int = 240, width: int = 320, seed: int = 3) -> np.ndarray:
    """Paint with visible texture (brush and grain) everywhere, as a scanned painting has."""
    rng = np.random.default_rng(seed)
    base = np.asarray(smooth_picture(height, width), dtype=np.float32)
    return np.clip(base + rng.normal(0, 6.0, base.shape), 0, 255).astype(np.uint8)


def test_a_plain_loss_in_textured_paint_is_proposed() -> None:
    picture = _textured()
    picture[120:240, 100:200] = (148, 132, 112)  # flat infill reaching the bottom edge
    truth = np.zeros(picture.shape[:2], dtype=bool)
    truth[120:240, 100:200] = True
    mask = detect_damage(picture)
    assert mask[truth].mean() > 0.85
    assert mask[_far_from(truth, 6)].mean() < 0.01
    assert not detect_damage(picture, DamageParameters(flat_threshold=0))[truth].any()


def test_margins_borders_and_blown_highlights_are_not_losses() -> None:
    picture = _textured()
    picture[:, :24] = 235  # a paper margin along two sides
    picture[:20, :] = 235
    framed = _textured()
    framed[8:16, 8:-8] = framed[-16:-8, 8:-8] = 30  # a dark border round the picture
    framed[8:-8, 8:16] = framed[8:-8, -16:-8] = 30
    blown = _textured()
    blown[60:140, 120:220] = 255  # an over-exposed window
    for case in (picture, framed, blown):
        assert detect_damage(case, DamageParameters(crack_threshold=255)).mean() < 0.005
