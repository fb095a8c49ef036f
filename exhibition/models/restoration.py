"""Virtual restorations: a machine-made reconstruction of a damaged image."""

from django.db import models
from django.utils.translation import gettext_lazy

from exhibition.models.machine_output import MachineOutput, ReviewStatus
from exhibition.models.media import ObjectImage


def restoration_upload_to(instance: "Restoration", filename: str) -> str:
    return f"objects/{instance.source_image.collection_object.slug}/restorations/{filename}"


class Restoration(models.Model):
    source_image = models.ForeignKey(
        ObjectImage, on_delete=models.CASCADE, related_name="restorations"
    )
    machine_output = models.OneToOneField(
        MachineOutput, on_delete=models.CASCADE, related_name="restoration"
    )
    result = models.ImageField(upload_to=restoration_upload_to, max_length=500)
    mask = models.ImageField(
        upload_to=restoration_upload_to,
        blank=True,
        max_length=500,
        help_text=gettext_lazy("White marks the reconstructed pixels"),
    )
    uncertainty = models.ImageField(
        upload_to=restoration_upload_to,
        blank=True,
        max_length=500,
        help_text=gettext_lazy(
            "Per-pixel uncertainty of the reconstruction (brighter is less certain)"
        ),
    )
    # Set once the result's IIIF level-0 tiles exist (exhibition/iiif/restoration_tiles.py);
    # until then the comparison shows the result file itself.
    tiles_ready = models.BooleanField(default=False)

    class Meta:
        ordering = ["-machine_output__produced_at", "-pk"]
        verbose_name = gettext_lazy("restoration")
        verbose_name_plural = gettext_lazy("restorations")

    def __str__(self) -> str:
        return (
            f"Restoration of {self.source_image.collection_object} ({self.machine_output.engine})"
        )

    @property
    def is_public(self) -> bool:
        return (
            self.machine_output.status == ReviewStatus.APPROVED
            and self.source_image.collection_object.is_public
        )
