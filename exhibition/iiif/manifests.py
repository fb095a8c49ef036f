"""IIIF Presentation 3.0 manifests for public objects.

One Canvas per image, painted with the full image and pointing at its level-0 Image
service; approved restorations follow as extra Canvases that say in their label that
they are AI reconstructions, with their provenance in ``metadata``; then one Canvas per
3D model that has a poster (see ``models3d``), its GLB also offered as a ``rendering``.
A Presentation 3 manifest MUST have at least one Canvas, so an object with neither an
image nor a poster of a model (metadata only, or a model awaiting its poster) has none.
"""

import json
import logging
import mimetypes
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse

from exhibition.annotations.jsonld import canvas_annotation_pages
from exhibition.iiif.images import (
    AbsoluteUrl,
    full_image_path,
    image_service,
    level0_service,
    original_content_type,
    read_stored_info,
    restoration_service_path,
    thumbnail_resource,
)
from exhibition.iiif.language import LangMap, lang
from exhibition.iiif.models3d import model_canvas, model_rendering, poster_size
from exhibition.iiif.painting import painting_page
from exhibition.licences import get_licence
from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D, Restoration
from exhibition.models.annotations import Annotation

logger = logging.getLogger(__name__)

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
AI_LABEL = "AI reconstruction — not the original"


class NoCanvasError(ValueError):
    """The object has nothing a IIIF Canvas can show."""


def entry(label: str, *values: str) -> dict[str, LangMap]:
    return {"label": lang(label), "value": lang(*values)}


def iiif_rights(licence_id: str) -> str | None:
    """The licence's URI in the form Presentation 3 ``rights`` requires, if it has one.

    The spec allows only Creative Commons and RightsStatements.org URIs, whose
    canonical forms (and so the validator's patterns) use http, not https.
    """
    licence = get_licence(licence_id)
    if licence is None:
        return None
    uri = licence.url.replace("https://", "http://", 1)
    allowed = (
        "http://creativecommons.org/licenses/",
        "http://creativecommons.org/publicdomain/",
        "http://rightsstatements.org/vocab/",
    )
    return uri if uri.startswith(allowed) else None


def _creator_values(obj: CollectionObject) -> list[str]:
    values = []
    for link in obj.creator_links.all():
        prefix = f"{link.qualifier} " if link.qualifier else ""
        values.append(f"{prefix}{link.agent.name} ({link.role})")
    return values


def object_metadata(obj: CollectionObject) -> list[dict[str, LangMap]]:
    creators = _creator_values(obj)
    licence = get_licence(obj.licence)
    fields = [
        ("Date", obj.date_display),
        ("Culture", obj.culture),
        ("Place", obj.place.name if obj.place else ""),
        ("Object type", obj.object_type.capitalize()),
        ("Medium", obj.medium),
        ("Dimensions", obj.dimensions),
        ("Accession number", obj.accession_number),
        ("Licence", licence.name if licence else obj.licence),
        # Attribution and source hold curators' cataloguing notes; viewers get the credit.
        ("Credit line", obj.public_credit_line),
    ]
    metadata = (
        [entry("Creator" if len(creators) == 1 else "Creators", *creators)] if creators else []
    )
    metadata += [entry(label, value) for label, value in fields if value]
    tags = [tag.name for tag in obj.tags.all()]
    if tags:
        metadata.append(entry("Tags", *tags))
    return metadata


def required_statement(obj: CollectionObject) -> dict[str, LangMap] | None:
    text = obj.public_credit_line
    return entry("Attribution", text) if text else None


def image_body(absolute: AbsoluteUrl, image: ObjectImage) -> dict[str, Any]:
    """The full image, served through its Image service once the tiles exist."""
    identifier = image.iiif_identifier
    if image.tiles_ready and read_stored_info(identifier) is not None:
        return {
            "id": absolute(full_image_path(identifier)),
            "type": "Image",
            "format": "image/jpeg",
            "width": image.width,
            "height": image.height,
            "service": [image_service(absolute, identifier)],
        }
    # Tiles are cut in the background after import; until then viewers get the original.
    return {
        "id": absolute(image.original.url),
        "type": "Image",
        "format": original_content_type(image),
        "width": image.width,
        "height": image.height,
    }


def image_canvas(
    absolute: AbsoluteUrl, base: str, image: ObjectImage, position: int
) -> dict[str, Any]:
    canvas_id = f"{base}/canvas/{image.order}"
    canvas: dict[str, Any] = {
        "id": canvas_id,
        "type": "Canvas",
        "label": lang(f"Image {position}"),
        "width": image.width,
        "height": image.height,
        "items": [painting_page(canvas_id, image_body(absolute, image))],
    }
    if image.alt_text:
        canvas["summary"] = lang(image.alt_text)
    return canvas


def restoration_metadata(restoration: Restoration) -> list[dict[str, LangMap]]:
    output = restoration.machine_output
    reviewer = output.reviewed_by
    reviewer_name = (reviewer.get_full_name() or reviewer.get_username()) if reviewer else ""
    fields = [
        ("Method", output.method),
        ("Engine", output.engine),
        ("Engine version", output.engine_version),
        ("Parameters", json.dumps(output.parameters, sort_keys=True) if output.parameters else ""),
        ("Produced", output.produced_at.isoformat() if output.produced_at else ""),
        ("Review state", output.get_status_display()),
        ("Reviewed by", reviewer_name),
        ("Reviewed", output.reviewed_at.isoformat() if output.reviewed_at else ""),
    ]
    return [entry(label, value) for label, value in fields if value]


