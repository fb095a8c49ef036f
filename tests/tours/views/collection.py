"""A small public collection on a small map, for the tour pages' tests."""

from dataclasses import dataclass

from exhibition.models import CollectionObject, Visibility
from tests import builders
from tests.tours.views.maps import small_map
from tours.models import GalleryMap


@dataclass(frozen=True)
class Museum:
    prints: list[CollectionObject]
    paintings: list[CollectionObject]
    hidden: CollectionObject
    gallery_map: GalleryMap

    @property
    def public(self) -> list[CollectionObject]:
        return [*self.prints, *self.paintings]


def small_museum(*, is_demo: bool = True) -> Museum:
    """Six public objects (three Japanese prints, three Dutch paintings) and a restricted one,
    all on display."""
    prints = [
        builders.make_object(
            title=f"Wave print {n}", object_type="print", culture="Japan", date_start=1830
        )
        for n in range(1, 4)
    ]
    paintings = [
        builders.make_object(
            title=f"Harbour painting {n}",
            object_type="painting",
            culture="Dutch Republic",
            date_start=1650,
        )
        for n in range(1, 4)
    ]
    hidden = builders.make_object(
        title="Secret restricted drawing", object_type="print", visibility=Visibility.RESTRICTED
    )
    gallery_map = small_map([*prints, *paintings, hidden], is_demo=is_demo)
    return Museum(prints=prints, paintings=paintings, hidden=hidden, gallery_map=gallery_map)
