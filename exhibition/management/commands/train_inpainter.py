"""Trains the learned inpainting engine on the collection's intact training-split images.

    python manage.py train_inpainter [--minutes 30] [--seed S] [--threads 2]

Self-supervised: random crops get random synthetic damage and the network learns to undo it.
Evaluation-split images (see exhibition/restoration/evaluation_split.py) are never loaded.
Saves versioned weights under settings.VITRINE_INPAINTER_DIR and points latest.json at them.
"""

from argparse import ArgumentParser
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

    def handle(self, *args: Any, **options: Any) -> None:
        from exhibition.restoration.evaluation_split import split_images
        from exhibition.restoration.training.data import load_images
        from exhibition.restoration.training.model import ModelConfig
        from exhibition.restoration.training.trainer import TrainingOptions, train
        from exhibition.restoration.training.weights import weights_save

        minutes, crop = options["minutes"], options["crop"]
        if not 0 < minutes <= MAX_MINUTES:
            raise CommandError(f"--minutes must be above 0 and at most {MAX_MINUTES}")
        if not 32 <= crop <= 1024 or crop % 8:
            raise CommandError("--crop must be a multiple of 8 between 32 and 1024")
        if options["threads"] < 1 or options["batch"] < 1 or options["width"] < 2:
            raise CommandError("--threads, --batch and --width must be positive")
        training = split_images(evaluation=False)
        evaluation = split_images(evaluation=True)
        images = load_images([image.original.path for image in training], min_side=crop)
        self.stdout.write(
            f"split: {len(training)} training images ({len(images)} at least {crop} px), "
            f"{len(evaluation)} evaluation images held out"
        )
        if not images:
            raise CommandError("no intact public training images: import a collection first")
        config = ModelConfig(width=options["width"])
        result = train(
            images,
            TrainingOptions(
                seconds=minutes * 60,
                seed=options["seed"],
                batch=options["batch"],
                crop=crop,
                threads=options["threads"],
                log_every=options["log_every"],
                config=config,
            ),
            log=self.stdout.write,
        )
        saved = weights_save(
            directory=settings.VITRINE_INPAINTER_DIR,
            state_dict=result.state_dict,
            config=config,
            metadata={
                "training_seconds": round(result.seconds, 1),
                "steps": result.steps,
                "samples": result.samples,
                "parameters": result.parameters,
                "seed": options["seed"],
                "threads": options["threads"],
                "crop": crop,
                "split": {
                    "rule": "sha256(slug) mod 5 == 0 is evaluation; damaged objects excluded",
                    "training_images": len(images),
                    "evaluation_images": len(evaluation),
                    "evaluation_slugs": [image.collection_object.slug for image in evaluation],
                },
                "final_masked_l1": round(result.loss, 5),
                "classical_fill_masked_l1": round(result.baseline_loss, 5),
            },
        )
        self.stdout.write(
            f"trained {result.steps} steps ({result.samples} samples, {result.parameters} "
            f"parameters) in {result.seconds:.0f} s; saved {saved.path}"
        )
