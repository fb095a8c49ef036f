"""Run virtual restorations from the command line; each result is a draft for review."""

from dataclasses import fields
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from PIL import Image

from exhibition.models import CollectionObject, ObjectImage
from restoration.damage import DamageParameters
from restoration.engines import EngineUnavailable, engine_names
from restoration.engines.base import Mask
from restoration.images import ImageTooLarge, ImageUnreadable
from restoration.masks import MaskError, NothingToRestore, mask_from_image


def _flag(name: str) -> str:
    return "--damage-" + name.replace("_", "-")


class Command(BaseCommand):
    help = (
        "Restore an object's images (or every object marked damaged) with an inpainting "
        "engine. Results are drafts: a curator approves them in the review queue."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", nargs="?", help="the object to restore")
        parser.add_argument("--engine", default="telea", choices=engine_names())
        parser.add_argument("--mask", type=Path, help="mask image, same size; white = reconstruct")
        parser.add_argument("--image", type=int, help="only the image at this position (order)")
        parser.add_argument(
            "--all-damaged", action="store_true", help="every object marked as damaged"
        )
        defaults = DamageParameters()
        helps = DamageParameters.help_texts()
        for spec in fields(DamageParameters):
            default = getattr(defaults, spec.name)
            kind: Any = _parse_bool if isinstance(default, bool) else type(default)
            parser.add_argument(
                _flag(spec.name),
                dest=f"damage_{spec.name}",
                type=kind,
                default=default,
                metavar="yes|no" if isinstance(default, bool) else None,
                help=f"{helps[spec.name]} (default {default})",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        from restoration.services import RestorationFailed, restoration_run

        damage = self._damage_parameters(options)
        images = self._images(options)
        failures = 0
        for image in images:
            slug = image.collection_object.slug
            try:
                mask = self._mask(options["mask"], image) if options["mask"] else None
                restoration = restoration_run(
                    image=image, engine_name=options["engine"], mask=mask, damage_params=damage
                )
            except NothingToRestore as reason:
                self.stdout.write(f"{slug} image {image.order}: nothing to do ({reason})")
                continue
            except EngineUnavailable as reason:
                raise CommandError(str(reason)) from None
            except (MaskError, ImageTooLarge, ImageUnreadable, RestorationFailed) as error:
                failures += 1
                self.stderr.write(f"{slug} image {image.order}: FAILED: {error}")
                continue
            output = restoration.machine_output
            self.stdout.write(
                f"{slug} image {image.order}: {output.engine}, "
                f"{output.parameters['masked_fraction'] * 100:.2f}% masked, "
                f"{output.duration_seconds:.2f} s, restoration #{restoration.pk} (draft)"
            )
        if failures:
            raise CommandError(f"{failures} of {len(images)} restorations failed")

    def _damage_parameters(self, options: dict[str, Any]) -> DamageParameters:
        values = {spec.name: options[f"damage_{spec.name}"] for spec in fields(DamageParameters)}
        try:
            return DamageParameters(**values)
        except ValueError as error:
            raise CommandError(f"Bad damage parameter: {error}") from None

    def _images(self, options: dict[str, Any]) -> list[ObjectImage]:
        slug, all_damaged = options["slug"], options["all_damaged"]
        if bool(slug) == bool(all_damaged):
            raise CommandError("Give either an object slug or --all-damaged.")
        if all_damaged and options["mask"]:
            raise CommandError("--mask fits one image; it cannot be used with --all-damaged.")
        images = ObjectImage.objects.select_related("collection_object").order_by(
            "collection_object__slug", "order"
        )
        if all_damaged:
            images = images.filter(collection_object__is_damaged=True)
        else:
            if not CollectionObject.objects.filter(slug=slug).exists():
                raise CommandError(f"No object with slug '{slug}'.")
            images = images.filter(collection_object__slug=slug)
        if options["image"] is not None:
            images = images.filter(order=options["image"])
        found = list(images)
        if not found:
            raise CommandError("No image to restore.")
        if options["mask"] and len(found) > 1:
            raise CommandError("The object has several images: choose one with --image.")
        return found

    def _mask(self, path: Path, image: ObjectImage) -> Mask:
        try:
            with Image.open(path) as upload:  # decoded only once its size is checked
                return mask_from_image(upload, size=(image.width, image.height))
        except NothingToRestore:
            raise
        except MaskError as error:
            raise CommandError(f"Mask {path}: {error}") from None
        except OSError as error:
            raise CommandError(f"Mask {path} cannot be read as an image: {error}") from None


def _parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("yes", "true", "1", "on"):
        return True
    if lowered in ("no", "false", "0", "off"):
        return False
    raise ValueError(f"expected yes or no, not {value!r}")
