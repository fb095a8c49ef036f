"""Download of an approved restoration, labelled in its pixels and its PNG metadata.

Like every download, offered only where the object's licence allows it."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from exhibition.downloads.policy import downloadable_licence
from exhibition.restoration_downloads import restoration_download_png
from exhibition.selectors import get_public_object, public_restorations
from exhibition.views.downloads import refused_download


@require_safe
def restoration_download(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    # Only approved restorations of public objects: anything else looks absent.
    obj = get_public_object(slug)
    restoration = get_object_or_404(
        public_restorations(collection_object=obj).select_related(
            "source_image__collection_object"
        ),
        pk=pk,
    )
    if not restoration.result:
        raise Http404("This restoration has no result image.")
    # A reconstruction is a changed copy: only licences that allow downloads allow it.
    licence = downloadable_licence(obj.licence)
    if licence is None:
        return refused_download(request, obj)
    png = restoration_download_png(
        restoration, licence=licence, source_url=request.build_absolute_uri(obj.get_absolute_url())
    )
    response = HttpResponse(png, content_type="image/png")
    filename = f"{obj.slug}-ai-reconstruction-{restoration.pk}.png"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Short: a curator may withdraw an approval, and shared caches must let go of it soon.
    response["Cache-Control"] = "public, max-age=300"
    return response
