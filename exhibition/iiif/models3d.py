"""3D models in Presentation 3 manifests, as the IIIF 3D community paints them today.

Presentation 3 has a ``Model`` content type but no 3D container (Scenes arrive with
Presentation 4), so a model is painted onto a Canvas sized by its poster: viewers that
can show glTF take the ``Model`` body, the others show the ``placeholderCanvas`` (the
poster, rendered by ``render_model_posters``), and every client can download the GLB
through the manifest's ``rendering``. A model without a poster has no size to give its
Canvas, so it waits for its poster before it appears.
"""

import logging
import mimetypes
from typing import Any

from exhibition.iiif.images import AbsoluteUrl
from exhibition.iiif.language import lang
from exhibition.iiif.painting import painting_page
from exhibition.models import ObjectModel3D

logger = logging.getLogger(__name__)

GLB_FORMAT = "model/gltf-binary"


def poster_size(model: ObjectModel3D) -> tuple[int, int] | None:
    """The poster's pixel size, or None when there is no readable poster."""
    if not model.poster:
        return None
    try:
        width, height = model.poster.width, model.poster.height
    except (OSError, ValueError):
        logger.warning("Cannot read the poster of 3D model %s", model.pk)
        return None
    return (width, height) if width and height else None


def poster_resource(
    absolute: AbsoluteUrl, model: ObjectModel3D, size: tuple[int, int]
) -> dict[str, Any]:
    return {
        "id": absolute(model.poster.url),
        "type": "Image",
        "format": mimetypes.guess_type(model.poster.name)[0] or "image/webp",
        "width": size[0],
        "height": size[1],
    }


def model_body(absolute: AbsoluteUrl, model: ObjectModel3D) -> dict[str, Any]:
    return {"id": absolute(model.glb.url), "type": "Model", "format": GLB_FORMAT}


def model_rendering(absolute: AbsoluteUrl, model: ObjectModel3D, position: int) -> dict[str, Any]:
    """The GLB as a download any client can follow, whatever it can display."""
    return {
        **model_body(absolute, model),
        "label": lang(f"3D model {position} (glTF binary, GLB)"),
    }


def model_canvas(
    absolute: AbsoluteUrl, base: str, model: ObjectModel3D, position: int, size: tuple[int, int]
) -> dict[str, Any]:
    canvas_id = f"{base}/canvas/model-{model.order}"
    placeholder_id = f"{canvas_id}/placeholder"
    poster = poster_resource(absolute, model, size)
    canvas: dict[str, Any] = {
        "id": canvas_id,
        "type": "Canvas",
        "label": lang(f"3D model {position}"),
        "width": size[0],
        "height": size[1],
        "thumbnail": [poster],
        "placeholderCanvas": {
            "id": placeholder_id,
            "type": "Canvas",
            "label": lang(f"Poster of 3D model {position}"),
            "width": size[0],
            "height": size[1],
            "items": [painting_page(placeholder_id, poster)],
        },
        "items": [painting_page(canvas_id, model_body(absolute, model))],
    }
    if model.alt_text:
        canvas["summary"] = lang(model.alt_text)
    return canvas
