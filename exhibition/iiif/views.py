"""IIIF Image API level 0 (static tiles on disk) and Presentation 3 manifests.

Only public objects answer; a restricted or draft object, a missing tile or tiles not
cut yet all answer 404, with CORS so a viewer on another origin can read why. A
restoration's service answers only while it is approved, whoever asks: the public
comparison is its one user (the curators' review page shows the result file itself).
"""

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase, HttpResponseRedirectBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from exhibition import selectors
from exhibition.annotations.selectors import public_annotations
from exhibition.iiif.http import iiif_endpoint, iiif_json_response, json_error
from exhibition.iiif.images import (
    FORMAT_CONTENT_TYPES,
    IMAGE_CONTEXT,
    info_path,
    read_info_file,
    read_stored_info,
    restoration_info_path,
    restoration_service_path,
    service_path,
    stored_tile,
    tile_file,
    tile_name,
)
from exhibition.iiif.manifests import PRESENTATION_CONTEXT, NoCanvasError, build_manifest
from exhibition.iiif.restoration_tiles import restoration_tile_dir
from exhibition.models import ObjectImage, Restoration
from exhibition.views.file_responses import stored_file_response
from exhibition.whole_numbers import positive_int

INFO_MAX_AGE = 60 * 60
MANIFEST_MAX_AGE = 5 * 60
# Tiles keep their URL when a curator replaces an image (the identifier is slug plus
# position), so they are cached for a week, not forever; Last-Modified lets browsers
# revalidate cheaply after that.
TILE_MAX_AGE = 7 * 24 * 60 * 60
# A curator may withdraw an approval: a restoration's tiles stay in caches a day at most,
# as its result file does under /media/.
RESTORATION_TILE_MAX_AGE = 24 * 60 * 60


class HttpResponseSeeOther(HttpResponseRedirectBase):
    status_code = 303


def _public_image(identifier: str) -> ObjectImage:
    try:
        return selectors.get_public_image(identifier=identifier)
    except Http404:
        raise Http404(f"No public image '{identifier}'.") from None


@iiif_endpoint
def image_base(request: HttpRequest, identifier: str) -> HttpResponse:
    """The Image API base URI redirects to the image information (spec §2.2)."""
    _public_image(identifier)
    return HttpResponseSeeOther(info_path(identifier))


@iiif_endpoint
def image_info(request: HttpRequest, identifier: str) -> HttpResponse:
    image = _public_image(identifier)
    info = read_stored_info(identifier) if image.tiles_ready else None
    if info is None:
        raise Http404(f"The tiles of image '{identifier}' are not ready yet.")
    info["id"] = request.build_absolute_uri(service_path(identifier))
    return iiif_json_response(request, info, context=IMAGE_CONTEXT, max_age=INFO_MAX_AGE)


@iiif_endpoint
def image_tile(
    request: HttpRequest,
    identifier: str,
    region: str,
    size: str,
    rotation: str,
    quality: str,
    fmt: str,
) -> HttpResponseBase:
    image = _public_image(identifier)
    path = (
        tile_file(
            identifier=identifier,
            region=region,
            size=size,
            rotation=rotation,
            quality=quality,
            fmt=fmt,
        )
        if image.tiles_ready
        else None
    )
    return _tile_response(request, path, fmt, max_age=TILE_MAX_AGE)


def _tile_response(
    request: HttpRequest, path: Path | None, fmt: str, *, max_age: int
) -> HttpResponseBase:
    if path is None:
        # Level 0: only the pre-cut files exist; any other request has no image.
        raise Http404("This server offers IIIF level 0: no stored file answers that request.")
    modified = int(path.stat().st_mtime)
    not_modified = get_conditional_response(request, last_modified=modified)
    if not_modified is not None:
        return not_modified
    response = stored_file_response(
        path=path, name=tile_name(path), content_type=FORMAT_CONTENT_TYPES[fmt]
    )
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _public_restoration(pk: str) -> Restoration:
    number = positive_int(pk)
    if number is not None:
        try:
            return selectors.get_public_restoration(pk=number)
        except Http404:
            pass
    raise Http404(f"No public restoration '{pk}'.")


@iiif_endpoint
def restoration_base(request: HttpRequest, pk: str) -> HttpResponse:
    restoration = _public_restoration(pk)
    return HttpResponseSeeOther(restoration_info_path(restoration.pk))


@iiif_endpoint
def restoration_info(request: HttpRequest, pk: str) -> HttpResponse:
    restoration = _public_restoration(pk)
    folder = restoration_tile_dir(restoration.pk)
    info = read_info_file(folder) if restoration.tiles_ready else None
    if info is None:
        raise Http404(f"The tiles of restoration '{pk}' are not ready yet.")
    info["id"] = request.build_absolute_uri(restoration_service_path(restoration.pk))
    return iiif_json_response(request, info, context=IMAGE_CONTEXT, max_age=INFO_MAX_AGE)


@iiif_endpoint
def restoration_tile(
    request: HttpRequest,
    pk: str,
    region: str,
    size: str,
    rotation: str,
    quality: str,
    fmt: str,
) -> HttpResponseBase:
    restoration = _public_restoration(pk)
    path = (
        stored_tile(
            restoration_tile_dir(restoration.pk),
            region=region,
            size=size,
            rotation=rotation,
            quality=quality,
            fmt=fmt,
        )
        if restoration.tiles_ready
        else None
    )
    return _tile_response(request, path, fmt, max_age=RESTORATION_TILE_MAX_AGE)


@iiif_endpoint
def not_an_image_request(request: HttpRequest, rest: str, **service: str) -> HttpResponse:
    """Anything under an image's base that is not a well-formed level-0 request."""
    return json_error(
        "Not a IIIF image request this server can answer: "
        "use {region}/{size}/{rotation}/{quality}.{format} as listed in info.json.",
        status=404,
    )


@iiif_endpoint
def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    return json_error(
        "No such IIIF resource. Manifests are at /iiif/<object>/manifest.json and images "
        "at /iiif/image/<identifier>/info.json.",
        status=404,
    )


@iiif_endpoint
def manifest(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        obj = selectors.get_public_object(slug)
    except Http404:
        raise Http404(f"No public object '{slug}'.") from None
    try:
        data = build_manifest(
            obj=obj,
            images=selectors.public_images(collection_object=obj),
            restorations=selectors.public_restorations(collection_object=obj),
            models=obj.models3d.all(),
            annotations=public_annotations(collection_object=obj),
            absolute=request.build_absolute_uri,
        )
    except NoCanvasError as exc:
        raise Http404(str(exc)) from None
    return iiif_json_response(request, data, context=PRESENTATION_CONTEXT, max_age=MANIFEST_MAX_AGE)
