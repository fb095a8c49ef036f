"""The fixed sizes an image is offered at: never a pixel count a visitor chooses."""

from dataclasses import dataclass

from django.conf import settings

# Long edge in pixels, by the name the URL uses; "full" is the original's own size.
SIZES: dict[str, int | None] = {"800": 800, "1600": 1600, "full": None}


@dataclass(frozen=True)
class ImageSize:
    name: str
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def _scaled(width: int, height: int, long_edge: int) -> tuple[int, int]:
    scale = long_edge / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _within_pixel_bound(width: int, height: int) -> tuple[int, int]:
    """Shrunk so the file never holds more pixels than an import may (the same setting)."""
    bound: int = settings.VITRINE_MAX_IMAGE_PIXELS
    if width * height <= bound:
        return width, height
    scale = (bound / (width * height)) ** 0.5
    return max(1, int(width * scale)), max(1, int(height * scale))


def offered_sizes(width: int, height: int) -> list[ImageSize]:
    """The sizes worth offering for an image: none larger than itself, none twice."""
    if width <= 0 or height <= 0:
        return []
    offered: list[ImageSize] = []
    for name, long_edge in SIZES.items():
        if long_edge is not None and long_edge >= max(width, height):
            continue  # the full size covers it
        w, h = (width, height) if long_edge is None else _scaled(width, height, long_edge)
        w, h = _within_pixel_bound(w, h)
        if offered and (offered[-1].width, offered[-1].height) == (w, h):
            # Capped by the pixel bound to the same file: keep the larger size's name.
            offered.pop()
        offered.append(ImageSize(name, w, h))
    return offered


def size_named(name: str, width: int, height: int) -> ImageSize | None:
    """The offered size with this name, or None (unknown name, or not offered here)."""
    return next((size for size in offered_sizes(width, height) if size.name == name), None)
