"""``manage.py evaluate_visual_search``: both recipes scored on a small labelled folder."""

import json
import math
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image


def test_both_recipes_are_scored_and_compared(tmp_path: Path) -> None:
    images = tmp_path / "images"
    images.mkdir()
    Image.new("RGB", (320, 240), (20, 70, 170)).save(images / "sea.png")
    Image.new("RGB", (320, 240), (250, 250, 250)).save(images / "snow.png")
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"query": "the blue sea", "relevant": ["sea"]}) + "\n")
    out = StringIO()

    call_command(
        "evaluate_visual_search", "--queries", str(queries), "--images", str(images), stdout=out
    )

    lines = out.getvalue().splitlines()
    assert lines[0] == "images 2, queries 1"
    scores = [float(line.split("nDCG@10 ")[1]) for line in lines[1:3]]
    # One relevant image of two: ranked first (1.0) or second (1 / log2(3)).
    assert all(score in (1.0, round(1 / math.log2(3), 3)) for score in scores), scores
    assert "ratio" in lines[3]


def test_a_missing_image_folder_is_a_clear_error(tmp_path: Path) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"query": "sea", "relevant": ["sea"]}) + "\n")
    with pytest.raises(CommandError, match="no image folder"):
        call_command(
            "evaluate_visual_search", "--queries", str(queries), "--images", str(tmp_path / "none")
        )
