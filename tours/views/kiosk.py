"""Kiosk mode (/kiosk/): the collection full-screen and touch-first on a gallery screen.

The kiosk has its own pages (an attract screen, a grid of objects, an object view, tour
planning and the hand-off QR code) in a chrome with no way out of the site. kiosk.js
watches for an idle screen, asks "Are you still there?" and, unanswered, posts to ``reset``;
the service worker served by ``service_worker`` keeps what the kiosk showed for network drops.
Kiosk pages carry a CSRF token (for the reset), so none is stored in a shared HTTP cache.
"""

import json
import uuid
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from exhibition.page_selectors import featured_objects
from exhibition.selectors import get_public_object, public_objects_with_media
from tours.handoff import handoff_url, qr_svg
from tours.recommending.interests import interest_choices
from tours.selectors.tour_pages import get_tour, tour_page
from tours.services.kiosk import kiosk_visitor_reset
from tours.services.tour_plans import tour_plan
from tours.tour_requests import TourRequestError, read_tour_ask
from tours.views.start_form import StartForm, start_choices
from tours.visitors import visitor_profile_get_or_create

OBJECTS_PER_PAGE = 12
MAX_PAGE_NUMBER = 10_000
# WCAG 2.2.1 (Timing Adjustable): at least 20 seconds to answer the warning.
MIN_WARNING_SECONDS = 20
SERVICE_WORKER = Path(settings.BASE_DIR) / "static" / "js" / "kiosk-sw.js"


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    kiosk = {
        "idle_seconds": max(1, int(settings.KIOSK_IDLE_SECONDS)),
        "warning_seconds": max(MIN_WARNING_SECONDS, int(settings.KIOSK_WARNING_SECONDS)),
    }
    return render(request, template, {**context, "kiosk": kiosk}, status=status)


@require_safe
@never_cache
def attract(request: HttpRequest) -> HttpResponse:
    """The screen a kiosk shows between visitors: featured objects, "touch to start"."""
    return _render(request, "tours/kiosk/attract.html", {"featured": featured_objects()})


@require_safe
@never_cache
def browse(request: HttpRequest) -> HttpResponse:
    objects = public_objects_with_media().prefetch_related("creator_links__agent", "images")
    paginator = Paginator(objects.order_by("title", "pk"), OBJECTS_PER_PAGE)
    raw = request.GET.get("page", "1")[:6]
    number = int(raw) if raw.isdigit() else 1
    page = paginator.get_page(min(number, MAX_PAGE_NUMBER))
    return _render(request, "tours/kiosk/browse.html", {"page": page})


@require_safe
@never_cache
def object_view(request: HttpRequest, slug: str) -> HttpResponse:
    obj = get_public_object(slug)
    context = {
        "obj": obj,
        "creators": list(obj.creator_links.all()),
        "image": obj.images.order_by("order", "pk").first(),
        # The guide is its own app: the kiosk shows its panel only where it is installed.
        "has_guide": apps.is_installed("guide"),
    }
    return _render(request, "tours/kiosk/object.html", context)


@never_cache
def tour_start(request: HttpRequest) -> HttpResponse:
    """GET: a short, touch-sized planning form. POST: plan the tour and show it here."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    choices = interest_choices()
    form = StartForm.from_post(request.POST) if request.method == "POST" else StartForm()
    context: dict[str, Any] = {
        "choices": start_choices(choices=choices, profile=None),
        "form": form,
        "error": "",
    }
    if request.method != "POST":
        return _render(request, "tours/kiosk/tour_start.html", context)
    try:
        ask = read_tour_ask(**form.ask_arguments(choices))
        tour = tour_plan(ask=ask, profile=visitor_profile_get_or_create(request=request))
    except TourRequestError as exc:
        context["error"] = str(exc)
        return _render(request, "tours/kiosk/tour_start.html", context, status=400)
    for notice in (*ask.notices, *tour.request.get("notices", [])):
        messages.warning(request, notice)
    return redirect("kiosk:tour", public_id=tour.public_id)


@require_safe
@never_cache
def tour_view(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The planned tour and the QR code that takes it away on a phone."""
    tour = get_tour(public_id=public_id)
    url = handoff_url(request=request, tour=tour)
    context = {
        "page": tour_page(tour=tour),
        "qr": qr_svg(url=url),
        "hours": max(1, round(settings.TOURS_HANDOFF_MAX_AGE_SECONDS / 3600)),
    }
    return _render(request, "tours/kiosk/tour.html", context)


@require_POST
def reset(request: HttpRequest) -> HttpResponse:
    """End the visit (CSRF-checked like every POST): forget the visitor, back to attract."""
    kiosk_visitor_reset(request=request)
    return redirect("kiosk:attract")


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The kiosk's service worker, from a URL under /kiosk/ so that it may control it.

    Never cached by HTTP, so a new version reaches kiosks on their next check. Served at
    /kiosk/sw.js and /fr/kiosk/sw.js: each language's kiosk has its own worker and scope,
    with its words (the offline fallback) in that language.
    ``Service-Worker-Allowed`` lets a deployment widen the scope to the whole site.
    """
    strings = {"notSaved": _("Offline, and this page was not saved.")}
    head = f"self.KIOSK_STRINGS = {json.dumps(strings, ensure_ascii=False)};\n"
    response = HttpResponse(
        head.encode() + SERVICE_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache, max-age=0"
    response["Service-Worker-Allowed"] = "/"
    return response
