"""/favicon.ico, which browsers and feed readers ask for on every site whatever the page says.

The site's icon is an SVG (static/img/favicon.svg, linked from every page); this sends the
old fixed address there, permanently, so the request is not a 404 in the logs.
"""

from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
