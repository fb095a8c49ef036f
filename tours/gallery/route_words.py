"""A tour's route in words: the text alternative a page lists beside the SVG map."""

from collections.abc import Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tours.gallery.floors import floor_name
from tours.gallery.shapes import MapRoom, MapRoute, RouteStop


def route_in_words(*, rooms: Sequence[MapRoom], route: MapRoute) -> list[str]:
    """The route as steps to read in order: where to start, where to walk (and through
    which rooms), each numbered stop, and where the route ends."""
    places = _Places(rooms)
    if not route.rooms:
        return [_stop_line(stop, places) for stop in route.stops]
    steps = [_("Start in %(room)s.") % {"room": places.name(route.rooms[0])}]
    waiting = list(route.stops)
    passed: list[str] = []
    for index, slug in enumerate(route.rooms):
        if index:
            passed.append(slug)
        here = _take_stops_in(slug, waiting)
        if here and passed:
            steps.append(_walk_line(passed, places, here[0].walk_seconds))
            passed = []
        steps.extend(_stop_line(stop, places, in_room=False) for stop in here)
    # Stops whose room the route does not name are still listed, with their room.
    steps.extend(_stop_line(stop, places) for stop in waiting)
    if passed:
        steps.append(_walk_line(passed, places, 0.0, finish=True))
    else:
        steps.append(_("Finish in %(room)s.") % {"room": places.name(route.rooms[-1])})
    return steps


class _Places:
    """Room names, with the floor when the building has more than one."""

    def __init__(self, rooms: Sequence[MapRoom]) -> None:
        self.rooms = {room.slug: room for room in rooms}
        self.several_floors = len({room.floor for room in rooms}) > 1

    def name(self, slug: str) -> str:
        room = self.rooms.get(slug)
        if room is None:
            return slug
        return f"{room.name} ({floor_name(room.floor)})" if self.several_floors else room.name


def _take_stops_in(slug: str, waiting: list[RouteStop]) -> list[RouteStop]:
    """The stops at the head of the queue that are in this room, removed from the queue."""
    taken = []
    while waiting and waiting[0].room == slug:
        taken.append(waiting.pop(0))
    return taken


def _walk_line(passed: list[str], places: _Places, seconds: float, *, finish: bool = False) -> str:
    room = places.name(passed[-1])
    through = _join([places.name(slug) for slug in passed[:-1]]) if len(passed) > 1 else ""
    # Whole sentences for the translators: the parts do not fall in the same order in French.
    if through:
        line = _("Walk to %(room)s through %(rooms)s") % {"room": room, "rooms": through}
    else:
        line = _("Walk to %(room)s") % {"room": room}
    if seconds > 0:
        line = _("%(walk)s, %(time)s") % {"walk": line, "time": _duration(seconds)}
    return _("%(walk)s and finish there.") % {"walk": line} if finish else line + "."


def _stop_line(stop: RouteStop, places: _Places, *, in_room: bool = True) -> str:
    values = {"number": stop.number, "label": stop.label}
    if in_room:
        line = _("Stop %(number)s: %(label)s, in %(room)s") % {
            **values,
            "room": places.name(stop.room),
        }
    else:
        line = _("Stop %(number)s: %(label)s") % values
    if stop.view_seconds > 0:
        line += f" ({_duration(stop.view_seconds)})"
    return line + "."


def _duration(seconds: float) -> str:
    if seconds < 60:
        return _("under a minute")
    minutes = round(seconds / 60)
    return ngettext("about %(count)d minute", "about %(count)d minutes", minutes) % {
        "count": minutes
    }


def _join(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(rooms)s and %(last)s") % {"rooms": ", ".join(names[:-1]), "last": names[-1]}
