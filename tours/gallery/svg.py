"""The gallery map drawn as accessible SVG, optionally with a tour's route, and the route in words.

The drawing is one ``role="img"`` element with a ``<title>`` and ``<desc>``; the route's full
text alternative is ``route_in_words``, which a page shows beside the map. Closed rooms are
hatched, outlined with dashes and labelled "Closed", so the map never relies on colour alone.
Everything is presentation attributes and classes, never inline styles, so the markup works
under the site's Content-Security-Policy; pages may restyle it through the classes.
"""

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from tours.gallery import selectors
from tours.gallery.floors import floor_name
from tours.gallery.route_words import route_in_words
from tours.gallery.shapes import MapRoom, MapRoute, RouteStop
from tours.models import GalleryMap
from tours.planning.museum import MuseumTour

PANEL = 300.0  # the longest side of the largest floor plan, in SVG units
GAP = 32.0
MARGIN = 12.0
HEADING = 26.0
FLOORS_PER_ROW = 2
FONT = 11.0
LINE = 13.0
STOP_RADIUS = 9.0
MIN_STOP_RADIUS = 5.5  # numbers in smaller markers are too small to read
INK = "#1a1a1a"
ROUTE = "#0b5cad"
ID_PREFIX = re.compile(r"^[A-Za-z][-A-Za-z0-9_]*\Z")


def route_from_tour(tour: MuseumTour, *, titles: Mapping[int, str]) -> MapRoute:
    """A planned tour as a route to draw; ``titles`` gives each object's title by id."""
    return MapRoute(
        rooms=tour.rooms,
        stops=tuple(
            RouteStop(
                number=number,
                room=stop.room,
                label=titles.get(stop.key) or _("Object %(id)s") % {"id": stop.key},
                walk_seconds=stop.walk_seconds,
                view_seconds=stop.view_seconds,
            )
            for number, stop in enumerate(tour.stops, 1)
        ),
    )


def route_drawing(
    *, gallery_map: GalleryMap, rooms: Sequence[str], stops: Sequence[tuple[str, str]]
) -> tuple[SafeString, list[str]]:
    """A tour's route on the map, and the same route in words (the text alternative shown
    beside it): ``rooms`` walked through (``selectors.route_rooms``) and the stops in order,
    each ``(title, room slug)``. The map's rooms are read once for both."""
    plan = selectors.map_rooms(gallery_map=gallery_map)
    route = _route(rooms, stops)
    markup = map_svg(
        rooms=plan,
        title=_("Your tour on the plan of %(map)s") % {"map": gallery_map.name},
        route=route,
        id_prefix="tour-map",
    )
    return markup, route_in_words(rooms=plan, route=route)


def _route(rooms: Sequence[str], stops: Sequence[tuple[str, str]]) -> MapRoute:
    return MapRoute(
        rooms=tuple(rooms),
        stops=tuple(
            RouteStop(number=number, room=room, label=title)
            for number, (title, room) in enumerate(stops, 1)
        ),
    )


@dataclass(frozen=True)
class _Panel:
    """Where one floor's plan is drawn: its offset in the SVG and its box in map units."""

    floor: int
    left: float
    top: float
    min_x: float
    min_y: float
    width: float
    height: float


@dataclass(frozen=True)
class _Layout:
    panels: dict[int, _Panel]
    scale: float
    width: float
    height: float

    def point(self, floor: int, x: float, y: float) -> tuple[float, float]:
        panel = self.panels[floor]
        return (
            panel.left + (x - panel.min_x) * self.scale,
            panel.top + HEADING + (y - panel.min_y) * self.scale,
        )


