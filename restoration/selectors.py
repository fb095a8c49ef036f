"""Reads of restoration runs, for the curators' tool."""

from django.db.models import QuerySet

from exhibition.models import MachineOutput, MachineOutputKind, ObjectImage, Restoration
from restoration.models import RestorationRequest


def restoration_runs(*, image: ObjectImage) -> QuerySet[Restoration]:
    """The image's stored runs, the most recent first."""
    return (
        Restoration.objects.filter(source_image=image)
        .select_related("machine_output")
        .order_by("-machine_output__produced_at", "-pk")
    )


def failed_restoration_runs(*, image: ObjectImage) -> QuerySet[MachineOutput]:
    """Runs on the image's object that failed: recorded with their error, no result stored."""
    return MachineOutput.objects.filter(
        kind=MachineOutputKind.RESTORATION,
        collection_object=image.collection_object,
        restoration__isnull=True,
    ).exclude(error="")


def restoration_requests_in_progress(*, image: ObjectImage) -> QuerySet[RestorationRequest]:
    """Runs asked for on this image that a worker has not finished, the oldest first."""
    return (
        RestorationRequest.objects.filter(
            image=image,
            state__in=[RestorationRequest.State.QUEUED, RestorationRequest.State.RUNNING],
        )
        .select_related("requested_by")
        .order_by("requested_at", "pk")
    )
