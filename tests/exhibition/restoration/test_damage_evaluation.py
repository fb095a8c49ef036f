"""Measuring the damage proposal against hand-marked losses, and the evaluate_damage command."""

import io
import json
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from exhibition.restoration.damage_evaluation import (
    EVAL_MASKS,
    HandMask,
    coverage,
    hand_masks,
    rasterise,
)


def test_coverage_is_the_share_of_the_hand_mask_found_and_of_the_proposal_beyond_it() -> None:
    truth = np.zeros((10, 10), dtype=bool)
    truth[:, :4] = True  # 40 pixels
    proposal = np.zeros((10, 10), dtype=bool)
    proposal[:, 2:7] = True  # 50 pixels, 20 of them inside
    result = coverage("x", proposal, truth)
    assert result.covered == pytest.approx(0.5)
    assert result.outside == pytest.approx(0.6)
    assert result.marked == pytest.approx(0.4) and result.proposed == pytest.approx(0.5)
    assert coverage("x", np.zeros_like(truth), truth).covered == 0.0


def test_a_region_can_be_narrowed_to_its_dark_pixels_and_the_size_must_match() -> None:
    image = np.full((20, 30, 3), 200, dtype=np.uint8)
    image[5:10, 5:10] = 10
    hand = HandMask(
        slug="x",
        size=(30, 20),
        regions=[{"polygon": [[0, 0], [15, 0], [15, 15], [0, 15]], "only_darker_than": 70}],
    )
    assert rasterise(hand, image).sum() == 25
    with pytest.raises(ValueError, match="drawn on 30×20"):
        rasterise(hand, np.zeros((10, 10, 3), dtype=np.uint8))


def test_the_shipped_hand_masks_name_demo_images_and_are_documented() -> None:
    masks = hand_masks()
    assert len(masks) >= 3
    assert all(m.regions and all(len(r["polygon"]) >= 3 for r in m.regions) for m in masks)
    readme = (EVAL_MASKS.parent / "README.md").read_text()
    assert all(m.slug in readme for m in masks)


def test_the_command_prints_before_and_now_for_each_hand_marked_image(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    pixels = np.clip(rng.normal(120, 12, (120, 160, 3)), 0, 255).astype(np.uint8)
    pixels[60:120, 40:100] = (148, 132, 112)  # a plain loss reaching the bottom edge
    (tmp_path / "images").mkdir()
    Image.fromarray(pixels).save(tmp_path / "images" / "fresco.png")
    (tmp_path / "objects.jsonl").write_text(
        json.dumps({"id": "fresco", "image": "images/fresco.png"}) + "\n"
    )
    masks = tmp_path / "losses.json"
    region = {"polygon": [[40, 60], [99, 60], [99, 119], [40, 119]]}
    masks.write_text(
        json.dumps({"masks": [{"slug": "fresco", "size": [160, 120], "regions": [region]}]})
    )
    out = io.StringIO()
    call_command(
        "evaluate_damage",
        "--collection",
        str(tmp_path),
        "--masks",
        str(masks),
        "--json",
        stdout=out,
    )
    rows = {row["preset"]: row for row in json.loads(out.getvalue())["images"]}
    assert rows["before (cracks only)"]["covered"] < 0.05
    assert rows["now"]["covered"] > 0.85 and rows["now"]["outside"] < 0.1

    masks.write_text(json.dumps({"masks": [{"slug": "absent", "size": [1, 1], "regions": []}]}))
    with pytest.raises(CommandError, match="absent has no image"):
        call_command("evaluate_damage", "--collection", str(tmp_path), "--masks", str(masks))
