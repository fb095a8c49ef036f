"""An annotation: text about a rectangle or polygon of an image, or a point on a 3D model.

Its geometry checks, reads and W3C Web Annotation JSON-LD are in exhibition.annotations.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from exhibition.models.collection import CollectionObject
from exhibition.models.media import ObjectImage, ObjectModel3D

BODY_MAX_LENGTH = 2000


class SelectorKind(models.TextChoices):
    RECT = "rect", gettext_lazy("Rectangle on the image")
    POLYGON = "polygon", gettext_lazy("Polygon on the image")
    POINT3D = "point3d", gettext_lazy("Point on the 3D model")


class Motivation(models.TextChoices):
    # The W3C Web Annotation motivations an exhibition's notes use.
    COMMENTING = "commenting", gettext_lazy("Commenting")
    DESCRIBING = "describing", gettext_lazy("Describing")
    TAGGING = "tagging", gettext_lazy("Tagging")


class AnnotationVisibility(models.TextChoices):
    PUBLIC = "public", gettext_lazy("Public")
    CURATORS = "curators", gettext_lazy("Curators only")


class Annotation(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="annotations"
    )
    # Exactly one target: an image (rect, polygon) or a 3D model (point3d).
    image = models.ForeignKey(
        ObjectImage, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations"
    )
    model3d = models.ForeignKey(
        ObjectModel3D, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations"
    )
    selector_kind = models.CharField(max_length=10, choices=SelectorKind.choices)
    # Checked by exhibition.annotations.geometry before every write, in image pixels or
    # model units: {"x","y","w","h"} | {"points": [[x, y], ...]} | {"x","y","z","normal"}.
    selector = models.JSONField()
    body = models.TextField(max_length=BODY_MAX_LENGTH)
    language = models.CharField(max_length=10, default="en")
    motivation = models.CharField(
        max_length=12, choices=Motivation.choices, default=Motivation.COMMENTING
    )
    creator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    visibility = models.CharField(
        max_length=10, choices=AnnotationVisibility.choices, default=AnnotationVisibility.PUBLIC
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["collection_object", "pk"]
        verbose_name = gettext_lazy("annotation")
        verbose_name_plural = gettext_lazy("annotations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(image__isnull=False) & Q(model3d__isnull=True))
                | (Q(image__isnull=True) & Q(model3d__isnull=False)),
                name="annotation_one_target",
            )
        ]

    def __str__(self) -> str:
        text = self.body if len(self.body) <= 60 else f"{self.body[:59]}…"
        return f"Annotation on {self.collection_object}: {text}"

    @property
    def is_public(self) -> bool:
        return self.visibility == AnnotationVisibility.PUBLIC
