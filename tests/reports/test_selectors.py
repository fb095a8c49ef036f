"""What a report's content holds, before any PDF is made (fast checks of the reads)."""

import pytest
from django.utils import translation

from exhibition.services.review import machine_output_approve
from reports.exhibitions import exhibition_report
from reports.models import ReportSubject
from reports.selectors import object_report
from reports.versions import content_key, current_key
from tests import builders
from tests.reports.collection import report_collection

pytestmark = pytest.mark.django_db
SITE = "https://museum.example"


def _report(obj, language="en"):
    with translation.override(language):
        return object_report(obj, language=language, site_url=SITE)


def test_only_approved_restorations_each_with_its_label_and_approval() -> None:
    collection = report_collection()

    content = _report(collection.painting)

    [reconstruction] = content.reconstructions
    assert reconstruction.label == "AI reconstruction — not the original"
    assert reconstruction.picture is not None
    assert reconstruction.label in reconstruction.picture.caption
    review = {field.label: field.value for field in reconstruction.provenance}["Review"]
    assert review.startswith("Approved by Ada Reviewer on ")


def test_an_object_with_a_content_note_keeps_its_pictures_out_of_an_exhibition_report() -> None:
    noted = builders.make_object(title="Ancestral portrait", content_note="Shows an ancestor.")
    builders.add_image(noted)
    exhibition = builders.make_exhibition(noted)

    with translation.override("en"):
        in_exhibition = exhibition_report(exhibition, language="en", site_url=SITE)
    own = _report(noted)

    [entry] = in_exhibition.parts[0].entries
    assert entry.report.pictures == []
    assert entry.report.content_note == "Shows an ancestor."
    assert len(own.pictures) == 1  # its own report shows the note, then the picture


def test_version_key_follows_the_content_not_unrelated_edits() -> None:
    collection = report_collection()
    painting = collection.painting

    def key() -> str:
        return current_key(
            kind=ReportSubject.OBJECT, subject=painting, language="en", site_url=SITE
        )

    first = key()
    builders.make_object(title="Another object entirely")
    assert key() == first
    restoration = painting.images.get().restorations.get(machine_output__status="draft")
    machine_output_approve(output=restoration.machine_output, reviewer=collection.curator)
    assert key() != first  # a newly approved restoration belongs in the report


def test_languages_have_their_own_versions() -> None:
    collection = report_collection()

    english = content_key(_report(collection.painting), language="en")
    french = content_key(_report(collection.painting, "fr"), language="fr")

    assert english != french
