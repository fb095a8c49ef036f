"""The site's error answers: its own pages for people, JSON for API clients.

Django answers some errors before any view runs (no URL matched, a path that is not
UTF-8, an unknown Host, a body too large, a crash). Under /api/ and /iiif/ those answers
are JSON ``{"detail": …}`` as every other API error is; elsewhere they are the site's
own pages, never Django's debug page.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults

JSON_PREFIXES = ("/api/", "/iiif/")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(JSON_PREFIXES)


def _json(request: HttpRequest, detail: str, status: int) -> JsonResponse:
    response = JsonResponse({"detail": detail}, status=status)
    if request.path.startswith("/iiif/"):
        # Viewers on other origins must be able to read why (as every IIIF answer).
        response["Access-Control-Allow-Origin"] = "*"
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _wants_json(request):
        return _json(request, "The request could not be understood (malformed or too large).", 400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _wants_json(request):
        return _json(request, "You may not do that here.", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _wants_json(request):
        return _json(
            request,
            "No such resource. The API endpoints and their parameters are listed at /api/docs/.",
            404,
        )
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return _json(request, "Something went wrong on our side; please try again later.", 500)
    return defaults.server_error(request)
