"""A small object for the report tests, with everything a report shows and some it must not."""

from dataclasses import dataclass

from django.contrib.auth.models import User

from exhibition.models import (
    Annotation,
    CollectionObject,
    ReviewStatus,
    Visibility,
)
from exhibition.models.annotations import AnnotationVisibility
from tests import builders

APPROVED_DESCRIPTION = "Oil painting of a harbour at dusk; two boats rest in the foreground."
DRAFT_DESCRIPTION = "Unreviewed draft: a ship burning under a violet sky."
PUBLIC_NOTE = "The craquelure here follows an earlier repair."
CURATORS_NOTE = "Insurance valuation pending; do not publish."
RESTRICTED_TITLE = "Sacred bundle of the river clan"


@dataclass
class ReportCollection:
    painting: CollectionObject
    restricted: CollectionObject
    curator: User


def report_collection() -> ReportCollection:
    curator = builders.make_curator()
    curator.first_name, curator.last_name = "Ada", "Reviewer"
    curator.save()
    painting = builders.make_object(
        slug="harbour-at-dusk",
        title="Harbour at Dusk",
        accession_number="RPT.001",
        medium="Oil on canvas",
        dimensions="61 × 92 cm",
        licence="CC-BY-4.0",
        attribution="Photo: Example Museum",
        creator=builders.make_agent("Jan Testman"),
    )
    image = builders.add_image(painting, width=320, height=240)
    builders.add_restoration(image, status=ReviewStatus.APPROVED, reviewer=curator)
    builders.add_restoration(image, status=ReviewStatus.DRAFT, engine="draftengine")
    Annotation.objects.create(
        collection_object=painting,
        image=image,
        selector_kind="rect",
        selector={"x": 10, "y": 10, "w": 50, "h": 40},
        body=PUBLIC_NOTE,
        creator=curator,
    )
    Annotation.objects.create(
        collection_object=painting,
        image=image,
        selector_kind="rect",
        selector={"x": 60, "y": 60, "w": 20, "h": 20},
        body=CURATORS_NOTE,
        visibility=AnnotationVisibility.CURATORS,
    )
    for status, reviewer, text in (
        (ReviewStatus.APPROVED, curator, APPROVED_DESCRIPTION),
        (ReviewStatus.DRAFT, None, DRAFT_DESCRIPTION),
    ):
        # The short text is the long one's first clause: a leaked draft shows in either.
        builders.add_description(
            painting,
            status=status,
            reviewer=reviewer,
            long_text=text,
            short_text=text.split(";")[0],
            alt_text="A harbour at dusk",
        )
    restricted = builders.make_object(
        slug="sacred-bundle", title=RESTRICTED_TITLE, visibility=Visibility.RESTRICTED
    )
    builders.add_image(restricted)
    return ReportCollection(painting=painting, restricted=restricted, curator=curator)
