"""Annotations as W3C Web Annotations (JSON-LD), on the Canvases of the object's manifest.

Regions of an image use a FragmentSelector (``xywh=``, Media Fragments) or an SvgSelector
(polygon); points on a 3D model use the PointSelector with x, y, z of the IIIF 3D draft.
Selectors are in the Canvas's coordinates: an image Canvas is sized in the image's pixels.
The creator appears by display name only, under an opaque id, never by e-mail address.
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.crypto import salted_hmac

from exhibition.models.annotations import Annotation, SelectorKind

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNO_CONTENT_TYPE = f'application/ld+json;profile="{ANNO_CONTEXT}"'
MEDIA_FRAGMENTS = "http://www.w3.org/TR/media-frags/"
# Shown when a curator's account has no name other than an e-mail address.
ANONYMOUS_CREATOR = "Curator"


def canvas_id(base: str, annotation: Annotation) -> str:
    """The id of the Canvas the annotation targets, as exhibition.iiif.manifests names it."""
    if annotation.image is not None:
        return f"{base}/canvas/{annotation.image.order}"
    assert annotation.model3d is not None
    return f"{base}/canvas/model-{annotation.model3d.order}"


def manifest_base(absolute: Any, annotation_or_slug: Annotation | str) -> str:
    slug = (
        annotation_or_slug
        if isinstance(annotation_or_slug, str)
        else annotation_or_slug.collection_object.slug
    )
    manifest_id: str = absolute(reverse("iiif:manifest", kwargs={"slug": slug}))
    return manifest_id.removesuffix("/manifest.json")


def creator_name(user: User) -> str:
    name = user.get_full_name().strip()
    if name:
        return name
    username = user.get_username()
    return ANONYMOUS_CREATOR if "@" in username else username


def creator_json(absolute: Any, user: User) -> dict[str, str]:
    # An opaque, stable id: neither the account's number nor its address is published.
    token = salted_hmac("vitrine.annotations.creator", str(user.pk)).hexdigest()[:20]
    return {"id": absolute(f"/#person-{token}"), "type": "Person", "name": creator_name(user)}


def selector_json(annotation: Annotation) -> dict[str, Any]:
    data = annotation.selector
    if annotation.selector_kind == SelectorKind.RECT:
        return {
            "type": "FragmentSelector",
            "conformsTo": MEDIA_FRAGMENTS,
            "value": f"xywh={data['x']},{data['y']},{data['w']},{data['h']}",
        }
    if annotation.selector_kind == SelectorKind.POLYGON:
        points = " ".join(f"{x},{y}" for x, y in data["points"])
        return {
            "type": "SvgSelector",
            "value": (
                f'<svg xmlns="http://www.w3.org/2000/svg"><polygon points="{points}"/></svg>'
            ),
        }
    return {"type": "PointSelector", "x": data["x"], "y": data["y"], "z": data["z"]}


def annotation_id(absolute: Any, annotation: Annotation) -> str:
    page = absolute(reverse("annotations:page", kwargs={"slug": annotation.collection_object.slug}))
    return f"{page}#annotation-{annotation.pk}"


def annotation_json(absolute: Any, annotation: Annotation, *, base: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": annotation_id(absolute, annotation),
        "type": "Annotation",
        "motivation": annotation.motivation,
        "body": {
            "type": "TextualBody",
            "value": annotation.body,
            "format": "text/plain",
            "language": annotation.language,
        },
        "target": {
            "type": "SpecificResource",
            "source": canvas_id(base, annotation),
            "selector": selector_json(annotation),
        },
        "created": annotation.created.isoformat(),
        "modified": annotation.modified.isoformat(),
    }
    if annotation.creator is not None:
        data["creator"] = creator_json(absolute, annotation.creator)
    return data


def annotation_page(
    absolute: Any, *, page_id: str, annotations: Iterable[Annotation], base: str
) -> dict[str, Any]:
    """An AnnotationPage (W3C Web Annotation collection page) of the given annotations."""
    return {
        "@context": ANNO_CONTEXT,
        "id": page_id,
        "type": "AnnotationPage",
        "items": [annotation_json(absolute, a, base=base) for a in annotations],
    }


def canvas_annotation_pages(
    absolute: Any, *, annotations: Iterable[Annotation], base: str
) -> dict[str, dict[str, Any]]:
    """One AnnotationPage per Canvas that has annotations, keyed by the Canvas's id.

    Embedded in the manifest (``canvas.annotations``), without their own @context: the
    manifest's Presentation 3 context includes the Web Annotation one.
    """
    grouped: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        grouped.setdefault(canvas_id(base, annotation), []).append(annotation)
    pages = {}
    for target, items in grouped.items():
        page = annotation_page(
            absolute, page_id=f"{target}/annotations", annotations=items, base=base
        )
        del page["@context"]
        pages[target] = page
    return pages
