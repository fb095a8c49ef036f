"""The files that ``/sitemap.xml`` (Django's index view) lists, one per section and page."""

from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from exhibition.sitemap_xml import SitemapFile
from exhibition.sitemaps import SITEMAPS


@require_safe
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SITEMAPS:
        raise Http404(f"There is no sitemap section {section!r}.")
    origin = f"{request.scheme}://{get_current_site(request).domain}"
    try:
        file = SitemapFile(SITEMAPS[section](), page=request.GET.get("p", 1), origin=origin)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("There is no such sitemap page.") from error
    response = HttpResponse("".join(file), content_type="application/xml")
    if file.every_entry_dated and file.latest_lastmod is not None:
        # Lets ConditionalGetMiddleware answer 304 Not Modified to a crawler's repeat visit.
        response["Last-Modified"] = http_date(file.latest_lastmod.timestamp())
    # As Django's own sitemap views: the file itself is not a page to index.
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