def map_svg(
    *,
    rooms: Sequence[MapRoom],
    title: str,
    route: MapRoute | None = None,
    id_prefix: str = "gallery-map",
) -> SafeString:
    """The map as SVG markup; ``id_prefix`` keeps its ids unique when a page has two maps."""
    if not ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix must be an XML name, not {id_prefix!r}")
    drawn = [room for room in rooms if len(room.shape) >= 3]
    layout = _layout(drawn)
    anchors = {room.slug: _anchor(room, layout) for room in drawn}
    stops = _stop_positions(drawn, route, layout) if route else {}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gallery-map" role="img" '
        'font-family="system-ui, sans-serif" '
        # A natural size that fits a page's column; a page's CSS may scale it (the attributes
        # are presentation hints, so `width: 100%; height: auto` on the class overrides them).
        f'viewBox="0 0 {_n(layout.width)} {_n(layout.height)}" width="{_n(layout.width)}" '
        f'height="{_n(layout.height)}" aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(_description(rooms, route))}</desc>',
        _defs(id_prefix),
        *(_floor_heading(panel) for panel in layout.panels.values()),
        *(_room(room, layout, id_prefix) for room in drawn),
    ]
    # The route runs under the labels (their white halo keeps them readable) and the
    # numbered stops sit on top of everything.
    if route is not None:
        parts.append(_route_path(route, drawn, anchors))
    parts.extend(_label(room, anchors[room.slug], _width(room, layout)) for room in drawn)
    if route is not None:
        parts.extend(
            _stop_marker(stop, stops[stop.number]) for stop in route.stops if stop.number in stops
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def _layout(rooms: Sequence[MapRoom]) -> _Layout:
    """Each floor's plan in a panel of its own, floors side by side in rows, one scale."""
    boxes: dict[int, list[float]] = {}
    for room in rooms:
        xs, ys = [p[0] for p in room.shape], [p[1] for p in room.shape]
        box = boxes.setdefault(room.floor, [math.inf, math.inf, -math.inf, -math.inf])
        box[:] = [min(box[0], *xs), min(box[1], *ys), max(box[2], *xs), max(box[3], *ys)]
    extent = max([max(b[2] - b[0], b[3] - b[1]) for b in boxes.values()] or [1.0]) or 1.0
    scale = PANEL / extent
    panels: dict[int, _Panel] = {}
    left = top = MARGIN
    row_height = width = 0.0
    for index, floor in enumerate(sorted(boxes)):
        min_x, min_y, max_x, max_y = boxes[floor]
        if index and index % FLOORS_PER_ROW == 0:
            left, top, row_height = MARGIN, top + row_height + GAP, 0.0
        panel = _Panel(
            floor, left, top, min_x, min_y, (max_x - min_x) * scale, (max_y - min_y) * scale
        )
        panels[floor] = panel
        left += panel.width + GAP
        width = max(width, left - GAP + MARGIN)
        row_height = max(row_height, HEADING + panel.height)
    return _Layout(panels, scale, max(width, 2 * MARGIN), top + row_height + MARGIN)


def _anchor(room: MapRoom, layout: _Layout) -> tuple[float, float]:
    """Where the room's label and the route's line sit: the outline's centroid."""
    points = room.shape
    pairs = list(zip(points, points[1:] + points[:1], strict=True))
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2
    if math.isclose(area, 0.0, abs_tol=1e-9):
        x = sum(p[0] for p in points) / len(points)
        y = sum(p[1] for p in points) / len(points)
    else:
        x = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
        y = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in pairs) / (6 * area)
    return layout.point(room.floor, x, y)


def _defs(prefix: str) -> str:
    return (
        f'<defs><pattern id="{prefix}-closed" width="8" height="8" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="8" height="8" fill="#ecebe8"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#a19d95" stroke-width="3"/>'
        "</pattern></defs>"
    )


def _floor_heading(panel: _Panel) -> str:
    return (
        f'<text class="gallery-map__floor" x="{_n(panel.left)}" y="{_n(panel.top + FONT + 4)}" '
        f'font-size="{_n(FONT + 2)}" font-weight="bold" fill="{INK}">'
        f"{escape(floor_name(panel.floor).capitalize())}</text>"
    )


def _room(room: MapRoom, layout: _Layout, prefix: str) -> str:
    points = " ".join(
        f"{_n(x)},{_n(y)}" for x, y in (layout.point(room.floor, *p) for p in room.shape)
    )
    classes = "gallery-map__room" + "".join(
        f" gallery-map__room--{flag}"
        for flag, on in (
            ("closed", room.is_closed),
            ("entrance", room.is_entrance),
            ("exit", room.is_exit),
        )
        if on
    )
    fill = f"url(#{prefix}-closed)" if room.is_closed else "#f7f4ee"
    dashes = ' stroke-dasharray="6 4"' if room.is_closed else ""
    return (
        f'<polygon class="{classes}" points="{points}" fill="{fill}" stroke="#4d4a45" '
        f'stroke-width="1.5"{dashes}/>'
    )


def _width(room: MapRoom, layout: _Layout) -> float:
    return (max(p[0] for p in room.shape) - min(p[0] for p in room.shape)) * layout.scale


def _label(room: MapRoom, anchor: tuple[float, float], width: float) -> str:
    """The room's name, wrapped to its width, then "Closed" and "Entrance"/"Exit" if so."""
    lines = [(line, "") for line in _wrap(room.name, width * 0.9)]
    if room.is_closed:
        lines.append((pgettext("room", "Closed"), ' font-weight="bold"'))
    if room.is_entrance and room.is_exit:
        role = _("Entrance and exit")
    else:
        role = _("Entrance") if room.is_entrance else _("Exit") if room.is_exit else ""
    if role:
        lines.append((role, ' font-style="italic"'))
    x, y = anchor
    top = y - (len(lines) - 1) * LINE / 2 + FONT / 3
    spans = "".join(
        f'<tspan x="{_n(x)}" y="{_n(top + i * LINE)}"{extra}>{escape(text)}</tspan>'
        for i, (text, extra) in enumerate(lines)
    )
    closed = " gallery-map__label--closed" if room.is_closed else ""
    return (
        f'<text class="gallery-map__label{closed}" '
        f'text-anchor="middle" font-size="{_n(FONT)}" '
        f'fill="{INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">{spans}</text>'
    )


