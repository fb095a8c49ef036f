"""Checks an annotation's selector against what it points at, and normalises it.

Every write goes through ``clean_selector``: rectangles and polygons must lie within the
image's pixels, points within the model's bounding box when the GLB says what it is.
Errors are ValidationErrors with a message a curator can act on.
"""

import json
import math
import struct
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from exhibition.models import ObjectImage, ObjectModel3D
from exhibition.models.annotations import SelectorKind

MAX_POLYGON_POINTS = 200
MIN_POLYGON_POINTS = 3
# A GLB's JSON chunk is read to find the model's bounds; a larger one is not read at all.
MAX_GLB_JSON_BYTES = 8 * 1024 * 1024
# Points picked on the surface may sit a hair outside the accessors' min/max.
BOUNDS_TOLERANCE = 1e-3

Bounds = tuple[tuple[float, float, float], tuple[float, float, float]]


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(_("%(name)s must be a number.") % {"name": name})
    number = float(value)
    if not math.isfinite(number):
        raise ValidationError(_("%(name)s must be a finite number.") % {"name": name})
    return number


def _pixel(value: Any, name: str, limit: int) -> int:
    number = _number(value, name)
    if number < 0 or number > limit:
        raise ValidationError(
            _("%(name)s must be between 0 and %(limit)d pixels.") % {"name": name, "limit": limit}
        )
    return round(number)


def clean_rect(data: Any, image: ObjectImage) -> dict[str, int]:
    if not isinstance(data, dict):
        raise ValidationError(_("A rectangle needs x, y, w and h."))
    x = _pixel(data.get("x"), "x", image.width)
    y = _pixel(data.get("y"), "y", image.height)
    w = _pixel(data.get("w"), "w", image.width)
    h = _pixel(data.get("h"), "h", image.height)
    if w < 1 or h < 1:
        raise ValidationError(_("A rectangle must be at least one pixel wide and high."))
    if x + w > image.width or y + h > image.height:
        raise ValidationError(
            _("The rectangle goes beyond the image (%(width)d × %(height)d pixels).")
            % {"width": image.width, "height": image.height}
        )
    return {"x": x, "y": y, "w": w, "h": h}


def clean_polygon(data: Any, image: ObjectImage) -> dict[str, list[list[int]]]:
    points = data.get("points") if isinstance(data, dict) else None
    if not isinstance(points, list):
        raise ValidationError(_("A polygon needs a list of points."))
    if not MIN_POLYGON_POINTS <= len(points) <= MAX_POLYGON_POINTS:
        raise ValidationError(
            _("A polygon needs between %(low)d and %(high)d points.")
            % {"low": MIN_POLYGON_POINTS, "high": MAX_POLYGON_POINTS}
        )
    cleaned = []
    for point in points:
        if not isinstance(point, list | tuple) or len(point) != 2:
            raise ValidationError(_("Each point of a polygon is a pair x, y."))
        cleaned.append([_pixel(point[0], "x", image.width), _pixel(point[1], "y", image.height)])
    return {"points": cleaned}


def clean_point3d(data: Any, model: ObjectModel3D) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValidationError(_("A point on a model needs x, y and z."))
    position = [_number(data.get(axis), axis) for axis in ("x", "y", "z")]
    raw_normal = data.get("normal", [0, 1, 0])
    if not isinstance(raw_normal, list | tuple) or len(raw_normal) != 3:
        raise ValidationError(_("The normal is three numbers."))
    normal = [_number(value, "normal") for value in raw_normal]
    length = math.sqrt(sum(value * value for value in normal))
    if length < 1e-6:
        raise ValidationError(_("The normal cannot be zero."))
    bounds = model_bounds(model)
    if bounds is not None:
        low, high = bounds
        inside = all(
            low[i] - BOUNDS_TOLERANCE <= position[i] <= high[i] + BOUNDS_TOLERANCE for i in range(3)
        )
        if not inside:
            raise ValidationError(
                _("The point lies outside the model (from %(low)s to %(high)s).")
                % {"low": _triple(low), "high": _triple(high)}
            )
    x, y, z = position
    return {"x": x, "y": y, "z": z, "normal": [round(v / length, 6) for v in normal]}


def _triple(values: tuple[float, float, float]) -> str:
    return " ".join(f"{value:g}" for value in values)


def clean_selector(
    *,
    kind: str,
    data: Any,
    image: ObjectImage | None,
    model: ObjectModel3D | None,
) -> dict[str, Any]:
    """The selector, normalised, or a ValidationError saying what is wrong with it."""
    if kind in (SelectorKind.RECT, SelectorKind.POLYGON):
        if image is None or model is not None:
            raise ValidationError(_("A rectangle or polygon is drawn on an image."))
        if not image.width or not image.height:
            raise ValidationError(_("The image's size is not known yet."))
        if kind == SelectorKind.RECT:
            return clean_rect(data, image)
        return clean_polygon(data, image)
    if kind == SelectorKind.POINT3D:
        if model is None or image is not None:
            raise ValidationError(_("A point is placed on a 3D model."))
        return clean_point3d(data, model)
    raise ValidationError(_("Unknown kind of selector."))


def model_bounds(model: ObjectModel3D) -> Bounds | None:
    """The box the model's vertices fill, from the GLB's own accessor bounds.

    None when it cannot be known cheaply: an unreadable file, or nodes that move their
    meshes (translation, rotation, scale), whose bounds would need the scene graph.
    """
    try:
        with model.glb.open("rb") as handle:
            header = handle.read(20)
            if len(header) < 20 or header[:4] != b"glTF":
                return None
            chunk_length, chunk_type = struct.unpack_from("<II", header, 12)
            if chunk_type != 0x4E4F534A or chunk_length > MAX_GLB_JSON_BYTES:
                return None
            document = json.loads(handle.read(chunk_length))
    except (OSError, ValueError):
        return None
    return _bounds_of(document)


def _bounds_of(document: Any) -> Bounds | None:
    if not isinstance(document, dict):
        return None
    moving = ("matrix", "translation", "rotation", "scale")
    if any(key in node for node in document.get("nodes", []) for key in moving):
        return None
    accessors = document.get("accessors", [])
    low = [math.inf] * 3
    high = [-math.inf] * 3
    for mesh in document.get("meshes", []):
        for primitive in mesh.get("primitives", []):
            index = primitive.get("attributes", {}).get("POSITION")
            if not isinstance(index, int) or not 0 <= index < len(accessors):
                return None
            accessor = accessors[index]
            minimum, maximum = accessor.get("min"), accessor.get("max")
            if not (isinstance(minimum, list) and isinstance(maximum, list)):
                return None
            if len(minimum) != 3 or len(maximum) != 3:
                return None
            for i in range(3):
                low[i] = min(low[i], float(minimum[i]))
                high[i] = max(high[i], float(maximum[i]))
    if not all(math.isfinite(value) for value in (*low, *high)):
        return None
    return (low[0], low[1], low[2]), (high[0], high[1], high[2])
