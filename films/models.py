"""A narrated film of an exhibition in one language, and the state of its last build.

One row per exhibition and language. ``version_key`` names the content the files were built
from (the objects, their pictures and approved descriptions, the voice, the film's format):
a film whose key is no longer the exhibition's current one is stale, and is neither shown
nor served, whatever its status says (an object made restricted since must not be seen).
"""

from django.db import models
from django.utils.translation import gettext_lazy


class FilmStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Queued")
    BUILDING = "building", gettext_lazy("Building")
    READY = "ready", gettext_lazy("Ready")
    FAILED = "failed", gettext_lazy("Failed")


class ExhibitionFilm(models.Model):
    exhibition = models.ForeignKey(
        "exhibition.Exhibition", on_delete=models.CASCADE, related_name="films"
    )
    language = models.CharField(max_length=10)
    status = models.CharField(
        max_length=20, choices=FilmStatus.choices, default=FilmStatus.QUEUED, db_index=True
    )
    # The content the files hold (``films.storyboard.film_version_key``); the key being
    # built while ``status`` is queued or building.
    version_key = models.CharField(max_length=64, blank=True)
    video = models.FileField(upload_to="films/", blank=True, max_length=300)
    captions = models.FileField(upload_to="films/", blank=True, max_length=300)
    poster = models.FileField(upload_to="films/", blank=True, max_length=300)
    duration_seconds = models.FloatField(default=0)
    size_bytes = models.PositiveBigIntegerField(default=0)
    object_count = models.PositiveIntegerField(
        default=0, help_text=gettext_lazy("Objects shown in the film")
    )
    narrated_count = models.PositiveIntegerField(
        default=0, help_text=gettext_lazy("Objects with an approved description spoken")
    )
    left_out_count = models.PositiveIntegerField(
        default=0, help_text=gettext_lazy("Public objects left out to keep the film short")
    )
    build_seconds = models.FloatField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["exhibition", "language"]
        verbose_name = gettext_lazy("exhibition film")
        verbose_name_plural = gettext_lazy("exhibition films")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "language"], name="films_one_film_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"Film of {self.exhibition} ({self.language}, {self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == FilmStatus.READY and bool(self.video)
