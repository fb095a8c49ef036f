"""The embedded copy of a picture: decoded within the pixel limit, shrunk, as JPEG bytes."""

import io

from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

JPEG_QUALITY = 85
WHITE = (255, 255, 255)


def bounded_jpeg(storage_name: str, *, longest_side: int) -> bytes | None:
    """The stored image shrunk to ``longest_side`` pixels at most, or None when it cannot
    be read or is over VITRINE_MAX_IMAGE_PIXELS (the report then names it without it)."""
    try:
        with default_storage.open(storage_name, "rb") as stored, Image.open(stored) as image:
            if image.width * image.height > settings.VITRINE_MAX_IMAGE_PIXELS:
                return None
            # JPEG decodes straight at a fraction of its size: a 6,000 px original costs
            # a 1,500 px decode, not a full one.
            image.draft("RGB", (longest_side, longest_side))
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
            if picture.mode in {"RGBA", "LA", "P"}:
                # Posters and reconstructions may be transparent: print them on white.
                rgba = picture.convert("RGBA")
                flat = Image.new("RGB", rgba.size, WHITE)
                flat.paste(rgba, mask=rgba.getchannel("A"))
                picture = flat
            buffer = io.BytesIO()
            picture.convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
            return buffer.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
