"""What an object's picture shows, measured: the facts a description may state about it.

Three measurements, each kept with its numbers so a sentence built on it can be traced:

- format and orientation, from the pixel size;
- dominant colours (a small median-cut palette, each colour named from a short table of
  everyday names by the nearest in CIE Lab), overall and per third from left to right;
- the image classifier's visual concepts (search's encoder), only those it is fairly sure
  of and that curators have not blocked (search.explanations: the same rules as search's
  "Looks like"), said as "appears to show".

A 3D model's rendered poster is measured the same way, less its plain backdrop, and its
pixel size says nothing about the object, so it gets no format.
"""

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from django.db.models.fields.files import FieldFile

from exhibition.models import CollectionObject
from search.encoders.base import Concept
from search.explanations import CONCEPT_MIN_PROBABILITY, blocked_words, is_shown, plain_label

if TYPE_CHECKING:
    from PIL import Image

# Decoded at most this many pixels on the long side: colours and the classifier need few.
ANALYSIS_SIDE = 256
PALETTE_SIZE = 8
# A colour is named when it covers at least this share of the picture.
MIN_COLOUR_SHARE = 0.12
MAX_COLOURS = 3
MAX_CONCEPTS = 2
# Within this ratio of 1 (long side / short side) a picture is called square.
SQUARE_TOLERANCE = 1.08
# The plain backdrop 3D posters are rendered on (exhibition/model_posters.py PAGE).
POSTER_BACKDROP = (244, 241, 234)
BACKDROP_DISTANCE = 12.0
# A pixel less opaque than this is background, not picture.
OPAQUE_ALPHA = 128

# Everyday colour names and a typical sRGB value of each: coarse on purpose (a listener
# needs "dark brown", not "umber"); the nearest in CIE Lab names a measured colour.
COLOUR_NAMES: dict[str, tuple[int, int, int]] = {
    "black": (20, 20, 20),
    "dark grey": (70, 70, 70),
    "grey": (128, 128, 128),
    "pale grey": (195, 195, 190),
    "white": (245, 245, 240),
    "cream": (238, 226, 190),
    "beige": (205, 185, 150),
    "ochre": (200, 150, 60),
    "yellow": (235, 210, 40),
    "orange": (230, 120, 30),
    "red": (190, 30, 30),
    "dark red": (110, 20, 25),
    "pink": (230, 160, 170),
    "brown": (130, 85, 45),
    "dark brown": (65, 42, 25),
    "olive green": (110, 110, 50),
    "green": (50, 130, 60),
    "dark green": (25, 60, 35),
    "teal": (30, 120, 120),
    "light blue": (150, 190, 225),
    "blue": (40, 80, 170),
    "dark blue": (20, 30, 80),
    "purple": (110, 50, 130),
}


@dataclass(frozen=True)
class NamedColour:
    name: str
    share: float  # of the measured pixels, 0-1


@dataclass
class ImageMeasurement:
    """What was measured on one picture; stored with the draft so its sentences trace."""

    source: str  # "image" (the object's first image) or "poster" (a 3D model's poster)
    width: int
    height: int
    orientation: str  # "landscape", "portrait", "square", or "" for a poster
    colours: list[NamedColour] = field(default_factory=list)
    # The most common colour of the left, middle and right thirds, in that order.
    thirds: list[str] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    concept_threshold: float = CONCEPT_MIN_PROBABILITY

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["concepts"] = [[c.label, round(c.score, 4)] for c in self.concepts]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ImageMeasurement":
        return cls(
            source=str(data.get("source", "image")),
            width=int(data.get("width", 0)),
            height=int(data.get("height", 0)),
            orientation=str(data.get("orientation", "")),
            colours=[NamedColour(str(c["name"]), float(c["share"])) for c in data["colours"]],
            thirds=[str(name) for name in data.get("thirds", [])],
            concepts=[Concept(str(label), float(score)) for label, score in data["concepts"]],
            concept_threshold=float(data.get("concept_threshold", CONCEPT_MIN_PROBABILITY)),
        )


def orientation_of(width: int, height: int) -> str:
    if width <= 0 or height <= 0:
        return ""
    ratio = max(width, height) / min(width, height)
    if ratio <= SQUARE_TOLERANCE:
        return "square"
    return "landscape" if width > height else "portrait"


