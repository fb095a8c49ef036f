"""What a tour page shows: the stops with their public objects, progress, the map and route.

A stop whose object has since become restricted or draft is left out, as if it had never
been planned: visibility is decided on the object now, not when the tour was made.
"""

import uuid
from dataclasses import dataclass

from django.http import Http404

from exhibition.models import CollectionObject
from exhibition.selectors import public_objects_with_media
from tours.gallery import selectors as gallery
from tours.gallery.svg import route_drawing
from tours.models import StopStatus, Tour, TourMode, TourStop
from tours.tour_clock import used_seconds


@dataclass(frozen=True)
class StopView:
    stop: TourStop
    obj: CollectionObject
    room_name: str

    @property
    def is_planned(self) -> bool:
        return self.stop.status == StopStatus.PLANNED


@dataclass(frozen=True)
class TourPage:
    tour: Tour
    stops: list[StopView]
    next_stop: StopView | None
    seen: int
    skipped: int
    used_seconds: int
    planned_seconds: int
    map_svg: str  # safe markup from tours.gallery.svg; "" online or with no map
    route_words: list[str]
    is_demo_map: bool

    @property
    def is_online(self) -> bool:
        return self.tour.mode == TourMode.ONLINE

    @property
    def remaining_seconds(self) -> int:
        return max(0, self.tour.budget_seconds - self.used_seconds)

    @property
    def finished(self) -> bool:
        return self.next_stop is None


def get_tour(*, public_id: str | uuid.UUID) -> Tour:
    """The tour with this public id, or Http404 (a malformed id looks absent too)."""
    try:
        key = public_id if isinstance(public_id, uuid.UUID) else uuid.UUID(str(public_id))
        return Tour.objects.select_related("gallery_map").get(public_id=key)
    except (ValueError, Tour.DoesNotExist):
        raise Http404("No such tour") from None


def get_tour_stop(*, tour: Tour, stop_id: object) -> TourStop:
    try:
        return tour.stops.get(pk=int(str(stop_id)))
    except (ValueError, TourStop.DoesNotExist):
        raise Http404("No such stop on this tour") from None


def tour_page(*, tour: Tour) -> TourPage:
    stops = list(tour.stops.select_related("room").order_by("order"))
    objects = public_objects_with_media().in_bulk([s.collection_object_id for s in stops])
    views = [
        StopView(
            stop=s, obj=objects[s.collection_object_id], room_name=s.room.name if s.room else ""
        )
        for s in stops
        if s.collection_object_id in objects
    ]
    upcoming = [view for view in views if view.is_planned]
    map_svg, words = _route(tour, views)
    return TourPage(
        tour=tour,
        stops=views,
        next_stop=upcoming[0] if upcoming else None,
        seen=sum(view.stop.status == StopStatus.SEEN for view in views),
        skipped=sum(view.stop.status == StopStatus.SKIPPED for view in views),
        used_seconds=used_seconds(tour),
        planned_seconds=sum(v.stop.walk_seconds + v.stop.view_seconds for v in views),
        map_svg=map_svg,
        route_words=words,
        is_demo_map=bool(tour.gallery_map and tour.gallery_map.is_demo),
    )


def _route(tour: Tour, views: list[StopView]) -> tuple[str, list[str]]:
    if tour.mode == TourMode.ONLINE or tour.gallery_map is None:
        return "", []
    stops = [(view.obj.title, view.stop.room.slug if view.stop.room else "") for view in views]
    rooms = gallery.route_rooms(
        gallery_map=tour.gallery_map,
        stop_rooms=[room for _, room in stops if room],
        start=str(tour.request.get("start_room", "")),
        end=str(tour.request.get("end_room", "")),
        step_free=bool(tour.request.get("step_free", False)),
    )
    return route_drawing(gallery_map=tour.gallery_map, rooms=rooms, stops=stops)
