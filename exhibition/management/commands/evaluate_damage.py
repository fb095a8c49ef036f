"""Measures the damage proposal against the hand-marked loss masks.

    python manage.py evaluate_damage [--collection DIR] [--masks FILE] [--json]

For each hand-marked image (exhibition/restoration/eval_masks/losses.json, see the README
there) prints the share of the hand mask that the proposal covers and the share of the
proposal outside it, for the detector's previous defaults (cracks only: what `restore` and
the admin tool proposed before plain-loss detection) and its current defaults. Images come
from the collection folder (default settings.VITRINE_COLLECTION), by the slug's `image`.
"""

import json
from argparse import ArgumentParser
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Share of hand-marked losses the damage proposal covers, before and after."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--collection", type=Path, default=None, help="collection folder")
        parser.add_argument("--masks", type=Path, default=None, help="hand masks (JSON)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        from exhibition.restoration.damage import DamageParameters
        from exhibition.restoration.damage_evaluation import (
            EVAL_MASKS,
            evaluate_proposal,
            hand_masks,
        )

        root = Path(options["collection"] or settings.VITRINE_COLLECTION)
        images = _image_paths(root)
        current = DamageParameters()
        # The defaults before plain-loss detection existed: cracks only.
        presets = {"before (cracks only)": replace(current, flat_threshold=0.0), "now": current}
        rows: list[dict[str, Any]] = []
        for hand in hand_masks(options["masks"] or EVAL_MASKS):
            if hand.slug not in images:
                raise CommandError(f"{hand.slug} has no image in {root}")
            pixels = _load(images[hand.slug])
            for preset, params in presets.items():
                rows.append({"preset": preset, **asdict(evaluate_proposal(hand, pixels, params))})
        if options["json"]:
            self.stdout.write(json.dumps({"images": rows}))
            return
        self.stdout.write(
            f"{'image':34}{'detector':22}{'marked':>9}{'proposed':>10}{'covered':>9}{'outside':>9}"
        )
        for row in rows:
            self.stdout.write(
                f"{row['slug']:34}{row['preset']:22}{row['marked']:>9.2%}{row['proposed']:>10.2%}"
                f"{row['covered']:>9.1%}{row['outside']:>9.1%}"
            )
        self.stdout.write(
            "covered: share of the hand-marked loss inside the proposal; outside: share of the "
            "proposal beyond the hand mask (unmarked damage or false alarms)."
        )


def _image_paths(root: Path) -> dict[str, Path]:
    records = root / "objects.jsonl"
    if not records.is_file():
        raise CommandError(f"no objects.jsonl in {root}")
    paths = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("id") and record.get("image"):
                paths[str(record["id"])] = root / str(record["image"])
    return paths


def _load(path: Path) -> Any:
    import numpy as np
    from PIL import Image

    with Image.open(path) as opened:
        return np.asarray(opened.convert("RGB"), dtype=np.uint8)
