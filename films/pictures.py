"""An object's picture laid out for the film: the whole object, fitted inside the frame.

The picture is shown whole (a portrait painting is not cropped to 16:9), centred on a dark
ground, drawn at ``CANVAS_SCALE`` times the frame size so that the slow zoom ffmpeg applies
later moves by fractions of an output pixel instead of visible one-pixel steps. Large
originals are decoded at a reduced scale (JPEG draft mode) and the pixel limit is checked
from the header before anything is decoded.
"""

import warnings

from django.conf import settings
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps, UnidentifiedImageError

from exhibition.image_limits import too_many_pixels_message
from films.formats import FilmFormat

CANVAS_SCALE = 2
GROUND = (17, 17, 17)
# The picture's box within the frame (as shares of its sides) and the height of the box's
# centre: the top of the frame is left for the object's title (``films.cards.title_band``),
# and the picture may run under the captions at its foot, as pictures do in any film.
BOX = (0.9, 0.7)
BOX_CENTRE_Y = 0.61


class PictureError(ValueError):
    """The picture cannot be used; the message says why."""


def _open_upright(file: FieldFile, longest_side: int) -> Image.Image:
    limit = int(settings.VITRINE_MAX_IMAGE_PIXELS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with file.open("rb") as handle, Image.open(handle) as opened:
                width, height = opened.size
                if width * height > limit:
                    raise PictureError(too_many_pixels_message(width, height, limit))
                opened.draft("RGB", (longest_side, longest_side))
                return ImageOps.exif_transpose(opened).convert("RGB")
        except FileNotFoundError:
            raise PictureError(f"the file {file.name} is missing") from None
        except Image.DecompressionBombError:
            raise PictureError(too_many_pixels_message(None, None, limit)) from None
        except UnidentifiedImageError:
            raise PictureError(f"{file.name} is not an image Pillow can read") from None
        except OSError as exc:  # truncated or corrupt data
            raise PictureError(f"{file.name} could not be decoded: {exc}") from None


def picture_canvas(file: FieldFile, film: FilmFormat) -> Image.Image:
    """The picture fitted whole into a dark canvas of CANVAS_SCALE times the frame."""
    canvas_size = (film.width * CANVAS_SCALE, film.height * CANVAS_SCALE)
    picture = _open_upright(file, max(canvas_size))
    box = (round(canvas_size[0] * BOX[0]), round(canvas_size[1] * BOX[1]))
    fitted = ImageOps.contain(picture, box, method=Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", canvas_size, GROUND)
    top = round(canvas_size[1] * BOX_CENTRE_Y - fitted.height / 2)
    canvas.paste(fitted, ((canvas_size[0] - fitted.width) // 2, top))
    return canvas