def _restoration_size(restoration: Restoration) -> tuple[int, int]:
    try:
        width, height = restoration.result.width, restoration.result.height
    except (OSError, ValueError):
        logger.warning("Cannot read the size of restoration %s", restoration.pk)
        width, height = 0, 0
    if not width or not height:
        source = restoration.source_image
        return source.width, source.height
    return width, height


def restoration_canvas(
    absolute: AbsoluteUrl, base: str, restoration: Restoration, source_position: int
) -> dict[str, Any]:
    canvas_id = f"{base}/canvas/restoration-{restoration.pk}"
    width, height = _restoration_size(restoration)
    body: dict[str, Any] = {
        "id": absolute(restoration.result.url),
        "type": "Image",
        "format": mimetypes.guess_type(restoration.result.name)[0] or "image/png",
        "width": width,
        "height": height,
    }
    if restoration.tiles_ready:
        # Viewers zoom through the tiles; the body stays the unaltered result file.
        body["service"] = [level0_service(absolute, restoration_service_path(restoration.pk))]
    return {
        "id": canvas_id,
        "type": "Canvas",
        "label": lang(AI_LABEL),
        "summary": lang(
            f"{AI_LABEL}: a machine-made reconstruction of image {source_position}, "
            "reviewed and approved by a curator."
        ),
        "metadata": restoration_metadata(restoration),
        "width": width,
        "height": height,
        "items": [painting_page(canvas_id, body)],
    }


def _homepage(absolute: AbsoluteUrl, obj: CollectionObject) -> list[dict[str, Any]]:
    return [
        {
            "id": absolute(obj.get_absolute_url()),
            "type": "Text",
            "label": lang(obj.title),
            "format": "text/html",
            "language": ["en"],
        }
    ]


def _provider(absolute: AbsoluteUrl) -> list[dict[str, Any]]:
    site = absolute("/")
    name = settings.VITRINE_SITE_NAME
    return [
        {
            # The organisation, told apart from its home page (ids must be unique).
            "id": f"{site}#provider",
            "type": "Agent",
            "label": lang(name),
            "homepage": [{"id": site, "type": "Text", "label": lang(name), "format": "text/html"}],
        }
    ]


def _descriptive(obj: CollectionObject) -> dict[str, Any]:
    """summary, requiredStatement and rights: each only when the record has it."""
    optional = {
        "summary": lang(obj.description) if obj.description else None,
        "requiredStatement": required_statement(obj),
        "rights": iiif_rights(obj.licence),
    }
    return {key: value for key, value in optional.items() if value}


def has_manifest(images: Iterable[ObjectImage], models: Iterable[ObjectModel3D]) -> bool:
    """Whether an object with these media has a manifest (something a Canvas can show)."""
    return any(image.width and image.height for image in images) or any(
        poster_size(model) for model in models
    )


def build_manifest(
    *,
    obj: CollectionObject,
    images: Iterable[ObjectImage],
    restorations: Iterable[Restoration],
    models: Iterable[ObjectModel3D] = (),
    annotations: Iterable[Annotation] = (),
    absolute: AbsoluteUrl,
) -> dict[str, Any]:
    """The Presentation 3 manifest of a public object; NoCanvasError when nothing shows.

    ``restorations`` must already be limited to approved ones, ``annotations`` to public
    ones (see selectors); each Canvas carries its annotations as an AnnotationPage.
    """
    images = [image for image in images if image.width and image.height]
    models = list(models)
    posters = {model.pk: poster_size(model) for model in models}
    shown = [model for model in models if posters[model.pk]]
    if not images and not shown:
        raise NoCanvasError(
            "This object has no image and no 3D model with a poster, so it has no IIIF manifest."
        )
    manifest_id = absolute(reverse("iiif:manifest", kwargs={"slug": obj.slug}))
    base = manifest_id.removesuffix("/manifest.json")
    positions = {image.pk: n for n, image in enumerate(images, start=1)}
    canvases = [image_canvas(absolute, base, image, positions[image.pk]) for image in images]
    canvases += [
        restoration_canvas(absolute, base, restoration, positions[restoration.source_image_id])
        for restoration in restorations
        if restoration.source_image_id in positions
    ]
    model_positions = {model.pk: n for n, model in enumerate(models, start=1)}
    model_canvases = [
        model_canvas(absolute, base, m, model_positions[m.pk], posters[m.pk] or (0, 0))
        for m in shown
    ]
    canvases += model_canvases
    pages = canvas_annotation_pages(absolute, annotations=annotations, base=base)
    for canvas in canvases:
        if canvas["id"] in pages:
            canvas["annotations"] = [pages[canvas["id"]]]
    thumbnail = (
        thumbnail_resource(absolute, images[0]) if images else model_canvases[0]["thumbnail"][0]
    )
    manifest: dict[str, Any] = {
        "@context": PRESENTATION_CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": lang(obj.title),
        "metadata": object_metadata(obj),
        **_descriptive(obj),
        "homepage": _homepage(absolute, obj),
        "thumbnail": [thumbnail],
        "provider": _provider(absolute),
        "items": canvases,
    }
    if models:
        # Every model is downloadable, a poster or not: the file is the record's own.
        manifest["rendering"] = [
            model_rendering(absolute, m, model_positions[m.pk]) for m in models
        ]
    return manifest
