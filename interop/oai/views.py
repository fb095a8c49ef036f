"""The /oai/ endpoint: bounded input in, the protocol's answer out, as text/xml."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from interop.oai.linked_art_format import SCHEMA
from interop.oai.protocol import Repository, respond
from interop.oai.throttling import oai_wait

CONTENT_TYPE = "text/xml; charset=utf-8"
# Longer than any legitimate request (a verb, an identifier or a token, and dates).
MAX_REQUEST_BYTES = 4096
FORM = "application/x-www-form-urlencoded"


@csrf_exempt  # harvesters POST without a session; nothing here writes
@require_http_methods(["GET", "POST", "HEAD"])
def oai_endpoint(request: HttpRequest) -> HttpResponse:
    wait = oai_wait(request)
    if wait is not None:
        refused = HttpResponse("Too many requests; retry later.\n", status=503)
        refused["Retry-After"] = str(wait)
        return refused
    query = _arguments(request)
    if query is None:
        return HttpResponse(
            f"An OAI-PMH request is at most {MAX_REQUEST_BYTES} bytes of {FORM}.\n",
            status=400 if request.method == "POST" else 414,
            content_type="text/plain; charset=utf-8",
        )
    body = respond(query, repository=_repository(request))
    return HttpResponse(body, content_type=CONTENT_TYPE)


def _arguments(request: HttpRequest) -> QueryDict | None:
    if request.method != "POST":
        raw = request.META.get("QUERY_STRING", "")
        return request.GET if len(raw) <= MAX_REQUEST_BYTES else None
    length = request.META.get("CONTENT_LENGTH") or "0"
    content_type = request.content_type or ""
    if not length.isdigit() or int(length) > MAX_REQUEST_BYTES or content_type != FORM:
        return None
    return QueryDict(request.body, encoding=request.encoding or "utf-8")


def _repository(request: HttpRequest) -> Repository:
    host = settings.OAI_REPOSITORY_IDENTIFIER or request.get_host().rsplit(":", 1)[0]
    return Repository(
        base_url=request.build_absolute_uri(request.path),
        identifier_host=host.strip("[]"),
        page_url=request.build_absolute_uri,
        now=timezone.now(),
    )


@require_safe
def linked_art_schema(request: HttpRequest) -> HttpResponse:
    """The XML Schema of the linked_art metadata format's container element."""
    response = HttpResponse(SCHEMA, content_type="application/xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
