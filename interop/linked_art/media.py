"""Digital images, 3D models and the IIIF manifest of an object, as Linked Art sees them.

An image is a VisualItem (what the picture shows) digitally shown by DigitalObjects: the
IIIF Image API service once tiles exist, else the original file. The IIIF manifest is a
document *about* the object, so it goes in ``subject_of``.
"""

import mimetypes

from django.urls import reverse

from exhibition.iiif.images import FULL_MAX, original_content_type, service_path
from exhibition.media_links import iiif_manifest_url
from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D
from interop.linked_art import vocab
from interop.linked_art.common import Absolute, Doc, aat, web_page

# A record lists a handful of pictures; a bound keeps a document small whatever happens.
MAX_IMAGES = 50
MAX_MODELS = 10


def spec(uri: str) -> Doc:
    return {"id": uri, "type": "InformationObject"}


def digital_object(*, label: str, url: str, media_type: str, conforms_to: str = "") -> Doc:
    doc: Doc = {
        "type": "DigitalObject",
        "_label": label,
        "format": media_type,
        "access_point": [{"id": url, "type": "DigitalObject"}],
    }
    if conforms_to:
        doc["conforms_to"] = [spec(conforms_to)]
    return doc


def image_digital_objects(absolute: Absolute, image: ObjectImage) -> list[Doc]:
    if image.tiles_ready:
        service = service_path(image.iiif_identifier)
        return [
            digital_object(
                label="IIIF Image API (level 0), full size",
                url=absolute(f"{service}/{FULL_MAX}"),
                media_type="image/jpeg",
                conforms_to=vocab.IIIF_IMAGE_API,
            )
        ]
    return [
        digital_object(
            label="Original image file",
            url=absolute(image.original.url),
            media_type=original_content_type(image),
        )
    ]


def image_visual_item(absolute: Absolute, image: ObjectImage, position: int) -> Doc:
    item: Doc = {
        "type": "VisualItem",
        "_label": f"Image {position} of {image.collection_object.title}",
        "classified_as": [aat(vocab.DIGITAL_IMAGE)],
        "digitally_shown_by": image_digital_objects(absolute, image),
    }
    if image.alt_text:
        item["referred_to_by"] = [
            {"type": "LinguisticObject", "content": image.alt_text, "_label": "Alt text"}
        ]
    return item


def model_visual_item(absolute: Absolute, model: ObjectModel3D, position: int) -> Doc:
    media_type = mimetypes.guess_type(model.glb.name)[0] or "model/gltf-binary"
    return {
        "type": "VisualItem",
        "_label": f"3D model {position} of {model.collection_object.title}",
        "digitally_shown_by": [
            digital_object(
                label="glTF 2.0 binary (GLB)", url=absolute(model.glb.url), media_type=media_type
            )
        ],
    }


def representations(
    absolute: Absolute, images: list[ObjectImage], models: list[ObjectModel3D]
) -> list[Doc]:
    shown = [
        image_visual_item(absolute, image, n) for n, image in enumerate(images[:MAX_IMAGES], 1)
    ]
    shown += [
        model_visual_item(absolute, model, n) for n, model in enumerate(models[:MAX_MODELS], 1)
    ]
    return shown


def manifest_subject(absolute: Absolute, obj: CollectionObject) -> Doc:
    """The object's IIIF Presentation 3 manifest (objects with an image or a model's poster)."""
    return {
        "type": "LinguisticObject",
        "_label": f"IIIF manifest of {obj.title}",
        "digitally_carried_by": [
            digital_object(
                label="IIIF Presentation 3 manifest",
                url=absolute(iiif_manifest_url(obj)),
                media_type=vocab.IIIF_MANIFEST_FORMAT,
                conforms_to=vocab.IIIF_PRESENTATION_API,
            )
        ],
    }


def page_subject(absolute: Absolute, obj: CollectionObject) -> Doc:
    return web_page(absolute(obj.get_absolute_url()), f"{obj.title} at Vitrine")


def restoration_download_path(obj: CollectionObject, pk: int) -> str:
    return reverse("exhibition:restoration-download", kwargs={"slug": obj.slug, "pk": pk})
