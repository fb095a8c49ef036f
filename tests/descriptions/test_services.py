"""Drafting records machine output with sources; a curator's edit keeps what it kept."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from descriptions.checklist import check_description
from descriptions.selectors import approved_description, latest_description, undescribed_objects
from descriptions.services import DescriptionEditError, description_draft, description_edit
from exhibition.models import MachineOutputKind, ReviewStatus
from exhibition.services.review import machine_output_approve
from tests import builders

pytestmark = pytest.mark.django_db


def test_a_draft_is_machine_output_awaiting_review_with_its_measurement() -> None:
    obj = builders.make_object(title="Harbour", medium="oil on canvas")
    builders.add_image(obj, width=300, height=200)
    description = description_draft(collection_object=obj)
    output = description.machine_output
    assert output.kind == MachineOutputKind.DESCRIPTION and output.status == ReviewStatus.DRAFT
    assert output.parameters["measurement"]["orientation"] == "landscape"
    assert "image" in output.input_checksums
    assert "appears to show a boathouse" in description.long_text
    assert check_description(description) == []


def test_an_object_without_media_is_not_describable() -> None:
    builders.make_object()
    with_image = builders.make_object()
    builders.add_image(with_image)
    assert [o.pk for o in undescribed_objects("en")] == [with_image.pk]


def test_edit_keeps_kept_sentences_sources_and_credits_the_curator(curator: User) -> None:
    obj = builders.make_object(title="Harbour")
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    long_text = description.long_text + " A curator's own sentence."
    description_edit(
        description=description,
        curator=curator,
        alt_text="Painting: Harbour at dusk",
        short_text=description.short_text,
        long_text=long_text,
    )
    description.refresh_from_db()
    assert description.edited_by == curator
    mine = [s for s in description.statements if s["sources"] == [f"curator:{curator.pk}"]]
    assert {s["text"] for s in mine} == {"Painting: Harbour at dusk", "A curator's own sentence."}
    assert check_description(description) == []


def test_an_empty_or_overlong_edit_is_refused(curator: User) -> None:
    obj = builders.make_object()
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    with pytest.raises(DescriptionEditError):
        description_edit(
            description=description, curator=curator, alt_text="", short_text="x", long_text="y"
        )
    with pytest.raises(DescriptionEditError):
        description_edit(
            description=description,
            curator=curator,
            alt_text="a" * 126,
            short_text="x",
            long_text="y",
        )


def test_approved_is_found_only_once_approved(curator: User) -> None:
    obj = builders.make_object()
    builders.add_image(obj)
    description = description_draft(collection_object=obj)
    assert approved_description(obj, "en") is None
    assert latest_description(obj, "en") == description
    machine_output_approve(output=description.machine_output, reviewer=curator)
    assert approved_description(obj, "en") == description


def test_an_announced_change_drafts_a_missing_description(
    django_capture_on_commit_callbacks: Any,
) -> None:
    from exhibition.services.collection_edits import collection_change_announce

    obj = builders.make_object()
    builders.add_image(obj)
    with django_capture_on_commit_callbacks(execute=True):
        collection_change_announce(instance=obj, reason="imported")
    assert latest_description(obj, "en") is not None
