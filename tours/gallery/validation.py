"""Checks a gallery-map document (docs/gallery-map.md) and turns it into a ``MapSpec``.

Every problem is reported with its JSON path and a reason, so a curator fixes the whole file in
one go; a document with any error gives no spec. Object references are only collected here:
whether they name real objects is the loader's question (it needs the database).
"""

import math
import re
from collections import deque
from dataclasses import dataclass
from typing import Any

FORMAT = "vitrine-gallery-map/1"
# Bounds on what one file may hold: a large museum fits, a runaway file is refused.
MAX_ROOMS = 1000
MAX_LINKS = 5000
MAX_OBJECTS_PER_ROOM = 5000
MAX_SHAPE_POINTS = 200
MAX_COORDINATE = 100_000
MAX_SECONDS = 3600
MIN_FLOOR, MAX_FLOOR = -20, 200
MAX_NAME = 200
MAX_SLUG = 100
MAX_REFERENCE = 200
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")

MAP_KEYS = {"format", "name", "rooms"}, {"$schema", "is_demo", "viewing_seconds", "links"}
ROOM_KEYS = (
    {"slug", "name", "shape"},
    {"floor", "is_closed", "is_entrance", "is_exit", "objects"},
)
LINK_KEYS = {"between", "walking_seconds"}, {"step_free"}


@dataclass(frozen=True)
class MapError:
    """One problem in a map file: where (a JSON path such as ``$.rooms[2].shape``) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class ObjectRef:
    """An object named in a room's ``objects`` list: an accession number or a slug."""

    reference: str
    path: str


@dataclass(frozen=True)
class RoomSpec:
    slug: str
    name: str
    floor: int
    shape: tuple[tuple[float, float], ...]
    is_closed: bool
    is_entrance: bool
    is_exit: bool
    objects: tuple[ObjectRef, ...]


@dataclass(frozen=True)
class LinkSpec:
    room_a: str
    room_b: str
    walking_seconds: int
    step_free: bool


@dataclass(frozen=True)
class MapSpec:
    name: str
    is_demo: bool
    viewing_seconds: dict[str, int]
    rooms: tuple[RoomSpec, ...]
    links: tuple[LinkSpec, ...]


class _Errors(list[MapError]):
    def add(self, path: str, reason: str) -> None:
        self.append(MapError(path, reason))


def validate_gallery_map(document: Any) -> tuple[MapSpec | None, list[MapError]]:
    """The map a parsed JSON document describes, or None and every error in it."""
    errors = _Errors()
    fields = _fields(document, "$", MAP_KEYS, errors)
    if fields is None:
        return None, list(errors)
    if "format" in fields and fields["format"] != FORMAT:
        errors.add("$.format", f'must be "{FORMAT}"')
    name = _text(fields.get("name"), "$.name", MAX_NAME, errors)
    is_demo = _flag(fields.get("is_demo", False), "$.is_demo", errors)
    viewing = _viewing_seconds(fields.get("viewing_seconds", {}), errors)
    rooms = _rooms(fields.get("rooms"), errors)
    links = _links(fields.get("links", []), _named_rooms(fields.get("rooms")), errors)
    if not errors:
        # Only a map whose every part is valid is checked as a whole: a room dropped for a
        # typo would otherwise look unreachable, or leave the map without an entrance.
        _check_rooms_together(rooms, links, errors)
    if errors:
        return None, list(errors)
    return MapSpec(name, is_demo, viewing, tuple(rooms), tuple(links)), []


def _viewing_seconds(value: Any, errors: _Errors) -> dict[str, int]:
    path = "$.viewing_seconds"
    if not isinstance(value, dict):
        errors.add(path, "must be an object mapping object types to seconds")
        return {}
    seconds: dict[str, int] = {}
    for key, raw in value.items():
        entry_path = f"{path}[{_quote(key)}]"
        object_type = key.strip().casefold()
        if not object_type or len(object_type) > MAX_SLUG:
            errors.add(entry_path, f"an object type must be 1 to {MAX_SLUG} characters")
        elif object_type in seconds:
            errors.add(entry_path, f"object type '{object_type}' is given twice")
        number = _whole(raw, entry_path, 1, MAX_SECONDS, errors)
        if number is not None:
            seconds[object_type] = number
    return seconds


