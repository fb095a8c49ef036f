"""Media attached to objects: still images (deep zoom) and 3D models (GLB)."""

from django.db import models
from django.utils.translation import gettext_lazy

from exhibition.models.collection import CollectionObject


def image_upload_to(instance: "ObjectImage", filename: str) -> str:
    return f"objects/{instance.collection_object.slug}/images/{filename}"


def model_upload_to(instance: "ObjectModel3D", filename: str) -> str:
    return f"objects/{instance.collection_object.slug}/models/{filename}"


class ObjectImage(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="images"
    )
    original = models.ImageField(
        upload_to=image_upload_to, width_field="width", height_field="height", max_length=500
    )
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    checksum = models.CharField(
        max_length=64, help_text=gettext_lazy("SHA-256 of the original file")
    )
    alt_text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Set once the IIIF level-0 tiles and info.json exist under MEDIA_ROOT/iiif/<identifier>/.
    tiles_ready = models.BooleanField(default=False)
    tiles_checksum = models.CharField(
        max_length=64,
        blank=True,
        help_text=gettext_lazy("Checksum of the original the tiles were cut from"),
    )

    class Meta:
        ordering = ["collection_object", "order", "pk"]
        verbose_name = gettext_lazy("object image")
        verbose_name_plural = gettext_lazy("object images")

    def __str__(self) -> str:
        return f"Image {self.order} of {self.collection_object}"

    @property
    def iiif_identifier(self) -> str:
        """Stable IIIF Image API identifier: object slug plus position."""
        return f"{self.collection_object.slug}-{self.order}"


class ObjectModel3D(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="models3d"
    )
    glb = models.FileField(upload_to=model_upload_to, max_length=500)
    poster = models.ImageField(upload_to=model_upload_to, blank=True, max_length=500)
    # Set when the displayed GLB was decimated for the web: the converted full-resolution
    # mesh, offered for download instead.
    original = models.FileField(
        upload_to=model_upload_to,
        blank=True,
        max_length=500,
        help_text=gettext_lazy("Full-resolution GLB, when the displayed one is decimated"),
    )
    checksum = models.CharField(max_length=64, help_text=gettext_lazy("SHA-256 of the GLB file"))
    size_bytes = models.PositiveBigIntegerField(default=0)
    alt_text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    # Scans that record shape only (no textures, black base colour) are shown in a neutral
    # clay material, and the page says so, rather than as a black silhouette.
    geometry_only = models.BooleanField(
        default=False, help_text=gettext_lazy("Shape only: displayed in a neutral material")
    )

    class Meta:
        ordering = ["collection_object", "order", "pk"]
        verbose_name = gettext_lazy("3D model")
        verbose_name_plural = gettext_lazy("3D models")

    def __str__(self) -> str:
        return f"3D model {self.order} of {self.collection_object}"


class Hotspot(models.Model):
    """An annotation pinned to a point on a 3D model's surface."""

    model = models.ForeignKey(ObjectModel3D, on_delete=models.CASCADE, related_name="hotspots")
    position = models.CharField(
        max_length=100, help_text=gettext_lazy("‘x y z’ in metres, model space")
    )
    normal = models.CharField(
        max_length=100, default="0 1 0", help_text=gettext_lazy("‘x y z’ unit vector")
    )
    label = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["model", "order", "pk"]
        verbose_name = gettext_lazy("hotspot")
        verbose_name_plural = gettext_lazy("hotspots")

    def __str__(self) -> str:
        return self.label
