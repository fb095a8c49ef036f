"""Measures every inpainting engine on synthetically damaged intact collection images.

    python manage.py evaluate_restoration [--json] [--images N] [--seed S] [--engines a,b]
        [--collection DIR]

Images: the first N (by slug) public, intact objects in the evaluation split, the same split
train_inpainter holds out (from the imported collection, or with --collection from an import
folder). Prints per engine PSNR and SSIM inside the damage and over the whole
image, and seconds per megapixel, with each engine's PSNR gain over OpenCV Telea. With --json,
stdout is exactly
{"engines": {name: {psnr_masked, ssim_masked, psnr, ssim, s_per_mp}}, "images": N};
skipped engines are then named on stderr.
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

BASELINE = "telea"
COLUMNS = ("psnr_masked", "ssim_masked", "psnr", "ssim", "s_per_mp")


class Command(BaseCommand):
    help = "PSNR/SSIM (inside the damage and overall) and s/MP of every inpainting engine."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--images",
            type=int,
            default=None,
            help="evaluate only the first N images of the evaluation split (default: all of them)",
        )
        parser.add_argument("--seed", type=int, default=0, help="synthetic damage seed (0)")
        parser.add_argument(
            "--engines", default="", help="comma-separated engine names (default: all)"
        )
        parser.add_argument(
            "--threads", type=int, default=2, help="CPU threads for torch engines (2)"
        )
        parser.add_argument(
            "--collection",
            type=Path,
            default=None,
            help="read the evaluation split from this import folder instead of the database",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from bench.restoration.evaluation import evaluate

        if options["images"] is not None and options["images"] < 1:
            raise CommandError("--images must be at least 1")
        _set_threads(options["threads"])
        engines, skipped = _engines(options["engines"])
        images = _images(options["images"], options["collection"])
        report = evaluate(images, engines, seed=options["seed"])
        skipped.update(report.skipped)
        if options["json"]:
            for name, why in skipped.items():
                self.stderr.write(f"skipped {name}: {why}")
            self.stdout.write(json.dumps({"engines": report.engines, "images": report.images}))
            return
        self.stdout.write(
            f"{report.images} evaluation images, seed {options['seed']}, "
            f"{report.masked_fraction:.1%} of pixels damaged on average"
        )
        self.stdout.write(_table(report.engines))
        for name, why in skipped.items():
            self.stdout.write(f"skipped {name}: {why}")


def _set_threads(threads: int) -> None:
    if threads < 1:
        raise CommandError("--threads must be at least 1")
    import torch

    torch.set_num_threads(threads)


def _engines(requested: str) -> tuple[dict[str, Any], dict[str, str]]:
    from restoration.engines import engine_names, get_engine

    known = engine_names()
    names = [n.strip() for n in requested.split(",") if n.strip()] or known
    unknown = [n for n in names if n not in known]
    if unknown:
        raise CommandError(f"Unknown engine {', '.join(unknown)}. Engines: {', '.join(known)}.")
    engines, skipped = {}, {}
    for name in names:
        try:
            engine = get_engine(name)
        except ImportError as error:  # a module another engineer has not written yet
            skipped[name] = f"not installed ({error})"
            continue
        reason = engine.availability()
        if reason is None:
            engines[name] = engine
        else:
            skipped[name] = reason
    return engines, skipped


def _images(count: int | None, collection: Path | None) -> list[Any]:
    import numpy as np
    from PIL import Image

    from bench.restoration.evaluation import EvaluationImage
    from restoration.training.split import split_collection_files, split_images

    if collection is not None:
        if not (collection / "objects.jsonl").is_file():
            raise CommandError(f"no objects.jsonl in {collection}")
        chosen = split_collection_files(collection, evaluation=True)[:count]
    else:
        chosen = [
            (image.collection_object.slug, Path(image.original.path))
            for image in split_images(evaluation=True)[:count]
        ]
    if not chosen:
        raise CommandError("no intact public images in the evaluation split: import a collection")
    images = []
    for slug, path in chosen:
        with Image.open(path) as opened:
            pixels = np.asarray(opened.convert("RGB"), dtype=np.uint8)
        images.append(EvaluationImage(slug=slug, pixels=pixels))
    return images


def _table(engines: dict[str, dict[str, float]]) -> str:
    header = f"{'engine':<12}" + "".join(f"{c:>13}" for c in COLUMNS) + f"{'Δ vs telea':>12}"
    lines = [header, "-" * len(header)]
    baseline = engines.get(BASELINE, {}).get("psnr_masked")
    for name, row in sorted(engines.items(), key=lambda item: -item[1]["psnr_masked"]):
        gain = f"{row['psnr_masked'] - baseline:+.2f} dB" if baseline is not None else "n/a"
        lines.append(f"{name:<12}" + "".join(f"{row[c]:>13}" for c in COLUMNS) + f"{gain:>12}")
    return "\n".join(lines)