def _wrap(text: str, width: float) -> list[str]:
    """Greedy word wrap by an estimated glyph width (the drawing has no font metrics)."""
    most = max(4, int(width / (FONT * 0.56)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


def _stop_positions(
    rooms: Sequence[MapRoom], route: MapRoute, layout: _Layout
) -> dict[int, tuple[float, float, float]]:
    """Each stop's marker (centre and radius), in rows below its room's label; a room with
    more stops than fit gets smaller markers, so none spills onto the next room."""
    by_slug = {room.slug: room for room in rooms}
    positions: dict[int, tuple[float, float, float]] = {}
    in_room: dict[str, list[RouteStop]] = {}
    for stop in route.stops:
        if stop.room in by_slug:
            in_room.setdefault(stop.room, []).append(stop)
    for slug, stops in in_room.items():
        room = by_slug[slug]
        x, y = _anchor(room, layout)
        width = _width(room, layout)
        top = y + 2.2 * LINE
        bottom = layout.point(room.floor, 0.0, max(p[1] for p in room.shape))[1] - 2
        radius, per_row = _marker_size(len(stops), width, bottom - top)
        step = 2 * radius + 3
        for index, stop in enumerate(stops):
            row, column = divmod(index, per_row)
            count = min(per_row, len(stops) - row * per_row)
            positions[stop.number] = (
                x + (column - (count - 1) / 2) * step,
                top + row * step,
                radius,
            )
    return positions


def _marker_size(count: int, width: float, height: float) -> tuple[float, int]:
    """The largest marker radius (down to MIN_STOP_RADIUS) whose rows fit the room."""
    radius = STOP_RADIUS
    while True:
        step = 2 * radius + 3
        per_row = max(1, int(width * 0.9 // step))
        rows = math.ceil(count / per_row)
        if (rows - 1) * step + radius <= height or radius <= MIN_STOP_RADIUS:
            return radius, per_row
        radius = max(MIN_STOP_RADIUS, radius - 0.5)


def _route_path(
    route: MapRoute, rooms: Sequence[MapRoom], anchors: Mapping[str, tuple[float, float]]
) -> str:
    """The walk through the rooms' centres; steps between floors are drawn dashed."""
    floors = {room.slug: room.floor for room in rooms}
    walked = [slug for slug in route.rooms if slug in anchors]
    level: list[str] = []
    between: list[str] = []
    for here, there in itertools.pairwise(walked):
        (x1, y1), (x2, y2) = anchors[here], anchors[there]
        segment = f"M{_n(x1)},{_n(y1)} L{_n(x2)},{_n(y2)}"
        (level if floors[here] == floors[there] else between).append(segment)
    parts = [
        '<g class="gallery-map__route" fill="none" stroke-linecap="round" stroke-linejoin="round">'
    ]
    if level:
        parts.append(f'<path d="{" ".join(level)}" stroke="{ROUTE}" stroke-width="3.5"/>')
    if between:
        parts.append(
            f'<path class="gallery-map__route-floors" d="{" ".join(between)}" stroke="{ROUTE}" '
            'stroke-width="2" stroke-dasharray="2 5"/>'
        )
    return "".join(parts) + "</g>"


def _stop_marker(stop: RouteStop, position: tuple[float, float, float]) -> str:
    x, y, radius = position
    shrink = radius / STOP_RADIUS
    return (
        f'<g class="gallery-map__stop"><circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}" '
        f'fill="{ROUTE}" stroke="#ffffff" stroke-width="1.5"/>'
        f'<text x="{_n(x)}" y="{_n(y + 3.5 * shrink)}" text-anchor="middle" '
        f'font-size="{_n(10 * shrink)}" font-weight="bold" fill="#ffffff">{stop.number}</text></g>'
    )


def _description(rooms: Sequence[MapRoom], route: MapRoute | None) -> str:
    floors = sorted({room.floor for room in rooms})
    where = ", ".join(floor_name(floor) for floor in floors)
    sentences = [
        ngettext(
            "Plan of %(count)d room (%(floors)s).",
            "Plan of %(count)d rooms (%(floors)s).",
            len(rooms),
        )
        % {"count": len(rooms), "floors": where}
    ]
    closed = [room.name for room in rooms if room.is_closed]
    if closed:
        sentences.append(_("Closed today: %(rooms)s.") % {"rooms": ", ".join(closed)})
    if route is not None:
        stops = len(route.stops)
        sentences.append(
            ngettext(
                "The route has %(count)d numbered stop; "
                "the list of steps beside the map describes it in words.",
                "The route has %(count)d numbered stops; "
                "the list of steps beside the map describes it in words.",
                stops,
            )
            % {"count": stops}
        )
    return " ".join(sentences)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