def _rooms(value: Any, errors: _Errors) -> list[RoomSpec]:
    items = _items(value, "$.rooms", 1, MAX_ROOMS, errors)
    rooms: list[RoomSpec] = []
    first_path: dict[str, str] = {}
    for index, raw in enumerate(items):
        path = f"$.rooms[{index}]"
        room = _room(raw, path, errors)
        if room is None:
            continue
        if room.slug in first_path:
            errors.add(
                f"{path}.slug", f"room '{room.slug}' is already defined at {first_path[room.slug]}"
            )
            continue
        first_path[room.slug] = path
        rooms.append(room)
    _check_each_object_once(rooms, errors)
    return rooms


def _named_rooms(value: Any) -> set[str]:
    """The slugs the rooms give, valid or not, so that links to a faulty room are not
    reported as links to a missing one."""
    if not isinstance(value, list):
        return set()
    return {r["slug"] for r in value if isinstance(r, dict) and isinstance(r.get("slug"), str)}


def _room(value: Any, path: str, errors: _Errors) -> RoomSpec | None:
    before = len(errors)
    fields = _fields(value, path, ROOM_KEYS, errors)
    if fields is None:
        return None
    slug = _slug(fields.get("slug"), f"{path}.slug", errors)
    name = _text(fields.get("name"), f"{path}.name", MAX_NAME, errors)
    floor = _whole(fields.get("floor", 0), f"{path}.floor", MIN_FLOOR, MAX_FLOOR, errors)
    shape = _shape(fields.get("shape"), f"{path}.shape", errors)
    closed, entrance, exit_ = (
        _flag(fields.get(key, False), f"{path}.{key}", errors)
        for key in ("is_closed", "is_entrance", "is_exit")
    )
    objects = _object_refs(fields.get("objects", []), f"{path}.objects", errors)
    if len(errors) > before or floor is None:
        return None
    return RoomSpec(slug, name, floor, shape, closed, entrance, exit_, objects)


def _shape(value: Any, path: str, errors: _Errors) -> tuple[tuple[float, float], ...]:
    items = _items(value, path, 3, MAX_SHAPE_POINTS, errors)
    points: list[tuple[float, float]] = []
    for index, raw in enumerate(items):
        point_path = f"{path}[{index}]"
        if not isinstance(raw, list) or len(raw) != 2 or not all(_is_number(v) for v in raw):
            errors.add(point_path, "a point must be [x, y], two numbers")
        elif any(abs(v) > MAX_COORDINATE for v in raw):
            errors.add(point_path, f"coordinates must lie within ±{MAX_COORDINATE}")
        else:
            points.append((float(raw[0]), float(raw[1])))
    if len(points) == len(items) >= 3 and math.isclose(_area(points), 0.0, abs_tol=1e-9):
        errors.add(path, "the outline has no area (its points lie on one line)")
    return tuple(points)


def _object_refs(value: Any, path: str, errors: _Errors) -> tuple[ObjectRef, ...]:
    items = _items(value, path, 0, MAX_OBJECTS_PER_ROOM, errors)
    refs: list[ObjectRef] = []
    for index, raw in enumerate(items):
        item_path = f"{path}[{index}]"
        if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_REFERENCE:
            errors.add(
                item_path,
                f"an object is named by its accession number or slug (1 to {MAX_REFERENCE} "
                "characters)",
            )
        else:
            refs.append(ObjectRef(raw.strip(), item_path))
    return tuple(refs)


def _check_each_object_once(rooms: list[RoomSpec], errors: _Errors) -> None:
    first_path: dict[str, str] = {}
    for room in rooms:
        for ref in room.objects:
            if ref.reference in first_path:
                errors.add(
                    ref.path, f"'{ref.reference}' is already placed at {first_path[ref.reference]}"
                )
            else:
                first_path[ref.reference] = ref.path


def _links(value: Any, room_slugs: set[str], errors: _Errors) -> list[LinkSpec]:
    items = _items(value, "$.links", 0, MAX_LINKS, errors)
    links: list[LinkSpec] = []
    first_path: dict[tuple[frozenset[str], bool], str] = {}
    for index, raw in enumerate(items):
        path = f"$.links[{index}]"
        link = _link(raw, path, room_slugs, errors)
        if link is None:
            continue
        # Two ways between the same rooms are fine (stairs and a lift); the same way twice is not.
        key = (frozenset((link.room_a, link.room_b)), link.step_free)
        if key in first_path:
            errors.add(path, f"the same link is already given at {first_path[key]}")
            continue
        first_path[key] = path
        links.append(link)
    return links