def _srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """(n, 3) sRGB 0-255 to CIE Lab (D65): distances there follow what eyes see."""
    c = rgb.astype(np.float64) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = linear @ np.array(
        [[0.4124, 0.2126, 0.0193], [0.3576, 0.7152, 0.1192], [0.1805, 0.0722, 0.9505]]
    )
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack(
        [116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1
    )


_NAMES = list(COLOUR_NAMES)
_NAME_LAB = _srgb_to_lab(np.array(list(COLOUR_NAMES.values())))


def colour_names(rgb: np.ndarray) -> list[str]:
    """The everyday name of each (n, 3) sRGB colour."""
    distances = np.linalg.norm(_srgb_to_lab(rgb)[:, None, :] - _NAME_LAB[None, :, :], axis=2)
    return [_NAMES[i] for i in distances.argmin(axis=1)]


def _pixels(picture: "Image.Image") -> tuple[np.ndarray, np.ndarray]:
    """(height, width, 3) uint8, at most ANALYSIS_SIDE on the long side, and where the
    picture is see-through (a model's poster is transparent around the model)."""
    small = picture.convert("RGBA")
    small.thumbnail((ANALYSIS_SIDE, ANALYSIS_SIDE))
    array = np.asarray(small, dtype=np.uint8)
    see_through = array[..., 3] < OPAQUE_ALPHA
    pixels = array[..., :3].copy()
    # Transparent pixels carry arbitrary colour (often black): painted as the backdrop,
    # they take no palette entry from the picture and are never named.
    pixels[see_through] = POSTER_BACKDROP
    return pixels, see_through


def _named_pixels(
    pixels: np.ndarray, see_through: np.ndarray, *, drop_backdrop: bool
) -> np.ndarray:
    """The colour name of every pixel, through a median-cut palette; "" for the backdrop
    and for see-through pixels."""
    from PIL import Image

    height, width, _ = pixels.shape
    quantised = Image.fromarray(pixels).quantize(
        colors=PALETTE_SIZE, method=Image.Quantize.MEDIANCUT
    )
    palette = np.array((quantised.getpalette() or [])[: PALETTE_SIZE * 3], dtype=np.uint8).reshape(
        -1, 3
    )
    names = np.array([*colour_names(palette), ""], dtype=object)
    indexes = np.asarray(quantised, dtype=np.int64)
    if drop_backdrop:
        distance = np.linalg.norm(
            pixels.astype(np.float64) - np.array(POSTER_BACKDROP, dtype=np.float64), axis=2
        )
        indexes = np.where(distance <= BACKDROP_DISTANCE, len(names) - 1, indexes)
    indexes = np.where(see_through, len(names) - 1, indexes)
    return names[indexes].reshape(height, width)


def _dominant(names: np.ndarray) -> list[NamedColour]:
    counts = Counter(str(name) for name in names.ravel() if name)
    total = sum(counts.values())
    if not total:
        return []
    return [
        NamedColour(name, round(count / total, 3))
        for name, count in counts.most_common(MAX_COLOURS)
        if count / total >= MIN_COLOUR_SHARE
    ]


def _thirds(names: np.ndarray) -> list[str]:
    width = names.shape[1]
    if width < 3:
        return []
    cuts = [0, width // 3, 2 * width // 3, width]
    result = []
    for left, right in itertools.pairwise(cuts):
        top = _dominant(names[:, left:right])
        result.append(top[0].name if top else "")
    return result if all(result) else []


def said_concepts(concepts: Sequence[Concept], blocked: frozenset[str]) -> list[Concept]:
    """The concepts sure enough to say and not blocked, one per plain name, best first."""
    seen: set[str] = set()
    kept = []
    for concept in sorted(concepts, key=lambda c: -c.score):
        name = plain_label(concept.label).lower()
        if is_shown(concept, blocked) and name not in seen:
            seen.add(name)
            kept.append(concept)
    return kept[:MAX_CONCEPTS]


def read_concepts(picture: "Image.Image") -> list[Concept]:
    """The image classifier's concepts for this picture (search's encoder, loaded once)."""
    from search.encoders import get_image_encoder

    return list(get_image_encoder().encode_images([on_backdrop(picture)])[0].concepts)


def on_backdrop(picture: "Image.Image") -> "Image.Image":
    """The picture as RGB, see-through parts shown on the posters' backdrop, not black."""
    from PIL import Image

    if "A" not in picture.getbands() and "transparency" not in picture.info:
        return picture.convert("RGB")
    rgba = picture.convert("RGBA")
    backdrop = Image.new("RGBA", rgba.size, (*POSTER_BACKDROP, 255))
    return Image.alpha_composite(backdrop, rgba).convert("RGB")


def measure_picture(picture: "Image.Image", *, source: str) -> ImageMeasurement:
    """Measure one decoded picture: format, colours, and the concepts the classifier is sure of."""
    is_poster = source == "poster"
    width, height = picture.info.get("original_size", picture.size)
    pixels, see_through = _pixels(picture)
    names = _named_pixels(pixels, see_through, drop_backdrop=is_poster)
    return ImageMeasurement(
        source=source,
        width=width,
        height=height,
        orientation="" if is_poster else orientation_of(width, height),
        colours=_dominant(names),
        thirds=[] if is_poster else _thirds(names),
        concepts=said_concepts(read_concepts(picture), blocked_words()),
    )


@dataclass(frozen=True)
class ObjectPicture:
    """The picture a description is drafted from, with what identifies it for provenance."""

    picture: "Image.Image"
    source: str  # "image" or "poster"
    checksum: str  # the image's SHA-256 as recorded, or the model's for a poster


def object_picture(collection_object: CollectionObject) -> ObjectPicture | None:
    """The object's first image, else its first 3D model's poster, decoded small; None if
    it has neither (a description is then drafted from the record alone)."""
    image = collection_object.images.order_by("order", "pk").first()
    if image is not None and image.original:
        return ObjectPicture(_open(image.original), "image", image.checksum)
    model = collection_object.models3d.exclude(poster="").order_by("order", "pk").first()
    if model is not None and model.poster:
        return ObjectPicture(_open(model.poster), "poster", model.checksum)
    return None


def _open(file: FieldFile) -> "Image.Image":
    from PIL import Image

    with file.open("rb") as handle:
        picture = Image.open(handle)
        # JPEGs decode at a reduced scale: the measurements need few pixels. The size
        # read before the draft is the real one, which format and orientation need.
        size = picture.size
        picture.draft("RGB", (ANALYSIS_SIDE * 2, ANALYSIS_SIDE * 2))
        picture.load()
    picture.info["original_size"] = size
    return picture
