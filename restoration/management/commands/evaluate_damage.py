"""Measures the damage proposal against the hand-marked loss masks.

    python manage.py evaluate_damage [--collection DIR] [--masks FILE] [--undamaged] [--json]

For each hand-marked image (bench/restoration/eval_masks/losses.json, see the README
there) prints the share of the hand mask that the proposal covers and the share of the
proposal outside it, for four settings of the detector: cracks only (what `restore` and the
admin tool proposed before plain-loss detection), cracks and plain losses (before edge-loss
detection), with edge losses too (before hole detection), and the current defaults; then the
means over images, and the share proposed on the images named as clean there (all of it false
alarms). `--undamaged` also runs the current defaults on every object the collection does not
list as damaged (`damaged.json`) and prints the share proposed: not every one of them is free
of damage, so this is an upper bound on false alarms. Images come from the collection folder
(default settings.VITRINE_COLLECTION).
"""

import json
from argparse import ArgumentParser
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Share of hand-marked losses the damage proposal covers, and false alarms."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--collection", type=Path, default=None, help="collection folder")
        parser.add_argument("--masks", type=Path, default=None, help="hand masks (JSON)")
        parser.add_argument(
            "--undamaged",
            action="store_true",
            help="also every object not listed in damaged.json (slow: one proposal each)",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.restoration.damage_evaluation import (
            EVAL_MASKS,
            clean_images,
            evaluate_proposal,
            hand_masks,
            means,
            proposed_share,
        )
        from restoration.damage import DamageParameters

        root = Path(options["collection"] or settings.VITRINE_COLLECTION)
        masks = options["masks"] or EVAL_MASKS
        images = _image_paths(root)
        current = DamageParameters()
        presets = {
            "cracks only": replace(current, flat_threshold=0.0, edge_loss_step=0.0, hole_step=0.0),
            "cracks + plain": replace(current, edge_loss_step=0.0, hole_step=0.0),
            "+ edge losses": replace(current, hole_step=0.0),
            "now": current,
        }
        marked = hand_masks(masks)
        clean = clean_images(masks)
        for slug in [hand.slug for hand in marked] + clean:
            if slug not in images:
                raise CommandError(f"{slug} has no image in {root}")
        rows: list[dict[str, Any]] = []
        found: dict[str, list[Any]] = {preset: [] for preset in presets}
        for hand in marked:
            pixels = _load(images[hand.slug])
            for preset, params in presets.items():
                result = evaluate_proposal(hand, pixels, params)
                found[preset].append(result)
                rows.append({"preset": preset, **asdict(result)})
        clean_rows = []
        for slug in clean:
            pixels = _load(images[slug])
            shares = {preset: proposed_share(pixels, params) for preset, params in presets.items()}
            clean_rows.append({"slug": slug, "proposed": shares})
        report: dict[str, Any] = {
            "images": rows,
            "means": {preset: asdict(means(results)) for preset, results in found.items()},
            "clean": clean_rows,
        }
        if options["undamaged"]:
            report["undamaged"] = _undamaged(root, images, presets)
        if options["json"]:
            self.stdout.write(json.dumps(report))
        else:
            self._print(report, list(presets))

    def _print(self, report: dict[str, Any], presets: list[str]) -> None:
        write = self.stdout.write
        write(
            f"{'image':34}{'detector':16}{'marked':>9}{'proposed':>10}{'covered':>9}{'outside':>9}"
        )
        for row in report["images"]:
            write(
                f"{row['slug']:34}{row['preset']:16}{row['marked']:>9.2%}{row['proposed']:>10.2%}"
                f"{row['covered']:>9.1%}{row['outside']:>9.1%}"
            )
        for preset, mean in report["means"].items():
            write(
                f"{'mean over ' + str(mean['images']) + ' images':34}{preset:16}{'':19}"
                f"{mean['covered']:>9.1%}{mean['outside']:>9.1%}"
            )
        write(
            "covered: share of the hand-marked loss inside the proposal; outside: share of the "
            "proposal beyond the hand mask (unmarked damage or false alarms)."
        )
        if report["clean"]:
            write("")
            write(f"{'clean image: share proposed':34}" + "".join(f"{p:>16}" for p in presets))
            for row in report["clean"]:
                write(
                    f"{row['slug']:34}" + "".join(f"{row['proposed'][p]:>16.2%}" for p in presets)
                )
        undamaged = report.get("undamaged")
        if undamaged:
            count = next(iter(undamaged.values()))["images"]
            write("")
            write(f"{count} objects not listed as damaged: share of each image proposed")
            write(f"{'detector':34}{'mean':>9}{'median':>9}{'above 0.5 %':>13}  largest")
            for preset, figures in undamaged.items():
                largest = ", ".join(f"{slug} {share:.1%}" for slug, share in figures["largest"][:3])
                write(
                    f"{preset:34}{figures['mean']:>9.2%}{figures['median']:>9.2%}"
                    f"{figures['above_half_percent']:>13}  {largest}"
                )


def _undamaged(root: Path, images: dict[str, Path], presets: dict[str, Any]) -> dict[str, Any]:
    import numpy as np

    from bench.restoration.damage_evaluation import proposed_share

    listed = root / "damaged.json"
    damaged = (
        set(json.loads(listed.read_text(encoding="utf-8"))["ids"]) if listed.is_file() else set()
    )
    shares: dict[str, dict[str, float]] = {preset: {} for preset in presets}
    for slug, path in sorted(images.items()):
        if slug in damaged or not path.is_file():
            continue
        pixels = _load(path)
        for preset, params in presets.items():
            shares[preset][slug] = proposed_share(pixels, params)
    report: dict[str, Any] = {}
    for preset, by_slug in shares.items():
        values = np.array(list(by_slug.values()) or [0.0])
        report[preset] = {
            "images": len(by_slug),
            "mean": float(values.mean()),
            "median": float(np.median(values)),
            "above_half_percent": int((values > 0.005).sum()),
            "largest": sorted(by_slug.items(), key=lambda item: -item[1])[:5],
        }
    return report


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
