"""Trains the learned inpainting engine on the collection's intact training-split images.

    python manage.py train_inpainter [--minutes 30] [--seed S] [--threads 2]
        [--collection DIR] [--output DIR] [--work-side 512]

Self-supervised: random crops get random synthetic damage and the network learns to undo it.
Evaluation-split images (see restoration/evaluation_split.py) are never loaded.
Images come from the imported collection, or with --collection straight from an import folder
(how the shipped default weights were made). Saves versioned weights under --output (default
settings.VITRINE_INPAINTER_DIR) and points latest.json at them, with the command line, seed
and split that made them.
"""

import shlex
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MAX_MINUTES = 24 * 60


class Command(BaseCommand):
    help = "Train the learned inpainting engine (CPU, within a time budget) and save its weights."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--minutes", type=float, default=30.0, help="time budget (30)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (0)")
        parser.add_argument("--threads", type=int, default=2, help="CPU threads for torch (2)")
        parser.add_argument("--batch", type=int, default=8, help="crops per step (8)")
        parser.add_argument("--crop", type=int, default=128, help="crop side, pixels (128)")
        parser.add_argument("--width", type=int, default=16, help="network width (16)")
        parser.add_argument("--log-every", type=int, default=25, help="steps between lines (25)")
        parser.add_argument(
            "--work-side",
            type=int,
            default=512,
            help="shorter side (px) the network works at; larger images are reduced (512)",
        )
        parser.add_argument(
            "--bf16",
            action="store_true",
            help="bfloat16 autocast: faster only on CPUs with native bf16 (AVX512-BF16/AMX); "
            "emulated elsewhere, where it is ~15x slower than the float32 default",
        )
        parser.add_argument(
            "--collection",
            type=Path,
            default=None,
            help="read the training split from this import folder instead of the database",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="folder for the weights and latest.json (settings.VITRINE_INPAINTER_DIR)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from restoration.training.data import load_images
        from restoration.training.model import ModelConfig
        from restoration.training.trainer import TrainingOptions, train
        from restoration.training.weights import weights_save

        _check_options(options)
        crop, work_side = options["crop"], options["work_side"]
        training, evaluation = _split(options["collection"])
        images = load_images([path for _, path in training], min_side=crop, work_side=work_side)
        self.stdout.write(
            f"split: {len(training)} training images ({len(images)} at least {crop} px), "
            f"{len(evaluation)} evaluation images held out"
        )
        if not images:
            raise CommandError("no intact public training images: import a collection first")
        config = ModelConfig(width=options["width"], work_side=work_side)
        result = train(
            images,
            TrainingOptions(
                seconds=options["minutes"] * 60,
                seed=options["seed"],
                batch=options["batch"],
                crop=crop,
                threads=options["threads"],
                log_every=options["log_every"],
                bf16=options["bf16"],
                config=config,
            ),
            log=self.stdout.write,
        )
        saved = weights_save(
            directory=options["output"] or settings.VITRINE_INPAINTER_DIR,
            state_dict=result.state_dict,
            config=config,
            metadata=_provenance(options, result, training, evaluation, trained_on=len(images)),
        )
        self.stdout.write(
            f"trained {result.steps} steps ({result.samples} samples, {result.parameters} "
            f"parameters) in {result.seconds:.0f} s; saved {saved.path}"
        )


def _check_options(options: dict[str, Any]) -> None:
    minutes, crop = options["minutes"], options["crop"]
    if not 0 < minutes <= MAX_MINUTES:
        raise CommandError(f"--minutes must be above 0 and at most {MAX_MINUTES}")
    if not 32 <= crop <= 1024 or crop % 8:
        raise CommandError("--crop must be a multiple of 8 between 32 and 1024")
    if options["threads"] < 1 or options["batch"] < 1 or options["width"] < 2:
        raise CommandError("--threads, --batch and --width must be positive")
    if options["work_side"] < crop:
        raise CommandError("--work-side must be at least --crop")


def _provenance(
    options: dict[str, Any],
    result: Any,
    training: list[tuple[str, Path]],
    evaluation: list[tuple[str, Path]],
    *,
    trained_on: int,
) -> dict[str, Any]:
    """What the weights record of how they were made: the run, the split, the losses."""
    return {
        "training_seconds": round(result.seconds, 1),
        "steps": result.steps,
        "samples": result.samples,
        "parameters": result.parameters,
        "seed": options["seed"],
        "threads": options["threads"],
        "crop": options["crop"],
        "batch": options["batch"],
        "command": _command_line(options),
        "split": {
            "rule": "sha256(slug) mod 5 == 0 is evaluation; damaged objects excluded",
            "source": str(options["collection"] or "imported collection"),
            "training_images": trained_on,
            "training_slugs": [slug for slug, _ in training],
            "evaluation_images": len(evaluation),
            "evaluation_slugs": [slug for slug, _ in evaluation],
        },
        "final_masked_l1": round(result.loss, 5),
        "classical_fill_masked_l1": round(result.baseline_loss, 5),
    }


def _split(collection: Path | None) -> tuple[list[tuple[str, Path]], list[tuple[str, Path]]]:
    """(slug, image path) of the training and evaluation sides, from a folder or the database."""
    from restoration.training.split import split_collection_files, split_images

    if collection is not None:
        if not (collection / "objects.jsonl").is_file():
            raise CommandError(f"no objects.jsonl in {collection}")
        return (
            split_collection_files(collection, evaluation=False),
            split_collection_files(collection, evaluation=True),
        )
    sides = [split_images(evaluation=side) for side in (False, True)]
    return (
        [(i.collection_object.slug, Path(i.original.path)) for i in sides[0]],
        [(i.collection_object.slug, Path(i.original.path)) for i in sides[1]],
    )


def _command_line(options: dict[str, Any]) -> str:
    """The command that repeats this run (recorded beside the weights)."""
    words = ["python", "manage.py", "train_inpainter"]
    for name in ("minutes", "seed", "threads", "batch", "crop", "width", "work_side"):
        words += [f"--{name.replace('_', '-')}", str(options[name])]
    if options["bf16"]:
        words.append("--bf16")
    for name in ("collection", "output"):
        if options[name] is not None:
            words += [f"--{name}", str(options[name])]
    return shlex.join(words)
