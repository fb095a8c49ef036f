"""Render poster images for 3D models that lack a current one."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from exhibition.model_posters import PosterRenderingUnavailable, render_posters
from exhibition.models import ObjectModel3D


class Command(BaseCommand):
    help = "Render a poster for every 3D model without a current one (headless Chromium)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="re-render every poster")

    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        models = ObjectModel3D.objects.select_related("collection_object")
        try:
            results = render_posters(models, force=force)
        except PosterRenderingUnavailable as error:
            raise CommandError(f"Cannot render posters: {error}") from None
        failed = [r for r in results if not r.rendered]
        for result in results:
            slug = result.model.collection_object.slug
            if result.rendered:
                self.stdout.write(f"poster rendered: {slug}")
            else:
                self.stderr.write(f"poster failed: {slug}: {result.error}")
        self.stdout.write(
            f"{len(results) - len(failed)} posters rendered, {len(failed)} failed, "
            f"{models.count() - len(results)} already current"
        )
        if failed:
            raise CommandError(f"{len(failed)} posters could not be rendered")
