"""Reads of annotations: what visitors may see, and the object page's notes."""

from dataclasses import dataclass

from django.db.models import QuerySet

from exhibition.annotations.jsonld import creator_name
from exhibition.models import (
    Annotation,
    CollectionObject,
    ObjectImage,
    ObjectModel3D,
    Visibility,
)
from exhibition.models.annotations import AnnotationVisibility, SelectorKind


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


@dataclass(frozen=True)
class PageNote:
    """A note as the object page shows it: numbered, placed on its viewer, and as text.

    ``viewer`` is the element id of the deep zoom or 3D stage the note sits on (the
    page numbers them in the order it lists the media); ``region`` is the box
    "x,y,w,h" in image pixels (a polygon's bounding box, with ``polygon`` its points
    relative to that box); ``position`` and ``normal`` are "x y z" for a 3D hotspot.
    """

    annotation: Annotation
    number: int
    viewer: str
    media_number: int
    creator: str
    region: str = ""
    polygon: str = ""
    position: str = ""
    normal: str = ""

    @property
    def on_model(self) -> bool:
        return bool(self.position)


def _region_note(annotation: Annotation, **common: object) -> PageNote:
    data = annotation.selector
    if annotation.selector_kind == SelectorKind.RECT:
        region = f"{data['x']},{data['y']},{data['w']},{data['h']}"
        return PageNote(annotation=annotation, region=region, **common)  # type: ignore[arg-type]
    xs = [x for x, _y in data["points"]]
    ys = [y for _x, y in data["points"]]
    left, top = min(xs), min(ys)
    box = f"{left},{top},{max(max(xs) - left, 1)},{max(max(ys) - top, 1)}"
    points = " ".join(f"{x - left},{y - top}" for x, y in data["points"])
    return PageNote(annotation=annotation, region=box, polygon=points, **common)  # type: ignore[arg-type]


def _triple(values: list[float]) -> str:
    return " ".join(f"{value:g}" for value in values)


def page_notes(
    *,
    collection_object: CollectionObject,
    images: list[ObjectImage],
    models: list[ObjectModel3D],
) -> list[PageNote]:
    """The object's public notes on the media the page shows, numbered in order."""
    image_numbers = {image.pk: n for n, image in enumerate(images, 1)}
    model_numbers = {model.pk: n for n, model in enumerate(models, 1)}
    notes: list[PageNote] = []
    for annotation in public_annotations(collection_object=collection_object):
        creator = creator_name(annotation.creator) if annotation.creator else ""
        number = len(notes) + 1
        if annotation.image_id in image_numbers:
            n = image_numbers[annotation.image_id]
            common = {"number": number, "viewer": f"deep-zoom-{n}", "media_number": n}
            notes.append(_region_note(annotation, creator=creator, **common))
        elif annotation.model3d_id in model_numbers:
            n = model_numbers[annotation.model3d_id]
            data = annotation.selector
            notes.append(
                PageNote(
                    annotation=annotation,
                    number=number,
                    viewer=f"model-{n}",
                    media_number=n,
                    creator=creator,
                    position=_triple([data["x"], data["y"], data["z"]]),
                    normal=_triple(data.get("normal", [0, 1, 0])),
                )
            )
    return notes
