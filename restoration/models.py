"""A curator's request for a restoration run, followed from queued to done.

The run itself is recorded as machine output (exhibition.models.MachineOutput, with its
Restoration when it succeeds); this row is what the curators' tool shows while it waits
for a worker or runs, and why a run never started (an empty mask, an image over the limit).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy, pgettext_lazy

from exhibition.models import ObjectImage, Restoration


class RestorationRequest(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", gettext_lazy("Waiting for a worker")
        RUNNING = "running", gettext_lazy("Running")
        DONE = "done", gettext_lazy("Stored as a draft")
        FAILED = "failed", pgettext_lazy("machine run", "Failed")

    image = models.ForeignKey(
        ObjectImage, on_delete=models.CASCADE, related_name="restoration_requests"
    )
    engine = models.CharField(max_length=50)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    finished_at = models.DateTimeField(null=True, blank=True)
    restoration = models.ForeignKey(
        Restoration, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.engine} on {self.image} ({self.get_state_display()})"

    @property
    def in_progress(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
