"""Curators' changes to a gallery map that are more than one field of one row."""

from django.db import transaction
from django.db.models import QuerySet

from tours.models import GalleryMap, Room


@transaction.atomic
def gallery_map_make_current(*, gallery_map: GalleryMap) -> None:
    """Make this the map tours are planned on; only one map is current at a time."""
    GalleryMap.objects.filter(is_current=True).exclude(pk=gallery_map.pk).update(is_current=False)
    if not gallery_map.is_current:
        gallery_map.is_current = True
        gallery_map.save(update_fields=["is_current"])


def rooms_set_closed(*, rooms: QuerySet[Room], closed: bool) -> int:
    """Close rooms to visitors (or open them again); returns how many changed."""
    return rooms.exclude(is_closed=closed).update(is_closed=closed)
