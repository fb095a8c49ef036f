"""Tiny IIIF level-0 tile sets written by hand; the Presentation 3 structure check is the
conformance check's (interop/conformance/presentation3.py)."""

import io
import json
from pathlib import Path

from django.conf import settings
from PIL import Image

from exhibition.models import ObjectImage
from interop.conformance.presentation3 import PRESENTATION_CONTEXT, presentation3_problems

__all__ = ["PRESENTATION_CONTEXT", "jpeg", "presentation3_problems", "write_tiles"]


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 60, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


def write_tiles(image: ObjectImage, *, tile: int = 32) -> Path:
    """Write an info.json and the files a level-0 client would ask for; mark tiles ready."""
    width, height = image.width, image.height
    root = Path(settings.MEDIA_ROOT) / "iiif" / image.iiif_identifier
    info = {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": "",
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": width,
        "height": height,
        "tiles": [{"width": tile, "scaleFactors": [1, 2]}],
        "sizes": [{"width": width // 2, "height": height // 2}, {"width": width, "height": height}],
    }
    files = {
        "full/max/0/default.jpg": (width, height),
        f"full/{width},{height}/0/default.jpg": (width, height),
        f"full/{width // 2},{height // 2}/0/default.jpg": (width // 2, height // 2),
        f"0,0,{tile},{tile}/{tile},{tile}/0/default.jpg": (tile, tile),
    }
    for relative, size in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jpeg(*size))
    (root / "info.json").write_text(json.dumps(info))
    image.tiles_ready = True
    image.save(update_fields=["tiles_ready"])
    return root
