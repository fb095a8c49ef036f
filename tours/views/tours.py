"""The tour pages: start a tour, follow it, re-plan it, print it, take it away on a phone.

Everything works without JavaScript: plain forms that POST and redirect (POST-redirect-GET),
so a reload never repeats an action. What a tour is and how it changes is decided by the
services (tours.services.tour_plans) and shown through the selectors (tours.selectors).
"""

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from exhibition.selectors import public_objects
from tours.handoff import HandoffError, handoff_url, qr_svg, tour_from_handoff
from tours.models import Tour
from tours.recommending.interests import interest_choices
from tours.selectors.tour_pages import get_tour, get_tour_stop, tour_page
from tours.services.tour_plans import (
    REPLAN_AFTER_LINGER_SECONDS,
    tour_plan,
    tour_replan,
    tour_stop_seen,
)
from tours.tour_requests import TourRequestError, read_tour_ask
from tours.views.start_form import StartForm, initial_start_form, start_choices
from tours.visitors import visitor_profile_find, visitor_profile_get_or_create

REPLAN_DONE = {
    "skip": gettext_lazy("Skipped “%(title)s”. Your tour was planned again without it."),
    "more_like_this": gettext_lazy("Your tour was planned again with more like “%(title)s”."),
    "more_time": gettext_lazy("15 more minutes: your tour was planned again."),
    "shorten": gettext_lazy("Shortened: your tour was planned again to fit less time."),
}


def _to_tour(tour: Tour) -> HttpResponseRedirect:
    return redirect("tours:tour", public_id=tour.public_id)


@never_cache
def start(request: HttpRequest) -> HttpResponse:
    """GET: the start form. POST: plan the tour and go to it, or show the form again."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    choices = interest_choices()
    if request.method != "POST":
        form = initial_start_form(visitor_profile_find(request=request))
        return _start_page(request, choices=choices, form=form)
    form = StartForm.from_post(request.POST)
    try:
        ask = read_tour_ask(**form.ask_arguments(choices))
        tour = tour_plan(ask=ask, profile=visitor_profile_get_or_create(request=request))
    except TourRequestError as exc:
        return _start_page(request, choices=choices, form=form, error=str(exc))
    for notice in (*ask.notices, *tour.request.get("notices", [])):
        messages.warning(request, notice)
    return _to_tour(tour)


def _start_page(
    request: HttpRequest, *, choices: Any, form: StartForm, error: str = ""
) -> HttpResponse:
    context = {
        "choices": start_choices(choices=choices, profile=visitor_profile_find(request=request)),
        "form": form,
        "error": error,
    }
    return render(request, "tours/start.html", context, status=400 if error else 200)


@require_safe
@never_cache
def tour_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    tour = get_tour(public_id=public_id)
    return render(request, "tours/tour.html", {"page": tour_page(tour=tour)})


@require_POST
def stop_seen(request: HttpRequest, public_id: uuid.UUID, stop_id: int) -> HttpResponse:
    tour = get_tour(public_id=public_id)
    stop = get_tour_stop(tour=tour, stop_id=stop_id)
    try:
        tour_stop_seen(tour=tour, stop=stop)
    except TourRequestError as exc:
        return _tour_error(request, tour, str(exc))
    if stop.lingered_seconds >= REPLAN_AFTER_LINGER_SECONDS:
        minutes = round(stop.lingered_seconds / 60)
        messages.info(
            request,
            _(
                "You spent about %(minutes)d min longer than planned: the rest of your tour "
                "was planned again to fit your time."
            )
            % {"minutes": minutes},
        )
    return _to_tour(tour)


@require_POST
def replan(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    tour = get_tour(public_id=public_id)
    action = str(request.POST.get("action", ""))[:40]
    raw_stop = str(request.POST.get("stop", "")).strip()
    stop = get_tour_stop(tour=tour, stop_id=raw_stop) if raw_stop else None
    try:
        tour_replan(tour=tour, action=action, stop=stop)
    except TourRequestError as exc:
        return _tour_error(request, tour, str(exc))
    title = _public_title(stop.collection_object_id) if stop is not None else ""
    done = str(REPLAN_DONE[action])
    messages.success(request, done % {"title": title} if "%(title)s" in done else done)
    return _to_tour(tour)


def _public_title(object_id: int) -> str:
    # The stop's object may have been made restricted since: its title is not shown then.
    title = public_objects().filter(pk=object_id).values_list("title", flat=True).first()
    return title or _("that object")


def _tour_error(request: HttpRequest, tour: Tour, message: str) -> HttpResponse:
    context = {"page": tour_page(tour=tour), "error": message}
    return render(request, "tours/tour.html", context, status=400)


@require_safe
@never_cache
def tour_print(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    tour = get_tour(public_id=public_id)
    return render(request, "tours/print.html", {"page": tour_page(tour=tour)})


@require_safe
@never_cache
def take_away(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The kiosk's hand-off: a QR code (and the same link as text) that opens this tour."""
    tour = get_tour(public_id=public_id)
    url = handoff_url(request=request, tour=tour)
    context = {
        "tour": tour,
        "url": url,
        "qr": qr_svg(url=url),
        "hours": max(1, round(settings.TOURS_HANDOFF_MAX_AGE_SECONDS / 3600)),
    }
    return render(request, "tours/take_away.html", context)


@require_safe
@never_cache
def handoff_open(request: HttpRequest, token: str) -> HttpResponse:
    """Where the QR code leads: the tour, or a page that says why the link cannot open."""
    try:
        tour = tour_from_handoff(token=token)
    except HandoffError as exc:
        return render(
            request, "tours/handoff_error.html", {"message": str(exc)}, status=exc.status_code
        )
    messages.info(request, _("This is the tour from the kiosk: follow it here on your phone."))
    return _to_tour(tour)
