"""IIIF Image API (level 0, static tiles), Presentation 3 manifests and Collections, and
the Change Discovery stream."""

from django.urls import re_path

from exhibition.iiif import listing_views, views
from exhibition.iiif.images import (
    FORMAT_RE,
    IDENTIFIER_RE,
    QUALITY_RE,
    REGION_RE,
    ROTATION_RE,
    SIZE_RE,
)

app_name = "iiif"

_IMAGE = rf"^image/(?P<identifier>{IDENTIFIER_RE})"
# A restoration's own Image service: its own prefix, so no object slug can collide with it.
_RESTORATION = r"^restoration/(?P<pk>[0-9]{1,12})"
_REQUEST = (
    rf"(?P<region>{REGION_RE})/(?P<size>{SIZE_RE})/(?P<rotation>{ROTATION_RE})"
    rf"/(?P<quality>{QUALITY_RE})\.(?P<fmt>{FORMAT_RE})$"
)

_PAGE = r"(?P<number>[0-9]{1,9})"

urlpatterns = [
    re_path(r"^collection/$", listing_views.collection, name="collection"),
    re_path(rf"^collection/page/{_PAGE}/$", listing_views.collection_page, name="collection-page"),
    re_path(
        r"^collection/exhibitions/$",
        listing_views.exhibitions_collection,
        name="collection-exhibitions",
    ),
    re_path(
        r"^collection/exhibitions/(?P<slug>[-a-zA-Z0-9_]{1,200})/$",
        listing_views.exhibition_collection,
        name="collection-exhibition",
    ),
    re_path(r"^discovery/$", listing_views.discovery_collection, name="discovery"),
    re_path(rf"^discovery/page/{_PAGE}/$", listing_views.discovery_page, name="discovery-page"),
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/manifest\.json$", views.manifest, name="manifest"),
    re_path(rf"{_IMAGE}$", views.image_base, name="image-base"),
    re_path(rf"{_IMAGE}/info\.json$", views.image_info, name="image-info"),
    re_path(rf"{_IMAGE}/{_REQUEST}", views.image_tile, name="image-tile"),
    re_path(rf"{_IMAGE}/(?P<rest>.+)$", views.not_an_image_request, name="image-bad-request"),
    re_path(rf"{_RESTORATION}$", views.restoration_base, name="restoration-base"),
    re_path(rf"{_RESTORATION}/info\.json$", views.restoration_info, name="restoration-info"),
    re_path(rf"{_RESTORATION}/{_REQUEST}", views.restoration_tile, name="restoration-tile"),
    re_path(
        rf"{_RESTORATION}/(?P<rest>.+)$",
        views.not_an_image_request,
        name="restoration-bad-request",
    ),
    # Everything else under /iiif/ is ours too: a JSON 404 with CORS, not the site's page.
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not-found"),
]
