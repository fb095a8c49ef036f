"""Keeps the browse facet tables (exhibition/models/browse_facets.py) in step with the
collection: one object at a time as it is written, or all at once after a bulk import.

Signals, as for the page cache (exhibition/cache_invalidation.py) and for the same reason:
a count that misses one write path would count a restricted object, or lose a public one,
until the next rebuild. Writes that bypass signals (``QuerySet.update``, ``bulk_create``,
raw SQL) are followed by ``browse_facets_rebuild()`` (``manage.py refresh_browse_facets``).
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import F, Model
from django.db.models.signals import post_delete, post_save

from exhibition.models import (
    CollectionObject,
    MachineOutput,
    MachineOutputKind,
    ObjectImage,
    ObjectModel3D,
    Restoration,
    ReviewStatus,
    Visibility,
)
from exhibition.models.browse_facets import (
    BrowseEntry,
    BrowseFacetCell,
    facet_century,
    facet_culture,
)
from exhibition.page_cache import collection_changed

FacetKey = tuple[str, str, int, bool, bool]
KEY_FIELDS = ("object_type", "culture", "century", "has_3d", "has_restoration")
REBUILD_BATCH = 5_000


def _approved_restorations() -> Any:
    return Restoration.objects.filter(machine_output__status=ReviewStatus.APPROVED)


def _key_of(pk: int) -> FacetKey | None:
    """The facet values the object has now, or None when it is not public (or gone)."""
    row = (
        CollectionObject.objects.select_for_update()
        .filter(pk=pk, visibility=Visibility.PUBLIC)
        .values_list("object_type", "culture", "date_start", "date_end")
        .first()
    )
    if row is None:
        return None
    object_type, culture, date_start, date_end = row
    return (
        object_type,
        facet_culture(culture),
        facet_century(date_start, date_end),
        ObjectModel3D.objects.filter(collection_object_id=pk).exists(),
        _approved_restorations().filter(source_image__collection_object_id=pk).exists(),
    )


def _add_to_cell(key: FacetKey, delta: int) -> None:
    cell = BrowseFacetCell.objects.filter(**dict(zip(KEY_FIELDS, key, strict=True)))
    if cell.update(count=F("count") + delta) or delta < 0:
        return
    try:
        with transaction.atomic():
            BrowseFacetCell.objects.create(**dict(zip(KEY_FIELDS, key, strict=True)), count=delta)
    except IntegrityError:  # another writer made the cell first
        cell.update(count=F("count") + delta)


def browse_facets_sync(*, object_ids: Iterable[int]) -> None:
    """Bring these objects' entries, and the counts they are part of, up to date."""
    for pk in sorted(set(object_ids)):
        with transaction.atomic():
            key = _key_of(pk)
            entry = BrowseEntry.objects.select_for_update().filter(object_id=pk).first()
            old = entry.key if entry is not None else None
            if key == old:
                continue
            if old is not None:
                _add_to_cell(old, -1)
            if key is None:
                BrowseEntry.objects.filter(object_id=pk).delete()
                continue
            BrowseEntry.objects.update_or_create(
                object_id=pk, defaults=dict(zip(KEY_FIELDS, key, strict=True))
            )
            _add_to_cell(key, +1)


def _all_keys() -> Iterator[tuple[int, FacetKey]]:
    with_3d = set(ObjectModel3D.objects.values_list("collection_object_id", flat=True))
    restored = set(
        _approved_restorations().values_list("source_image__collection_object_id", flat=True)
    )
    rows = (
        CollectionObject.objects.filter(visibility=Visibility.PUBLIC)
        .order_by()
        .values_list("pk", "object_type", "culture", "date_start", "date_end")
    )
    for pk, object_type, culture, date_start, date_end in rows.iterator(chunk_size=REBUILD_BATCH):
        yield (
            pk,
            (
                object_type,
                facet_culture(culture),
                facet_century(date_start, date_end),
                pk in with_3d,
                pk in restored,
            ),
        )


def browse_facets_rebuild() -> int:
    """Recount every public object from scratch; returns how many were counted."""
    cells: Counter[FacetKey] = Counter()
    batch: list[BrowseEntry] = []
    with transaction.atomic():
        # One statement each: QuerySet.delete() would load every row to send its delete
        # signal (the page cache listens to every model), a million rows at scale.
        with connection.cursor() as cursor:
            for model in (BrowseEntry, BrowseFacetCell):
                table = connection.ops.quote_name(model._meta.db_table)
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (model names)
        for pk, key in _all_keys():
            cells[key] += 1
            batch.append(BrowseEntry(object_id=pk, **dict(zip(KEY_FIELDS, key, strict=True))))
            if len(batch) >= REBUILD_BATCH:
                BrowseEntry.objects.bulk_create(batch)
                batch = []
        BrowseEntry.objects.bulk_create(batch)
        BrowseFacetCell.objects.bulk_create(
            [
                BrowseFacetCell(**dict(zip(KEY_FIELDS, key, strict=True)), count=count)
                for key, count in cells.items()
            ],
            batch_size=REBUILD_BATCH,
        )
        # Pages show these counts (the browse filter form is cached per version): a
        # recount after writes that sent no signal must make them stale too.
        collection_changed()
    return cells.total()


def _object_ids_touched(instance: Model) -> list[int]:
    if isinstance(instance, CollectionObject):
        return [instance.pk]
    if isinstance(instance, ObjectModel3D | ObjectImage):
        return [instance.collection_object_id]
    if isinstance(instance, Restoration):
        image = ObjectImage.objects.filter(pk=instance.source_image_id).first()
        return [image.collection_object_id] if image is not None else []
    if isinstance(instance, MachineOutput) and instance.kind == MachineOutputKind.RESTORATION:
        return [instance.collection_object_id] if instance.collection_object_id else []
    return []


def _on_write(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaddata: the rebuild command counts fixtures
        return
    object_ids = _object_ids_touched(instance)
    if object_ids:
        browse_facets_sync(object_ids=object_ids)


def connect() -> None:
    # An image's own saves change no facet; deleting one takes its restorations with it.
    saved: tuple[type[Model], ...] = (CollectionObject, ObjectModel3D, Restoration, MachineOutput)
    for model in saved:
        uid = f"browse-facets-save-{model.__name__}"
        post_save.connect(_on_write, sender=model, dispatch_uid=uid)
    deleted: tuple[type[Model], ...] = (*saved, ObjectImage)
    for model in deleted:
        uid = f"browse-facets-delete-{model.__name__}"
        post_delete.connect(_on_write, sender=model, dispatch_uid=uid)
