"""Reads of annotations: what visitors may see, and the object page's groups of them."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from exhibition.models import CollectionObject, Visibility
from exhibition.models.annotations import Annotation, AnnotationVisibility


def public_annotations(*, collection_object: CollectionObject) -> QuerySet[Annotation]:
    """Public notes of a public object, in the order they were written."""
    return (
        Annotation.objects.filter(
            collection_object=collection_object,
            collection_object__visibility=Visibility.PUBLIC,
            visibility=AnnotationVisibility.PUBLIC,
        )
        .select_related("creator", "image", "model3d", "collection_object")
        .order_by("pk")
    )


@dataclass
class PageAnnotations:
    """An object's public notes, numbered once for the whole page, grouped by target."""

    items: list[Annotation] = field(default_factory=list)
    by_image: dict[int, list[Annotation]] = field(default_factory=dict)
    by_model: dict[int, list[Annotation]] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)


def page_annotations(*, collection_object: CollectionObject) -> PageAnnotations:
    grouped = PageAnnotations()
    for number, annotation in enumerate(public_annotations(collection_object=collection_object), 1):
        grouped.items.append(annotation)
        grouped.numbers[annotation.pk] = number
        if annotation.image_id is not None:
            grouped.by_image.setdefault(annotation.image_id, []).append(annotation)
        elif annotation.model3d_id is not None:
            grouped.by_model.setdefault(annotation.model3d_id, []).append(annotation)
    return grouped
