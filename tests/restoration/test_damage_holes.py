"""Holes and paper losses inside the picture: the white backing showing through toned paper."""

import base64
import io
import re

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from exhibition.models import MachineOutput
from restoration.damage import DamageParameters, detect_damage
from restoration.damage.holes import holes
from tests import builders
from tests.restoration.synthetic import add_picture

PAPER = (204, 178, 136)  # old paper, toned yellow-brown
BACKING = (246, 246, 243)  # the white backing seen through a hole: neutral


def _toned_print(height: int = 240, width: int = 320, seed: int = 1) -> np.ndarray:
    """Toned paper with grain, printed with brown strokes and a soft shaded area."""
    import cv2

    rng = np.random.default_rng(seed)
    sheet = np.empty((height, width, 3), dtype=np.float32)
    sheet[:] = PAPER
    yy, _ = np.mgrid[0:height, 0:width].astype(np.float32)
    sheet *= (0.92 + 0.08 * np.cos(yy / 60.0))[..., None]
    ink = np.zeros((height, width), dtype=np.uint8)
    for row in range(30, height - 20, 36):
        cv2.line(ink, (20, row), (width - 30, row + 12), 1, 2)
    sheet[ink > 0] = (92, 64, 40)
    sheet += rng.normal(0, 3.0, sheet.shape)
    return np.clip(sheet, 0, 255).astype(np.uint8)


def _wormholes(picture: np.ndarray, seed: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Three small ragged holes through the sheet, and where they are."""
    import cv2

    rng = np.random.default_rng(seed)
    truth = np.zeros(picture.shape[:2], dtype=np.uint8)
    for (x, y), (a, b), angle in (
        ((70, 60), (6, 4), 20),
        ((200, 150), (5, 5), 0),
        ((260, 205), (8, 3), 120),
    ):
        cv2.ellipse(truth, (x, y), (a, b), angle, 0, 360, 1, -1)
    # Bored and torn fibres: roughen the outline by a pixel here and there.
    truth = (truth > 0) | (
        (cv2.dilate(truth, np.ones((3, 3), np.uint8)) > 0) & (rng.random(truth.shape) < 0.3)
    )
    holed = picture.copy()
    backing = np.asarray(BACKING, dtype=np.float32) + rng.normal(0, 1.5, (int(truth.sum()), 3))
    holed[truth] = np.clip(backing, 0, 255).astype(np.uint8)
    return holed, truth


def _far_from(truth: np.ndarray, distance: int) -> np.ndarray:
    import cv2

    element = np.ones((2 * distance + 1, 2 * distance + 1), np.uint8)
    return cv2.dilate(truth.astype(np.uint8), element) == 0


def test_wormholes_through_toned_paper_are_proposed() -> None:
    holed, truth = _wormholes(_toned_print())
    only_holes = DamageParameters(crack_threshold=255)  # the printed strokes are crack-like
    mask = detect_damage(holed, only_holes)
    assert mask[truth].mean() > 0.9
    assert mask[_far_from(truth, 8)].mean() < 0.005
    # The backing is about 60 grey levels lighter than this paper.
    assert not holes(holed, DamageParameters(hole_step=100))[truth].any()
    switched_off = DamageParameters(crack_threshold=255, hole_step=0)
    assert detect_damage(holed, switched_off)[truth].mean() < 0.2


def test_a_hole_at_the_corner_of_the_sheet_is_proposed() -> None:
    import cv2

    picture = _toned_print()
    corner = np.zeros(picture.shape[:2], dtype=np.uint8)
    cv2.fillPoly(corner, [np.array([(0, 222), (14, 240), (0, 240)], dtype=np.int32)], 1)
    picture[corner > 0] = BACKING
    found = holes(picture, DamageParameters())
    assert found[corner > 0].mean() > 0.9
    assert found[_far_from(corner > 0, 6)].mean() == 0


def test_the_pictures_own_whites_are_not_holes() -> None:
    import cv2

    # A light collar in a toned print is toned like the rest of the print.
    toned = _toned_print()
    collar = np.zeros(toned.shape[:2], dtype=np.uint8)
    cv2.ellipse(collar, (150, 100), (9, 5), 0, 0, 360, 1, -1)
    toned[collar > 0] = (250, 234, 204)
    # A white collar in a colour painting, neutral against skin: too large for a hole.
    painted = _toned_print()
    painted[90:125, 120:180] = (236, 190, 160)  # skin
    painted[110:122, 130:170] = (245, 245, 242)  # the collar
    # A white highlight in a grey photograph: its surroundings are not coloured either.
    grey = np.repeat(_toned_print().mean(axis=-1, keepdims=True), 3, axis=-1).astype(np.uint8)
    grey[60:68, 200:208] = 250
    for picture in (toned, painted, grey):
        assert not holes(picture, DamageParameters()).any()


def test_hole_parameters_are_checked() -> None:
    with pytest.raises(ValueError, match="hole_step"):
        DamageParameters(hole_step=-1)
    with pytest.raises(ValueError, match="hole_max_fraction"):
        DamageParameters(hole_max_fraction=0)


@pytest.mark.django_db
def test_hole_flags_reach_the_detector_and_are_recorded() -> None:
    holed, _ = _wormholes(_toned_print())
    add_picture(builders.make_object(slug="wormed-book", is_damaged=True), holed)
    out = io.StringIO()
    call_command(
        "restore",
        "wormed-book",
        "--damage-hole-step",
        "55",
        "--damage-hole-chroma-drop",
        "9.5",
        "--damage-hole-max-fraction",
        "0.01",
        stdout=out,
        stderr=io.StringIO(),
    )
    damage = MachineOutput.objects.get().parameters["damage"]
    assert (damage["hole_step"], damage["hole_chroma_drop"], damage["hole_max_fraction"]) == (
        55.0,
        9.5,
        0.01,
    )
    assert DamageParameters(**damage) == DamageParameters(
        hole_step=55, hole_chroma_drop=9.5, hole_max_fraction=0.01
    )


@pytest.mark.django_db
def test_the_tool_offers_the_holes_as_a_mask_the_curator_edits(
    client: Client, curator: User
) -> None:
    holed, truth = _wormholes(_toned_print())
    image = add_picture(builders.make_object(slug="wormed-print", is_damaged=True), holed)
    client.force_login(curator)
    url = reverse("admin:exhibition_restoration_tool", args=[image.pk])

    html = client.get(url).content.decode()
    assert 'name="hole_step"' in html and 'name="hole_chroma_drop"' in html
    assert '<canvas id="mask-canvas"' in html  # the proposal is painted over, not final
    overlay = re.search(r'class="mask-overlay" src="data:image/png;base64,([^"]+)"', html)
    assert overlay is not None
    rgba = np.asarray(Image.open(io.BytesIO(base64.b64decode(overlay.group(1)))))
    assert (rgba[..., 3] > 0)[truth].mean() > 0.9

    switched_off = client.get(url, {"hole_step": "0"}).content.decode()
    overlay = re.search(r'class="mask-overlay" src="data:image/png;base64,([^"]+)"', switched_off)
    marked = (
        np.asarray(Image.open(io.BytesIO(base64.b64decode(overlay.group(1)))))[..., 3] > 0
        if overlay
        else np.zeros(truth.shape, dtype=bool)
    )
    assert marked[truth].mean() < 0.2
