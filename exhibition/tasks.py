"""Celery tasks: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task

from exhibition.iiif.tiles import image_generate_tiles
from exhibition.models import ObjectImage


@shared_task
def generate_image_tiles(image_id: int) -> bool:
    """Cut the IIIF level-0 tiles of one image; False if it is gone or already current."""
    image = ObjectImage.objects.select_related("collection_object").filter(pk=image_id).first()
    if image is None:
        return False
    return image_generate_tiles(image=image)


# Tasks that live beside their services elsewhere in the app, imported so that Celery
# workers (which autodiscover `exhibition.tasks`) register them.
from exhibition.restoration.tasks import restore_image  # noqa: E402, F401
