"""A tour as the API writes it, and the schema that documents it."""

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.reverse import reverse

from tours.selectors.tour_pages import StopView, TourPage


class StopSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    order = serializers.IntegerField()
    object = serializers.DictField(help_text="slug, title, url (the API record), page")
    room = serializers.CharField(allow_blank=True, help_text="The room's name; blank online")
    walk_seconds = serializers.IntegerField(help_text="Walk from the previous stop")
    view_seconds = serializers.IntegerField()
    reason = serializers.CharField(help_text="Why the recommender chose it")
    status = serializers.ChoiceField(choices=["planned", "seen", "skipped"])


class TourSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.UUIDField()
    mode = serializers.ChoiceField(choices=["building", "online"])
    budget_seconds = serializers.IntegerField()
    used_seconds = serializers.IntegerField(help_text="Planned time of the stops seen")
    planned_seconds = serializers.IntegerField(help_text="Planned time of every stop listed")
    stops = StopSerializer(many=True)
    empty_reason = serializers.CharField(allow_blank=True)
    notices = serializers.ListField(child=serializers.CharField())
    demo_map = serializers.BooleanField(help_text="The gallery map is made-up demo data")
    provenance = serializers.CharField()
    page = serializers.URLField(help_text="The tour's page on the site")


PROVENANCE = (
    "Planned by Vitrine's recommender and tour planner from what the visitor asked for; "
    "the reason for each stop is the recommender's."
)


def tour_payload(page: TourPage, request: Request, notices: tuple[str, ...]) -> dict[str, Any]:
    tour = page.tour
    return {
        "id": str(tour.public_id),
        "mode": tour.mode,
        "budget_seconds": tour.budget_seconds,
        "used_seconds": page.used_seconds,
        "planned_seconds": page.planned_seconds,
        "stops": [_stop(view, request) for view in page.stops],
        "empty_reason": tour.empty_reason,
        "notices": list(notices),
        "demo_map": page.is_demo_map,
        "provenance": PROVENANCE,
        "page": request.build_absolute_uri(f"/tours/{tour.public_id}/"),
    }


def _stop(view: StopView, request: Request) -> dict[str, Any]:
    obj = view.obj
    return {
        "id": view.stop.pk,
        "order": view.stop.order,
        "object": {
            "slug": obj.slug,
            "title": obj.title,
            "url": reverse("api-object-detail", kwargs={"slug": obj.slug}, request=request),
            "page": request.build_absolute_uri(obj.get_absolute_url()),
        },
        "room": view.room_name,
        "walk_seconds": view.stop.walk_seconds,
        "view_seconds": view.stop.view_seconds,
        "reason": view.stop.reason,
        "status": view.stop.status,
    }
