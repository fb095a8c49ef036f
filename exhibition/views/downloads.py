"""Image and GLB downloads with the licence written into the file.

Visibility is decided on the object (public only, like its page) and permission on its
licence; the file is always handed out here, never by a guessable media URL.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from PIL import Image

from exhibition.downloads import services
from exhibition.downloads.glb_metadata import InvalidGlb
from exhibition.downloads.notice import RightsNotice, rights_notice
from exhibition.downloads.policy import downloadable_licence, refusal_reason
from exhibition.downloads.sizes import size_named
from exhibition.downloads.storage import StoredDownload
from exhibition.licences import get_licence
from exhibition.models import CollectionObject
from exhibition.selectors import get_public_object
from exhibition.views.file_responses import stored_file_response

# Short: a curator may change a licence or withdraw an object, and caches must let go soon.
MAX_AGE = 300


def refused_download(request: HttpRequest, obj: CollectionObject) -> HttpResponse:
    """403 with a page naming the licence and why it keeps the file on the site."""
    context = {
        "obj": obj,
        "licence": get_licence(obj.licence),
        "reason": refusal_reason(obj.licence),
    }
    return render(request, "exhibition/download_refused.html", context, status=403)


def notice_for(request: HttpRequest, obj: CollectionObject, **extra: str) -> RightsNotice | None:
    licence = downloadable_licence(obj.licence)
    if licence is None:
        return None
    source_url = request.build_absolute_uri(obj.get_absolute_url())
    return rights_notice(obj, licence=licence, source_url=source_url, **extra)


def _attachment(stored: StoredDownload, *, content_type: str, filename: str) -> HttpResponseBase:
    response = stored_file_response(path=stored.path, name=stored.name, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


@require_safe
def image_download(request: HttpRequest, slug: str, pk: int, size: str) -> HttpResponseBase:
    obj = get_public_object(slug)
    image = get_object_or_404(obj.images.all(), pk=pk)
    notice = notice_for(request, obj)
    if notice is None:
        return refused_download(request, obj)
    chosen = size_named(size, image.width, image.height)
    if chosen is None:
        raise Http404("This image is not offered at that size.")
    try:
        stored = services.image_download(image=image, size=chosen, notice=notice)
    except (OSError, Image.DecompressionBombError) as error:
        # A missing or unreadable original is a gap in the collection, not a server fault.
        raise Http404("This image cannot be offered for download.") from error
    filename = f"{obj.slug}-{image.order}-{chosen.name}.jpg"
    return _attachment(stored, content_type="image/jpeg", filename=filename)


@require_safe
def model_download(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    obj = get_public_object(slug)
    model = get_object_or_404(obj.models3d.all(), pk=pk)
    notice = notice_for(request, obj)
    if notice is None:
        return refused_download(request, obj)
    try:
        stored = services.model_download(model=model, notice=notice)
    except (InvalidGlb, services.ModelTooLarge, OSError) as error:
        raise Http404("This 3D model cannot be offered for download.") from error
    filename = f"{obj.slug}-{model.order}.glb"
    return _attachment(stored, content_type="model/gltf-binary", filename=filename)
