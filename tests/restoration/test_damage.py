import numpy as np
import pytest

from restoration.damage import DamageParameters, detect_damage
from tests.restoration.synthetic import smooth_picture, with_cracks


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


def _photograph(height: int = 240, width: int = 320, seed: int = 0) -> np.ndarray:
    """A grey photograph-like picture: soft light and shade under film grain."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    base = 140 + 40 * np.sin(xx / 50.0) * np.cos(yy / 70.0)
    return np.clip(base + rng.normal(0, 6.0, base.shape), 0, 255)


def _grey_rgb(values: np.ndarray) -> np.ndarray:
    return np.repeat(np.clip(values, 0, 255).astype(np.uint8)[..., None], 3, axis=-1)


def _ragged_front(height: int, width: int, seed: int, depth: float) -> np.ndarray:
    """Ragged areas reaching in from the right side, about `depth` px deep mid-side (where
    emulsion has flaked off a glass negative): thresholded smooth noise plus a ramp."""
    import cv2

    rng = np.random.default_rng(seed)
    blurred = cv2.GaussianBlur(rng.normal(size=(height, width)).astype(np.float32), (0, 0), 2.5)
    noise = np.asarray(blurred, dtype=np.float32) / float(np.std(blurred))
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    along = np.clip(1 - np.abs(yy - height / 2) / (height / 3), 0, 1)
    front = ((0.9 * noise + (xx - (width - depth * along)) / (depth / 2)) > 0.5) & (along > 0)
    _, labels = cv2.connectedComponents(front.astype(np.uint8))
    reaching = np.unique(labels[:, -1])
    return np.isin(labels, reaching[reaching > 0])


def test_emulsion_flaked_off_at_the_edge_of_a_photograph_is_proposed() -> None:
    values = _photograph()
    flakes = _ragged_front(240, 320, seed=2, depth=40)
    values[flakes] = 3  # clear glass where the emulsion went prints solid black
    mask = detect_damage(_grey_rgb(values))
    assert mask[flakes].mean() > 0.8
    assert mask[_far_from(flakes, 8)].mean() < 0.01
    assert not detect_damage(_grey_rgb(values), DamageParameters(edge_loss_step=0))[flakes].any()


def test_a_tear_through_the_black_border_of_a_print_is_proposed() -> None:
    import cv2

    values = _photograph()
    values[:8, :] = values[-8:, :] = 240  # white paper round the print
    values[:, :8] = values[:, -8:] = 240
    border = np.zeros(values.shape, dtype=bool)  # the print's black border, 14 px wide
    border[8:22, 8:-8] = border[-22:-8, 8:-8] = True
    border[8:-8, 8:22] = border[8:-8, -22:-8] = True
    values[border] = 6
    outline = [(40, 16), (62, 18), (58, 34), (66, 56), (55, 74), (60, 100), (44, 114)]
    outline += [(38, 88), (30, 74), (36, 54), (28, 38), (34, 26)]
    shape = np.zeros(values.shape, dtype=np.uint8)
    cv2.fillPoly(shape, [np.array(outline, dtype=np.int32)], 1)
    # Torn paper frays: roughen the outline with smooth noise.
    noise = cv2.GaussianBlur(
        np.random.default_rng(4).normal(size=values.shape).astype(np.float32), (0, 0), 1.5
    )
    soft = cv2.GaussianBlur(shape.astype(np.float32), (0, 0), 3)
    torn = (soft + 0.25 * noise / noise.std() > 0.5) & (soft > 0.1)
    assert torn[22:, :].any() and torn[8:22, :].any() and not torn[:8, :].any()
    values[torn] = 232  # bare paper, from inside the border into the picture
    mask = detect_damage(_grey_rgb(values), DamageParameters(crack_threshold=255))
    assert mask[torn].mean() > 0.8
    assert mask[_far_from(torn, 8)].mean() < 0.01


def test_things_cut_by_the_picture_edge_are_not_edge_losses() -> None:
    import cv2

    values = _photograph()
    # Dark fur or lace reaching the bottom side: ragged, but dark grey, not the black point.
    fur = np.rot90(_ragged_front(320, 240, seed=3, depth=40), k=-1)
    values[fur] = 22 + 4 * np.random.default_rng(5).normal(size=int(fur.sum()))
    hat = np.zeros(values.shape, dtype=np.uint8)  # a black hat cut by the top side: smooth
    cv2.ellipse(hat, (60, 0), (30, 25), 0, 0, 180, 1, -1)
    values[hat > 0] = 4
    # Sky between branches at the right side of a print with no border round it.
    sky = _ragged_front(240, 320, seed=6, depth=40)
    values[sky] = 238
    assert fur.mean() > 0.01 and sky.mean() > 0.01
    mask = detect_damage(_grey_rgb(values), DamageParameters(crack_threshold=255))
    assert mask.mean() < 0.005


def test_dark_backgrounds_and_blank_paper_are_not_plain_losses() -> None:
    dark = _textured()
    dark[:, :160] = (14, 12, 10)  # a painting's dark background, flat after compression
    paper = _textured()
    paper[40:200, 60:260] = (228, 224, 214)  # blank paper round an engraving's figures
    for case in (dark, paper):
        assert detect_damage(case, DamageParameters(crack_threshold=255)).mean() < 0.005


def test_edge_loss_levels_must_leave_room_between_black_and_paper() -> None:
    with pytest.raises(ValueError, match="edge_loss_dark"):
        DamageParameters(edge_loss_dark=200, edge_loss_bright=150)
