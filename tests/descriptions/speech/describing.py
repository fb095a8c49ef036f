"""Description rows for speech tests, made the way the drafting step records them."""

from datetime import UTC, datetime

from django.contrib.auth.models import User

from descriptions.models import Description
from exhibition.models import CollectionObject, MachineOutput, MachineOutputKind, ReviewStatus

LONG_TEXT = (
    "Oil painting by Test Painter, dated 1850, on canvas. "
    "A calm harbour at dusk, seen from the quay. "
    "In the foreground two fishing boats rest on the water. "
    "Behind them the town climbs a hill under an orange sky."
)


def add_description(
    obj: CollectionObject,
    *,
    long_text: str = LONG_TEXT,
    language: str = "en",
    status: str = ReviewStatus.DRAFT,
    reviewer: User | None = None,
) -> Description:
    now = datetime.now(UTC)
    output = MachineOutput.objects.create(
        kind=MachineOutputKind.DESCRIPTION,
        collection_object=obj,
        method="verbal description",
        engine="templates",
        engine_version="1",
        produced_at=now,
        status=status,
        reviewed_by=reviewer if status != ReviewStatus.DRAFT else None,
        reviewed_at=now if status != ReviewStatus.DRAFT else None,
    )
    return Description.objects.create(
        collection_object=obj,
        machine_output=output,
        language=language,
        alt_text="A harbour at dusk with two boats",
        short_text="Painting, oil on canvas, landscape: a harbour at dusk.",
        long_text=long_text,
    )
