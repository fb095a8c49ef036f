"""What the object page shows, read in two steps.

``page_object`` is the one query every request pays: the public row (restricted and
draft objects are a 404 here, before anything cached is looked at). ``object_page_context``
is everything the page's parts are rendered from; it runs only when a part is not in
the fragment cache (``exhibition.object_fragments``).
"""

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from exhibition.annotations.selectors import page_notes
from exhibition.browse import century_label
from exhibition.downloads.offers import download_panel
from exhibition.licences import get_licence
from exhibition.media_links import iiif_manifest_url
from exhibition.model_posters import NEUTRAL_COLOUR
from exhibition.models import CollectionObject, ObjectCreator
from exhibition.page_extensions import object_panels
from exhibition.page_selectors import related_objects
from exhibition.selectors import public_objects, public_restorations
from exhibition.structured_data import dublin_core, object_json_ld

# What the page's parts read from the object's own relations, in one query each.
PAGE_RELATIONS = (
    Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
    "tags",
    "images",
    "models3d__hotspots",
    "translations",
)


def page_object(slug: str) -> CollectionObject:
    """The public object with this slug and its place, or Http404."""
    return get_object_or_404(public_objects().select_related("place"), slug=slug)


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


def object_page_context(request: HttpRequest, obj: CollectionObject) -> dict[str, Any]:
    """Everything the page's parts show: metadata, media, approved restorations, rights,
    linked data, notes, and the panels other apps add."""
    prefetch_related_objects([obj], *PAGE_RELATIONS)
    creators = list(obj.creator_links.all())
    images = list(obj.images.all())
    models = list(obj.models3d.all())
    manifest_url = iiif_manifest_url(obj) if images else None
    return {
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
