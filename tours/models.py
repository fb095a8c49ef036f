"""What tours keep: anonymous visitors and what they did, the gallery map, and planned tours.

A visitor has no account: ``VisitorProfile`` is found through a random token kept in the Django
session, never through an IP address or anything else that names a person. Interactions are
deleted after ``TOURS_RETENTION_DAYS`` by ``manage.py purge_interactions``.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy

from exhibition.models import CollectionObject


class InterestKind(models.TextChoices):
    THEME = "theme", gettext_lazy("Theme")
    OBJECT_TYPE = "object_type", gettext_lazy("Object type")
    PERIOD = "period", gettext_lazy("Period")
    CULTURE = "culture", gettext_lazy("Culture")


class VisitorProfile(models.Model):
    """One anonymous visitor: chosen interests, a pace, and (through interactions) their history.

    ``interests`` is a list of ``{"kind": InterestKind, "value": str}``; ``pace`` scales viewing
    times (1.0 is the museum's typical visitor, 1.5 takes half as long again).
    """

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interests = models.JSONField(default=list, blank=True)
    pace = models.FloatField(default=1.0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"visitor {str(self.token)[:8]}"


class InteractionKind(models.TextChoices):
    VIEW = "view", gettext_lazy("Viewed")
    LIKE = "like", gettext_lazy("Liked")
    UNLIKE = "unlike", gettext_lazy("Took back a like")
    SKIP = "skip", gettext_lazy("Skipped")
    ADD_TO_TOUR = "add_to_tour", gettext_lazy("Added to a tour")


class InteractionSource(models.TextChoices):
    OBJECT_PAGE = "object_page", gettext_lazy("Object page")
    SEARCH = "search", gettext_lazy("Search results")
    TOUR = "tour", gettext_lazy("Tour")
    KIOSK = "kiosk", gettext_lazy("Kiosk")
    API = "api", gettext_lazy("API")
    SIMULATED = "simulated", gettext_lazy("Simulated visitor (synthetic)")


class Interaction(models.Model):
    """One thing a visitor did with one object; ``dwell_seconds`` for views."""

    profile = models.ForeignKey(
        VisitorProfile, on_delete=models.CASCADE, related_name="interactions"
    )
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=InteractionKind.choices)
    source = models.CharField(max_length=20, choices=InteractionSource.choices)
    dwell_seconds = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["profile", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.collection_object_id}"


class GalleryMap(models.Model):
    """The building: rooms, the links between them, and where each object is shown.

    Loaded from a JSON file by ``manage.py load_gallery_map`` and editable in the admin. Only one
    map is in use at a time (``is_current``). ``is_demo`` marks a made-up map (the demo
    collection's), which the admin and the tour page say.
    """

    name = models.CharField(gettext_lazy("name"), max_length=200)
    is_current = models.BooleanField(gettext_lazy("in use for tours"), default=True)
    is_demo = models.BooleanField(gettext_lazy("demo data"), default=False)
    # Seconds a typical visitor spends at one object, by object type; "default" for the rest.
    viewing_seconds = models.JSONField(gettext_lazy("viewing seconds"), default=dict, blank=True)
    loaded_at = models.DateTimeField(gettext_lazy("loaded at"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("gallery map")
        verbose_name_plural = gettext_lazy("gallery maps")

    def __str__(self) -> str:
        return self.name + (" (demo data)" if self.is_demo else "")


class Room(models.Model):
    """A room or zone; ``shape`` is its outline on the map, a list of [x, y] in map units."""

    gallery_map = models.ForeignKey(
        GalleryMap, verbose_name=gettext_lazy("map"), on_delete=models.CASCADE, related_name="rooms"
    )
    slug = models.SlugField(gettext_lazy("slug"), max_length=100)
    name = models.CharField(gettext_lazy("name"), max_length=200)
    floor = models.SmallIntegerField(gettext_lazy("floor"), default=0)
    shape = models.JSONField(gettext_lazy("shape"), default=list, blank=True)
    is_closed = models.BooleanField(
        gettext_lazy("closed"),
        default=False,
        help_text=gettext_lazy("Temporarily closed to visitors."),
    )
    is_entrance = models.BooleanField(gettext_lazy("entrance"), default=False)
    is_exit = models.BooleanField(gettext_lazy("exit"), default=False)

    class Meta:
        verbose_name = gettext_lazy("room")
        verbose_name_plural = gettext_lazy("rooms")
        constraints = [
            models.UniqueConstraint(fields=["gallery_map", "slug"], name="unique_room_per_map")
        ]
        ordering = ["floor", "name"]

    def __str__(self) -> str:
        return self.name


class RoomLink(models.Model):
    """A way between two rooms, walkable both ways in ``walking_seconds``."""

    gallery_map = models.ForeignKey(
        GalleryMap, verbose_name=gettext_lazy("map"), on_delete=models.CASCADE, related_name="links"
    )
    room_a = models.ForeignKey(
        Room, verbose_name=gettext_lazy("room A"), on_delete=models.CASCADE, related_name="+"
    )
    room_b = models.ForeignKey(
        Room, verbose_name=gettext_lazy("room B"), on_delete=models.CASCADE, related_name="+"
    )
    walking_seconds = models.PositiveIntegerField(gettext_lazy("walking seconds"))
    step_free = models.BooleanField(gettext_lazy("step-free"), default=True)

    class Meta:
        verbose_name = gettext_lazy("room link")
        verbose_name_plural = gettext_lazy("room links")

    def __str__(self) -> str:
        return f"{self.room_a} – {self.room_b}"


class ObjectLocation(models.Model):
    """Where an object is shown on a map; an object with no location is not on display."""

    gallery_map = models.ForeignKey(
        GalleryMap,
        verbose_name=gettext_lazy("map"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    collection_object = models.ForeignKey(
        CollectionObject,
        verbose_name=gettext_lazy("object"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    room = models.ForeignKey(
        Room, verbose_name=gettext_lazy("room"), on_delete=models.CASCADE, related_name="locations"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gallery_map", "collection_object"], name="one_location_per_map"
            )
        ]
        verbose_name = gettext_lazy("object location")
        verbose_name_plural = gettext_lazy("object locations")

    def __str__(self) -> str:
        return f"{self.collection_object_id} in {self.room}"


class TourMode(models.TextChoices):
    BUILDING = "building", gettext_lazy("In the building")
    ONLINE = "online", gettext_lazy("Online")


class Tour(models.Model):
    """A planned tour: what the visitor asked for and, in its stops, what the planner chose.

    The tour is an algorithm's output: its page says so, and gives the reason for each stop.
    ``request`` keeps the visitor's choices (interests, liked objects, budget, pace, step-free,
    start and end rooms) so that a re-plan starts from them.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    profile = models.ForeignKey(
        VisitorProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="tours"
    )
    gallery_map = models.ForeignKey(
        GalleryMap, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    mode = models.CharField(max_length=10, choices=TourMode.choices)
    request = models.JSONField(default=dict)
    budget_seconds = models.PositiveIntegerField()
    empty_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    replanned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"tour {str(self.public_id)[:8]}"


class StopStatus(models.TextChoices):
    PLANNED = "planned", gettext_lazy("Planned")
    SEEN = "seen", gettext_lazy("Seen")
    SKIPPED = "skipped", gettext_lazy("Skipped")


class TourStop(models.Model):
    """One object on a tour, in order, with when to be there and why it was chosen."""

    tour = models.ForeignKey(Tour, on_delete=models.CASCADE, related_name="stops")
    order = models.PositiveSmallIntegerField()
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="+"
    )
    room = models.ForeignKey(Room, on_delete=models.SET_NULL, null=True, blank=True)
    walk_seconds = models.PositiveIntegerField(default=0)  # from the previous stop
    view_seconds = models.PositiveIntegerField()
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=StopStatus.choices, default="planned")
    seen_at = models.DateTimeField(null=True, blank=True)
    # Time the visitor took beyond the plan to get here and look (see tours.tour_clock).
    lingered_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["tour", "order"]
        constraints = [models.UniqueConstraint(fields=["tour", "order"], name="unique_stop_order")]

    def __str__(self) -> str:
        return f"{self.order}. {self.collection_object_id}"
