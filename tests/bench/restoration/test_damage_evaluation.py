"""Measuring the damage proposal against hand-marked losses, and the evaluate_damage command."""

import io
import json
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from bench.restoration.damage_evaluation import (
    EVAL_MASKS,
    HandMask,
    clean_images,
    coverage,
    hand_masks,
    means,
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


def test_the_mean_counts_each_image_once_and_an_empty_proposal_has_nothing_outside() -> None:
    truth = np.zeros((10, 10), dtype=bool)
    truth[:5] = True
    half = np.zeros_like(truth)
    half[:5, :5] = True
    half[9, :] = True  # 10 of its 35 pixels beyond the hand mask
    rows = [coverage("a", half, truth), coverage("b", np.zeros_like(truth), truth)]
    result = means(rows)
    assert result.images == 2
    assert result.covered == pytest.approx(0.25)  # 50 % and 0 %
    assert result.outside == pytest.approx(10 / 35)  # only the image with a proposal


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
    clean = clean_images()
    assert len(clean) >= 3 and not set(clean) & {m.slug for m in masks}
    assert all(slug in readme for slug in clean)


def test_the_command_prints_each_detector_setting_means_and_false_alarms(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    pixels = np.clip(rng.normal(120, 12, (120, 160, 3)), 0, 255).astype(np.uint8)
    clean = pixels.copy()
    pixels[60:120, 40:100] = (148, 132, 112)  # a plain loss reaching the bottom edge
    (tmp_path / "images").mkdir()
    Image.fromarray(pixels).save(tmp_path / "images" / "fresco.png")
    Image.fromarray(clean).save(tmp_path / "images" / "clean.png")
    (tmp_path / "objects.jsonl").write_text(
        json.dumps({"id": "fresco", "image": "images/fresco.png"})
        + "\n"
        + json.dumps({"id": "clean", "image": "images/clean.png"})
        + "\n"
    )
    (tmp_path / "damaged.json").write_text(json.dumps({"ids": ["fresco"]}))
    masks = tmp_path / "losses.json"
    region = {"polygon": [[40, 60], [99, 60], [99, 119], [40, 119]]}
    masks.write_text(
        json.dumps(
            {
                "clean": ["clean"],
                "masks": [{"slug": "fresco", "size": [160, 120], "regions": [region]}],
            }
        )
    )
    out = io.StringIO()
    call_command(
        "evaluate_damage",
        "--collection",
        str(tmp_path),
        "--masks",
        str(masks),
        "--undamaged",
        "--json",
        stdout=out,
    )
    report = json.loads(out.getvalue())
    rows = {row["preset"]: row for row in report["images"]}
    assert rows["cracks only"]["covered"] < 0.05
    assert rows["now"]["covered"] > 0.85 and rows["now"]["outside"] < 0.1
    assert report["means"]["now"]["images"] == 1
    assert report["means"]["now"]["covered"] == pytest.approx(rows["now"]["covered"])
    settings = ["cracks only", "cracks + plain", "+ edge losses", "now"]
    assert report["clean"] == [{"slug": "clean", "proposed": dict.fromkeys(settings, 0.0)}]
    # Only the clean image: the fresco is listed as damaged.
    assert report["undamaged"]["now"]["images"] == 1
    assert report["undamaged"]["now"]["largest"] == [["clean", 0.0]]

    text = io.StringIO()
    call_command(
        "evaluate_damage", "--collection", str(tmp_path), "--masks", str(masks), stdout=text
    )
    assert "mean over 1 images" in text.getvalue() and "clean image" in text.getvalue()

    masks.write_text(json.dumps({"masks": [{"slug": "absent", "size": [1, 1], "regions": []}]}))
    with pytest.raises(CommandError, match="absent has no image"):
        call_command("evaluate_damage", "--collection", str(tmp_path), "--masks", str(masks))
