"""The PDF itself: tagged, in the page's language, titled, and saying what the page says."""

import pytest
from django.utils import translation

from reports.documents import render_report
from reports.exhibitions import exhibition_report
from reports.selectors import OBJECT_LIMITS, object_report
from tests import builders
from tests.reports.collection import (
    APPROVED_DESCRIPTION,
    CURATORS_NOTE,
    DRAFT_DESCRIPTION,
    PUBLIC_NOTE,
    RESTRICTED_TITLE,
    report_collection,
)
from tests.reports.reading import read_pdf

pytestmark = pytest.mark.django_db
SITE = "https://museum.example"


def _object_pdf(obj, language="en"):
    with translation.override(language):
        content = object_report(obj, language=language, site_url=SITE)
    return read_pdf(render_report(content, language=language).data)


def test_object_report_is_tagged_titled_and_shows_what_the_page_shows() -> None:
    collection = report_collection()

    facts = _object_pdf(collection.painting)

    assert facts.marked
    assert facts.has_structure_tree
    assert facts.language == "en"
    assert facts.title.startswith("Harbour at Dusk")
    for expected in (
        "Harbour at Dusk",
        "Jan Testman",
        "Oil on canvas",
        "RPT.001",
        "AI reconstruction — not the original",
        "Approved by Ada Reviewer",
        "Creative Commons Attribution 4.0",
        "Photo: Example Museum",
        PUBLIC_NOTE,
        APPROVED_DESCRIPTION,
        f"{SITE}/objects/harbour-at-dusk/",
    ):
        assert expected in facts.text, expected
    # Curators-only notes, machine drafts and unreviewed restorations stay out.
    assert CURATORS_NOTE not in facts.text
    assert DRAFT_DESCRIPTION not in facts.text
    assert "draftengine" not in facts.text


def test_french_report_says_it_is_in_french() -> None:
    collection = report_collection()

    facts = _object_pdf(collection.painting, language="fr")

    assert facts.language == "fr"
    assert facts.marked and facts.has_structure_tree


def test_pictures_are_embedded_no_larger_than_the_limit() -> None:
    obj = builders.make_object(title="A large photograph")
    builders.add_image(obj, width=2400, height=1800)

    facts = _object_pdf(obj)

    assert facts.picture_sizes
    assert max(max(size) for size in facts.picture_sizes) <= OBJECT_LIMITS.longest_side


def test_a_licence_that_refuses_copies_keeps_pictures_out_and_says_why() -> None:
    obj = builders.make_object(title="A copyrighted poster", licence="InC")
    builders.add_image(obj, width=200, height=150)

    facts = _object_pdf(obj)

    assert facts.picture_sizes == []
    assert "not included in this report" in facts.text
    assert "In Copyright" in facts.text


def test_exhibition_report_covers_its_public_objects_only() -> None:
    collection = report_collection()
    exhibition = builders.make_exhibition(
        collection.painting, collection.restricted, title="Harbours and rivers"
    )

    with translation.override("en"):
        content = exhibition_report(exhibition, language="en", site_url=SITE)
    facts = read_pdf(render_report(content, language="en").data)

    assert facts.title.startswith("Harbours and rivers")
    assert facts.marked and facts.language == "en"
    assert "Harbour at Dusk" in facts.text
    assert "AI reconstruction — not the original" in facts.text
    assert RESTRICTED_TITLE not in facts.text
    assert content.object_count == 1


def test_exhibition_report_is_capped_and_says_how_many_are_left_out(settings) -> None:
    settings.REPORTS_EXHIBITION_MAX_OBJECTS = 2
    objects = [builders.make_object(title=f"Vase {n}") for n in range(3)]
    exhibition = builders.make_exhibition(*objects)

    with translation.override("en"):
        content = exhibition_report(exhibition, language="en", site_url=SITE)

    assert content.object_count == 2
    assert content.left_out == 1
    text = read_pdf(render_report(content, language="en").data).text
    assert "Vase 1" in text and "Vase 2" not in text
    assert "at most 2 objects" in text
