"""Reading descriptions: the approved one a page shows, the latest one curators work on."""

from django.db.models import Q, QuerySet

from descriptions.models import Description
from exhibition.models import CollectionObject, ReviewStatus
from exhibition.selectors import public_objects


def _of(collection_object: CollectionObject, language: str) -> QuerySet[Description]:
    return Description.objects.filter(
        collection_object=collection_object, language=language
    ).select_related("machine_output")


def approved_description(collection_object: CollectionObject, language: str) -> Description | None:
    """The most recently approved description in this language, or None."""
    return (
        _of(collection_object, language)
        .filter(machine_output__status=ReviewStatus.APPROVED)
        .order_by("-machine_output__reviewed_at", "-pk")
        .first()
    )


def latest_description(collection_object: CollectionObject, language: str) -> Description | None:
    """The newest description that is not rejected (a draft or an approved one), or None."""
    return (
        _of(collection_object, language)
        .exclude(machine_output__status=ReviewStatus.REJECTED)
        .order_by("-machine_output__produced_at", "-pk")
        .first()
    )


def describable_objects() -> QuerySet[CollectionObject]:
    """Public objects with an image or a 3D model: the ones every one of which gets a draft."""
    has_media = Q(images__isnull=False) | Q(models3d__isnull=False)
    return public_objects().filter(has_media).distinct().order_by("pk")


def undescribed_objects(language: str) -> list[CollectionObject]:
    """Describable objects without any non-rejected description in this language."""
    described = Description.objects.filter(language=language).exclude(
        machine_output__status=ReviewStatus.REJECTED
    )
    ids = set(described.values_list("collection_object_id", flat=True))
    return [obj for obj in describable_objects() if obj.pk not in ids]
