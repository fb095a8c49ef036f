"""Place documents, with the coordinates as a WKT point when the record has them."""

from django.urls import reverse

from exhibition.models import Place
from interop.linked_art.common import Absolute, Doc, document_head, primary_name, web_page


def place_path(place: Place) -> str:
    return reverse("linked-art:place", kwargs={"slug": place.slug})


def place_ref(absolute: Absolute, place: Place) -> Doc:
    return {"id": absolute(place_path(place)), "type": "Place", "_label": place.name}


def wkt_point(place: Place) -> str | None:
    """``POINT(longitude latitude)``: WKT puts x (longitude) first."""
    if place.latitude is None or place.longitude is None:
        return None
    return f"POINT({place.longitude:.6f} {place.latitude:.6f})"


def place_document(absolute: Absolute, place: Place) -> Doc:
    doc = document_head(doc_id=absolute(place_path(place)), doc_type="Place", label=place.name)
    doc["identified_by"] = [primary_name(place.name)]
    if point := wkt_point(place):
        doc["defined_by"] = point
    browse = f"{reverse('exhibition:browse')}?place={place.slug}"
    doc["subject_of"] = [web_page(absolute(browse), f"Works from {place.name} at Vitrine")]
    return doc
