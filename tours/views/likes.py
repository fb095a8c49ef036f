"""The "I like this" and "Add to my tour" pages without JavaScript, and the buttons' state.

The object page is cached whole for every anonymous visitor, so its buttons cannot carry a
visitor's CSRF token (a cached token would be one visitor's, refused for all the others).
Without JavaScript they are GET forms that open a small page of this visitor's own, which
says where they stand and holds the POST form with its token; the POST records the choice
and goes back to the object. With JavaScript, ``static/js/interactions.js`` asks
``object_states`` for the state and the token, and posts to ``/api/interactions/``.
"""

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from exhibition.models import CollectionObject
from exhibition.selectors import get_public_object
from tours.models import InteractionKind, InteractionSource
from tours.selectors.history import object_states as states_of
from tours.services.interactions import (
    MAX_SLUG_LENGTH,
    VISITOR_SOURCES,
    InteractionItem,
    interactions_record,
)
from tours.visitors import visitor_profile_find, visitor_profile_get_or_create

MAX_STATE_OBJECTS = 100  # a page of search results is at most this many
MAX_NEXT_LENGTH = 2000
LIKE_CHOICES = frozenset({InteractionKind.LIKE.value, InteractionKind.UNLIKE.value})


def _back(request: HttpRequest, obj: CollectionObject, raw: str | None) -> str:
    """Where to return: a page of this site named in ``next``, else the object's page."""
    if (
        raw
        and len(raw) <= MAX_NEXT_LENGTH
        and url_has_allowed_host_and_scheme(
            raw, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return raw
    return obj.get_absolute_url()


def _source(raw: str | None) -> str:
    return raw if raw in VISITOR_SOURCES else InteractionSource.OBJECT_PAGE.value


def _record(request: HttpRequest, obj: CollectionObject, kind: str) -> HttpResponse:
    profile = visitor_profile_get_or_create(request=request)
    item = InteractionItem(obj.slug, kind, _source(request.POST.get("source")))
    interactions_record(profile=profile, items=[item])
    response = HttpResponseRedirect(_back(request, obj, request.POST.get("next")))
    response.status_code = 303  # after a POST, the browser GETs the page it came from
    return response


def _confirm(request: HttpRequest, obj: CollectionObject, action: str) -> HttpResponse:
    states = states_of(profile=visitor_profile_find(request=request), slugs=[obj.slug])
    context = {
        "obj": obj,
        "action": action,
        "liked": obj.slug in states.liked,
        "added": obj.slug in states.added_to_tour,
        "back": _back(request, obj, request.GET.get("next")),
        "source": _source(request.GET.get("source")),
        "retention_days": settings.TOURS_RETENTION_DAYS,
    }
    return render(request, "tours/likes/confirm.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def like(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: "Do you like this?" (or "You like this: take it back?"); POST: record it."""
    obj = get_public_object(slug)
    if request.method != "POST":
        return _confirm(request, obj, "like")
    kind = request.POST.get("kind", "")
    if kind not in LIKE_CHOICES:
        return HttpResponseBadRequest("Choose 'like' or 'unlike'.", content_type="text/plain")
    return _record(request, obj, kind)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def add_to_tour(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: "Add this to your tour?"; POST: record it."""
    obj = get_public_object(slug)
    if request.method != "POST":
        return _confirm(request, obj, "add_to_tour")
    return _record(request, obj, InteractionKind.ADD_TO_TOUR)


@never_cache
@require_safe
def object_states(request: HttpRequest) -> JsonResponse:
    """Which of ``?object=<slug>`` (repeatable) this visitor likes or picked, and a CSRF token.

    Reads only: a visitor with no history gets empty lists and no session.
    """
    slugs = request.GET.getlist("object")
    if len(slugs) > MAX_STATE_OBJECTS or any(len(s) > MAX_SLUG_LENGTH for s in slugs):
        detail = (
            f"Ask about 0 to {MAX_STATE_OBJECTS} objects, each a slug of at most "
            f"{MAX_SLUG_LENGTH} characters."
        )
        return JsonResponse({"detail": detail}, status=400)
    states = states_of(profile=visitor_profile_find(request=request), slugs=set(slugs))
    return JsonResponse(
        {
            "liked": sorted(states.liked),
            "added_to_tour": sorted(states.added_to_tour),
            "csrf_token": get_token(request),
        }
    )
