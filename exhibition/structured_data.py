"""Machine-readable descriptions of an object page: schema.org JSON-LD and Dublin Core."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from exhibition.licences import get_licence
from exhibition.models import CollectionObject, ObjectCreator, ObjectImage, ObjectModel3D


def _creator(request: HttpRequest, link: ObjectCreator) -> dict[str, Any]:
    creator: dict[str, Any] = {
        "name": link.agent.name,
        "url": request.build_absolute_uri(
            f"{reverse('exhibition:browse')}?agent={link.agent.slug}"
        ),
    }
    # The qualifier ("attributed to") belongs to this attribution, not to the agent.
    role = " ".join(part for part in (link.qualifier, link.role) if part)
    if role:
        creator["description"] = role
    return creator


def object_json_ld(
    request: HttpRequest,
    obj: CollectionObject,
    *,
    creators: list[ObjectCreator],
    images: list[ObjectImage],
    models: list[ObjectModel3D],
    manifest_url: str | None,
) -> dict[str, Any]:
    """A schema.org VisualArtwork record; only fields the record really has."""
    page_url = request.build_absolute_uri(obj.get_absolute_url())
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "VisualArtwork",
        "@id": page_url,
        "url": page_url,
        "name": obj.title,
        "identifier": obj.accession_number,
        "artform": obj.object_type,
    }
    optional = {
        **_described(request, obj, creators),
        **_media(request, images, models, manifest_url),
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def _described(
    request: HttpRequest, obj: CollectionObject, creators: list[ObjectCreator]
) -> dict[str, Any]:
    """What the record says of the work: makers, date, medium, place, rights."""
    licence = get_licence(obj.licence)
    return {
        "creator": [_creator(request, link) for link in creators],
        "dateCreated": obj.date_display,
        "artMedium": obj.medium,
        "description": obj.description,
        "keywords": [tag.name for tag in obj.tags.all()],
        "creditText": obj.public_credit_line,
        "license": licence.url if licence is not None else None,
        "locationCreated": _place(obj) if obj.place is not None else None,
        # "Italy", not "Italy (Florentine)": the detail is not a country.
        "countryOfOrigin": obj.culture_group if obj.culture else None,
    }


def _media(
    request: HttpRequest,
    images: list[ObjectImage],
    models: list[ObjectModel3D],
    manifest_url: str | None,
) -> dict[str, Any]:
    """Where the work's images, 3D models and IIIF manifest are."""
    media: dict[str, Any] = {
        "image": [request.build_absolute_uri(image.original.url) for image in images],
        "associatedMedia": [
            {
                "@type": "3DModel",
                "contentUrl": request.build_absolute_uri(model.glb.url),
                "encodingFormat": "model/gltf-binary",
                "description": model.alt_text,
            }
            for model in models
        ],
    }
    if manifest_url:
        media["subjectOf"] = {
            "@type": "CreativeWork",
            "name": "IIIF Presentation 3 manifest",
            "url": request.build_absolute_uri(manifest_url),
            "encodingFormat": "application/ld+json",
        }
    return media


def _place(obj: CollectionObject) -> dict[str, Any]:
    assert obj.place is not None
    place: dict[str, Any] = {"@type": "Place", "name": obj.place.name}
    if obj.place.has_coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": obj.place.latitude,
            "longitude": obj.place.longitude,
        }
    return place


def dublin_core(obj: CollectionObject, *, creators: list[ObjectCreator]) -> list[tuple[str, str]]:
    """(name, content) pairs for <meta name="DC.*"> elements, repeated where DC allows."""
    licence = get_licence(obj.licence)
    pairs: list[tuple[str, str]] = [("DC.title", obj.title)]
    pairs += [("DC.creator", str(link.agent.name)) for link in creators]
    pairs += [
        ("DC.date", obj.date_display),
        ("DC.type", obj.object_type),
        ("DC.format", obj.medium),
        ("DC.description", obj.description),
        ("DC.coverage", obj.place.name if obj.place else ""),
        ("DC.identifier", obj.accession_number),
        ("DC.rights", f"{licence.name} ({licence.url})" if licence else obj.licence),
        # The record's source is curators' provenance, not the work's: it stays out.
        ("DC.language", obj.language),
    ]
    pairs += [("DC.subject", tag.name) for tag in obj.tags.all()]
    return [(name, content) for name, content in pairs if content]