def _link(value: Any, path: str, room_slugs: set[str], errors: _Errors) -> LinkSpec | None:
    before = len(errors)
    fields = _fields(value, path, LINK_KEYS, errors)
    if fields is None:
        return None
    ends = _link_ends(fields.get("between"), f"{path}.between", room_slugs, errors)
    seconds = _whole(
        fields.get("walking_seconds"), f"{path}.walking_seconds", 1, MAX_SECONDS, errors
    )
    step_free = _flag(fields.get("step_free", True), f"{path}.step_free", errors)
    if len(errors) > before or ends is None or seconds is None:
        return None
    return LinkSpec(ends[0], ends[1], seconds, step_free)


def _link_ends(
    value: Any, path: str, room_slugs: set[str], errors: _Errors
) -> tuple[str, str] | None:
    if value is None:
        return None  # missing: reported by _fields
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) for v in value):
        errors.add(path, "must list the slugs of the two rooms the link joins")
        return None
    unknown = [(i, slug) for i, slug in enumerate(value) if slug not in room_slugs]
    for index, slug in unknown:
        errors.add(f"{path}[{index}]", f"no room '{slug}' in this map")
    if value[0] == value[1]:
        errors.add(path, "a link joins two different rooms")
    if unknown or value[0] == value[1]:
        return None
    return value[0], value[1]


def _check_rooms_together(rooms: list[RoomSpec], links: list[LinkSpec], errors: _Errors) -> None:
    """A usable map has an entrance and an exit, and every room can be walked to."""
    if not rooms:
        return
    if not any(room.is_entrance for room in rooms):
        errors.add("$.rooms", 'no room is an entrance: set "is_entrance": true on at least one')
    if not any(room.is_exit for room in rooms):
        errors.add("$.rooms", 'no room is an exit: set "is_exit": true on at least one')
    reachable = _reachable({r.slug for r in rooms if r.is_entrance}, links)
    for index, room in enumerate(rooms):
        if reachable and room.slug not in reachable:
            errors.add(
                f"$.rooms[{index}]", f"room '{room.slug}' cannot be reached from an entrance"
            )


def _reachable(start: set[str], links: list[LinkSpec]) -> set[str]:
    """Rooms reachable from ``start`` (closures are temporary, so closed rooms count)."""
    neighbours: dict[str, list[str]] = {}
    for link in links:
        neighbours.setdefault(link.room_a, []).append(link.room_b)
        neighbours.setdefault(link.room_b, []).append(link.room_a)
    seen, queue = set(start), deque(start)
    while queue:
        for other in neighbours.get(queue.popleft(), []):
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return seen


# Small checks of single values. Each adds its error and returns a usable value or None.


def _fields(
    value: Any, path: str, keys: tuple[set[str], set[str]], errors: _Errors
) -> dict[str, Any] | None:
    required, optional = keys
    if not isinstance(value, dict):
        errors.add(path, "must be an object")
        return None
    for key in value:
        if key not in required | optional:
            allowed = ", ".join(sorted(required | optional))
            errors.add(f"{path}.{key}", f"unknown key (the keys here are: {allowed})")
    for key in sorted(required - value.keys()):
        errors.add(f"{path}.{key}", "is required")
    return value


def _items(value: Any, path: str, least: int, most: int, errors: _Errors) -> list[Any]:
    if value is None:
        return []  # missing: reported by _fields
    if not isinstance(value, list):
        errors.add(path, "must be a list")
        return []
    if not least <= len(value) <= most:
        errors.add(path, f"must hold {least} to {most} items, not {len(value)}")
        return value[:most]
    return value


def _text(value: Any, path: str, max_length: int, errors: _Errors) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or not value.strip() or len(value) > max_length:
        errors.add(path, f"must be text of 1 to {max_length} characters")
        return ""
    return value.strip()


def _slug(value: Any, path: str, errors: _Errors) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_SLUG or not SLUG.match(value):
        errors.add(
            path,
            f"must be a slug of 1 to {MAX_SLUG} letters, digits, hyphens or underscores",
        )
        return ""
    return value


def _flag(value: Any, path: str, errors: _Errors) -> bool:
    if not isinstance(value, bool):
        errors.add(path, "must be true or false")
        return False
    return value


def _whole(value: Any, path: str, least: int, most: int, errors: _Errors) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        errors.add(path, f"must be a whole number from {least} to {most}")
        return None
    if not least <= value <= most:
        errors.add(path, f"must be from {least} to {most}, not {value}")
        return None
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _area(points: list[tuple[float, float]]) -> float:
    """The polygon's signed area (shoelace formula)."""
    pairs = zip(points, points[1:] + points[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2


def _quote(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
