"""Celery tasks: thin wrappers over services. With no broker they run in-process."""

from celery import shared_task

from exhibition.iiif.restoration_tiles import restoration_generate_tiles
from exhibition.iiif.tiles import image_generate_tiles
from exhibition.models import ObjectImage, Restoration


@shared_task
def generate_image_tiles(image_id: int) -> bool:
    """Cut the IIIF level-0 tiles of one image; False if it is gone or already current."""
    image = ObjectImage.objects.select_related("collection_object").filter(pk=image_id).first()
    if image is None:
        return False
    return image_generate_tiles(image=image)


@shared_task
def generate_restoration_tiles(restoration_id: int) -> bool:
    """Cut the IIIF tiles of an approved restoration; False if it is gone, no longer
    approved by the time this runs, or already cut."""
    restoration = (
        Restoration.objects.select_related("source_image", "machine_output")
        .filter(pk=restoration_id)
        .first()
    )
    if restoration is None or not restoration.machine_output.is_approved:
        return False
    return restoration_generate_tiles(restoration=restoration)
