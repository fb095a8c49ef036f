"""The object page: metadata, deep zoom, 3D, approved restorations, linked data."""

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from exhibition.annotations.selectors import page_notes
from exhibition.browse import century_label
from exhibition.downloads.offers import download_panel
from exhibition.licences import get_licence
from exhibition.media_links import iiif_manifest_url
from exhibition.model_posters import NEUTRAL_COLOUR
from exhibition.models import CollectionObject, ObjectCreator
from exhibition.page_extensions import object_panels
from exhibition.page_selectors import related_objects
from exhibition.selectors import get_public_object, public_restorations
from exhibition.structured_data import dublin_core, object_json_ld


@dataclass(frozen=True)
class BrowseLink:
    label: str
    url: str


def browse_links(obj: CollectionObject, creators: list[ObjectCreator]) -> list[BrowseLink]:
    """Links to the same agents', place's, century's and type's objects on the browse page."""
    base = reverse("exhibition:browse")
    links = [
        BrowseLink(
            _("More by %(name)s") % {"name": link.agent.name}, f"{base}?agent={link.agent.slug}"
        )
        for link in creators
    ]
    if obj.place is not None:
        label = _("More from %(place)s") % {"place": obj.place.name}
        links.append(BrowseLink(label, f"{base}?place={obj.place.slug}"))
    if obj.century is not None:
        label = _("More from the %(century)s") % {"century": century_label(obj.century)}
        links.append(BrowseLink(label, f"{base}?century={obj.century}"))
    links.append(
        BrowseLink(
            _("More of type “%(type)s”") % {"type": obj.object_type},
            f"{base}?{urlencode({'type': obj.object_type})}",
        )
    )
    return links


@require_safe
def object_detail(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_public_object(slug)
    creators = list(obj.creator_links.all())
    images = list(obj.images.all())
    models = list(obj.models3d.all())
    manifest_url = iiif_manifest_url(obj) if images else None
    context = {
        "obj": obj,
        "creators": creators,
        "images": images,
        "models": models,
        "restorations": list(public_restorations(collection_object=obj)),
        "licence": get_licence(obj.licence),
        "downloads": download_panel(obj, images=images, models=models),
        # "(Delft)" after the linked "Dutch Republic": the facet groups, the page keeps detail.
        "culture_detail": obj.culture.removeprefix(obj.culture_group).strip(),
        "browse_links": browse_links(obj, creators),
        "related": related_objects(obj),
        "manifest_url": manifest_url,
        "json_ld": object_json_ld(
            request, obj, creators=creators, images=images, models=models, manifest_url=manifest_url
        ),
        "dublin_core": dublin_core(obj, creators=creators),
        # Shape-only scans are shown in the same clay tone as their rendered posters.
        "neutral_colour": json.dumps(NEUTRAL_COLOUR),
        # Panels other apps add (e.g. search's "More like this").
        "panels": object_panels(request, obj),
        # Curators' public notes on regions of the images and points on the models.
        "notes": page_notes(collection_object=obj, images=images, models=models),
    }
    return render(request, "exhibition/object_detail.html", context)
