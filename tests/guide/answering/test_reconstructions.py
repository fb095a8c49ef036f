""" "What did it look like before?": approved reconstructions only, always labelled."""

import pytest

from exhibition.models import CollectionObject, ReviewStatus
from exhibition.restoration_display import AI_LABEL
from tests.builders import make_agent
from tests.guide.answering.builders import (
    add_reconstruction,
    ask,
    assert_abstains,
    assert_grounded,
    make_work,
    on_page,
)

BEFORE = "What did it look like before?"


def _damaged_fresco(
    description: str = "Saints stand in a row under a blue sky.",
) -> CollectionObject:
    return make_work(
        "The Procession of Saints",
        makers=[make_agent("Giotto di Bondone")],
        object_type="wall painting",
        description=description,
        is_damaged=True,
        image=True,
    )


def test_an_approved_reconstruction_is_shown_labelled_with_its_provenance(db: None) -> None:
    fresco = _damaged_fresco()
    restoration = add_reconstruction(fresco, status=ReviewStatus.APPROVED)

    answer = ask(BEFORE, on_page(fresco))

    assert answer.abstained is False
    assert answer.intent == "restoration"
    [media] = answer.media
    assert media.kind == "reconstruction"
    assert media.label == "AI reconstruction — not the original" == AI_LABEL
    assert media.review_state == "approved"
    assert media.url == restoration.result.url
    assert media.object_slug == "the-procession-of-saints"
    assert media.alt.startswith(AI_LABEL)
    assert media.provenance["label"] == AI_LABEL
    assert media.provenance["engine"] == "telea"
    assert media.provenance["review"]["status"] == "approved"
    assert media.provenance["object"]["slug"] == "the-procession-of-saints"
    assert AI_LABEL in answer.text
    assert answer.source_slugs == ["the-procession-of-saints"]
    assert answer.citations[0].field == "restoration"
    assert_grounded(answer)


@pytest.mark.parametrize("status", [ReviewStatus.DRAFT, ReviewStatus.REJECTED])
def test_an_unapproved_reconstruction_is_never_shown(db: None, status: str) -> None:
    fresco = _damaged_fresco()
    add_reconstruction(fresco, status=status)

    answer = ask(BEFORE, on_page(fresco))

    assert_abstains(answer)
    assert answer.media == ()
    assert (
        answer.notice == "There is no reviewed reconstruction of The Procession of Saints to show."
    )


def test_an_unapproved_reconstruction_of_a_damaged_work_leaves_the_damage_one_step_away(
    db: None,
) -> None:
    fresco = _damaged_fresco(
        "Saints stand in a row under a blue sky. Damp has flaked the lower third away."
    )
    add_reconstruction(fresco, status=ReviewStatus.DRAFT)
    conversation = on_page(fresco)

    before = ask(BEFORE, conversation)
    damage = ask("Is it damaged?", conversation)

    assert_abstains(before)
    assert damage.text == "Damp has flaked the lower third away."
    assert all(m.kind != "reconstruction" for m in damage.media)


def test_a_reconstruction_is_offered_as_a_follow_up_only_once_approved(db: None) -> None:
    fresco = _damaged_fresco()
    add_reconstruction(fresco, status=ReviewStatus.DRAFT)
    assert BEFORE not in ask("Who painted it?", on_page(fresco)).suggestions

    add_reconstruction(fresco, status=ReviewStatus.APPROVED)
    assert BEFORE in ask("Who painted it?", on_page(fresco)).suggestions


def test_a_restricted_objects_reconstruction_is_never_shown(db: None) -> None:
    hidden = _damaged_fresco()
    add_reconstruction(hidden, status=ReviewStatus.APPROVED)
    hidden.visibility = "restricted"
    hidden.save()

    answer = ask(BEFORE, on_page(hidden))

    assert_abstains(answer)
    assert answer.media == ()
