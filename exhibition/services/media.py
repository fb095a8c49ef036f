"""Writes around object media that run in the background."""

from django.db import transaction

from exhibition.models import ObjectImage


def image_request_tiles(*, image: ObjectImage) -> None:
    """Cut the image's IIIF tiles in the background once the current transaction commits.

    Eager in the embedded default; a Celery worker does it when scaled out.
    """
    from exhibition.tasks import generate_image_tiles

    image_id = image.pk
    transaction.on_commit(lambda: generate_image_tiles.delay(image_id))
