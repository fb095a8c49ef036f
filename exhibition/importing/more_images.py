"""An object's further images (orders 1, 2, …) from a record that names several, in order.

A IIIF manifest paints one image per canvas; the first is the object's main image (order
0, written with the object), the others follow here. Each image is checked like the main
one (format, pixels) before the transaction opens, and stored content-addressed, so a
re-import of the same images writes nothing and a changed one replaces only itself. Each
image added, replaced or removed is logged on its own record, as an admin inline edit is,
so the object's history and IIIF Change Discovery see it.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from exhibition.importing.media import SourceFile, check_image, find_source, store_file, stored_name
from exhibition.models import AuditLogEntry, CollectionObject, ObjectImage
from exhibition.services.audit import audit_snapshot
from exhibition.services.collection_edits import collection_edit_record

IMPORT_ACTOR = "import"


@dataclass(frozen=True)
class PreparedImage:
    source: SourceFile
    name: str
    width: int
    height: int


@dataclass
class MoreImagesResult:
    images: list[ObjectImage]  # every further image, in order (to be tiled when new)
    stale_files: list[str]
    stale_tiles: list[str]
    changed: bool


def prepare_more_images(slug: str, relatives: list[str], root: Path) -> list[PreparedImage]:
    """Check each file under ``root``; raises RecordError naming the first bad one."""
    prepared = []
    for relative in relatives:
        source = find_source(root, relative, "image")
        known = ObjectImage.objects.filter(
            collection_object__slug=slug, checksum=source.checksum
        ).first()
        if known is not None:  # same bytes as before: already decoded and measured
            width, height = known.width, known.height
        else:
            width, height = check_image(source.path, max_pixels=settings.VITRINE_MAX_IMAGE_PIXELS)
        name = stored_name(slug=slug, kind="images", source=source)
        prepared.append(PreparedImage(source=source, name=name, width=width, height=height))
    return prepared


def sync_more_images(
    obj: CollectionObject, prepared: list[PreparedImage], alt_text: str, written: list[str]
) -> MoreImagesResult:
    """Make orders 1… exactly ``prepared``; images at later orders are removed."""
    total = len(prepared) + 1
    current = {image.order: image for image in obj.images.filter(order__gte=1)}
    result = MoreImagesResult(images=[], stale_files=[], stale_tiles=[], changed=False)
    for order, wanted in enumerate(prepared, start=1):
        if store_file(source=wanted.source, name=wanted.name):
            written.append(wanted.name)
        text = f"{alt_text} ({order + 1}/{total})"
        image = _sync_one(obj, current.pop(order, None), order, wanted, text, result)
        result.images.append(image)
    for image in current.values():  # the manifest has fewer canvases now
        _log(image, before=audit_snapshot(image), after={}, action=AuditLogEntry.Action.DELETED)
        result.stale_files.append(image.original.name)
        result.stale_tiles.append(image.iiif_identifier)
        result.changed = True
        image.delete()
    return result


def _sync_one(
    obj: CollectionObject,
    current: ObjectImage | None,
    order: int,
    wanted: PreparedImage,
    alt_text: str,
    result: MoreImagesResult,
) -> ObjectImage:
    image = current or ObjectImage(collection_object=obj, order=order)
    old = (image.original.name, image.width, image.height, image.checksum, image.alt_text)
    new = (wanted.name, wanted.width, wanted.height, wanted.source.checksum, alt_text)
    if current is not None and old == new:
        return image
    before = {} if current is None else audit_snapshot(current)
    if current is not None and current.original.name != wanted.name:
        result.stale_files.append(current.original.name)
    if image.checksum != wanted.source.checksum:
        image.tiles_ready = False  # the old tiles show the old original
    image.original = wanted.name
    image.width, image.height = wanted.width, wanted.height
    image.checksum, image.alt_text = wanted.source.checksum, alt_text
    image.save()
    action = AuditLogEntry.Action.CREATED if current is None else AuditLogEntry.Action.CHANGED
    _log(image, before=before, after=audit_snapshot(image), action=action)
    result.changed = True
    return image


def _log(
    image: ObjectImage, *, before: dict[str, object], after: dict[str, object], action: str
) -> None:
    collection_edit_record(
        instance=image, before=before, after=after, action=action, actor_name=IMPORT_ACTOR
    )
