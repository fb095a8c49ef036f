"""What tours keep: anonymous visitors and what they did, the gallery map, and planned tours.

A visitor has no account: ``VisitorProfile`` is found through a random token kept in the Django
session, never through an IP address or anything else that names a person. Interactions are
deleted after ``TOURS_RETENTION_DAYS`` by ``manage.py purge_interactions``.
"""

import uuid

from django.db import models

from exhibition.models import CollectionObject


class InterestKind(models.TextChoices):
    THEME = "theme", "Theme"
    OBJECT_TYPE = "object_type", "Object type"
    PERIOD = "period", "Period"
    CULTURE = "culture", "Culture"


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
    VIEW = "view", "Viewed"
    LIKE = "like", "Liked"
    UNLIKE = "unlike", "Took back a like"
    SKIP = "skip", "Skipped"
    ADD_TO_TOUR = "add_to_tour", "Added to a tour"


class InteractionSource(models.TextChoices):
    OBJECT_PAGE = "object_page", "Object page"
    SEARCH = "search", "Search results"
    TOUR = "tour", "Tour"
    KIOSK = "kiosk", "Kiosk"
    API = "api", "API"
    SIMULATED = "simulated", "Simulated visitor (synthetic)"


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

    name = models.CharField(max_length=200)
    is_current = models.BooleanField(default=True)
    is_demo = models.BooleanField(default=False)
    # Seconds a typical visitor spends at one object, by object type; "default" for the rest.
    viewing_seconds = models.JSONField(default=dict, blank=True)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name + (" (demo data)" if self.is_demo else "")


class Room(models.Model):
    """A room or zone; ``shape`` is its outline on the map, a list of [x, y] in map units."""

    gallery_map = models.ForeignKey(GalleryMap, on_delete=models.CASCADE, related_name="rooms")
    slug = models.SlugField(max_length=100)
    name = models.CharField(max_length=200)
    floor = models.SmallIntegerField(default=0)
    shape = models.JSONField(default=list, blank=True)
    is_closed = models.BooleanField(default=False, help_text="Temporarily closed to visitors.")
    is_entrance = models.BooleanField(default=False)
    is_exit = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gallery_map", "slug"], name="unique_room_per_map")
        ]
        ordering = ["floor", "name"]

    def __str__(self) -> str:
        return self.name


class RoomLink(models.Model):
    """A way between two rooms, walkable both ways in ``walking_seconds``."""

    gallery_map = models.ForeignKey(GalleryMap, on_delete=models.CASCADE, related_name="links")
    room_a = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+")
    room_b = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+")
    walking_seconds = models.PositiveIntegerField()
    step_free = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"{self.room_a} – {self.room_b}"


class ObjectLocation(models.Model):
    """Where an object is shown on a map; an object with no location is not on display."""

    gallery_map = models.ForeignKey(GalleryMap, on_delete=models.CASCADE, related_name="locations")
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="+"
    )
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="locations")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gallery_map", "collection_object"], name="one_location_per_map"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_object_id} in {self.room}"


class TourMode(models.TextChoices):
    BUILDING = "building", "In the building"
    ONLINE = "online", "Online"


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
    PLANNED = "planned", "Planned"
    SEEN = "seen", "Seen"
    SKIPPED = "skipped", "Skipped"


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
