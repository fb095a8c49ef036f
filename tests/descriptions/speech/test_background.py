"""Speech follows curators' work: made again when a description is edited or reviewed; and
which description is spoken when several languages or states exist."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User

from descriptions.models import SpeechAudio
from descriptions.services import description_edit
from descriptions.speech.spoken import draft_notice, spoken_description
from exhibition.models import MachineOutputKind, ReviewStatus
from exhibition.services.review import machine_output_approve, machine_output_reject
from tests import builders

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., AbstractContextManager[Any]]


def _spoken_texts() -> set[str]:
    return set(SpeechAudio.objects.values_list("text", flat=True))


def test_approving_a_description_speaks_it_without_the_draft_notice(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    obj = builders.make_object()
    description = builders.add_description(obj, long_text="A bronze horse rears on a stone base.")
    with django_capture_on_commit_callbacks(execute=True):
        machine_output_approve(output=description.machine_output, reviewer=curator)
    assert _spoken_texts() == {"A bronze horse rears on a stone base."}


def test_a_curators_edit_is_spoken_anew(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    obj = builders.make_object()
    description = builders.add_description(obj)
    with django_capture_on_commit_callbacks(execute=True):
        description_edit(
            description=description,
            curator=curator,
            alt_text="A harbour at dusk",
            short_text="Painting of a harbour.",
            long_text="Two boats rest in a harbour at dusk.",
        )
    # Still a draft until approved: the notice is said first.
    assert _spoken_texts() == {f"{draft_notice('en')} Two boats rest in a harbour at dusk."}


def test_rejecting_the_approved_description_falls_back_to_the_draft(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    obj = builders.make_object()
    builders.add_description(obj, long_text="An older draft.")
    approved = builders.add_description(
        obj, long_text="The approved text.", status=ReviewStatus.APPROVED, reviewer=curator
    )
    with django_capture_on_commit_callbacks(execute=True):
        machine_output_reject(output=approved.machine_output, reviewer=curator, note="Wrong.")
    spoken = spoken_description(collection_object=obj, language="en")
    assert spoken is not None and spoken.is_draft and spoken.transcript == "An older draft."
    assert _spoken_texts() == {f"{draft_notice('en')} An older draft."}


def test_reviewing_other_machine_output_makes_no_speech(
    curator: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    obj = builders.make_object()
    builders.add_description(obj)
    other = builders.add_description(obj).machine_output
    other.kind = MachineOutputKind.SUGGESTED_TAG
    other.save()
    with django_capture_on_commit_callbacks(execute=True):
        machine_output_approve(output=other, reviewer=curator)
    assert SpeechAudio.objects.count() == 0


def test_the_language_asked_for_wins_then_its_base_language(curator: User) -> None:
    obj = builders.make_object()
    builders.add_description(
        obj, long_text="In English.", status=ReviewStatus.APPROVED, reviewer=curator
    )
    builders.add_description(obj, long_text="En français.", language="fr")
    french = spoken_description(collection_object=obj, language="fr-CA")
    assert french is not None and french.transcript == "En français." and french.is_draft
    english = spoken_description(collection_object=obj, language="en")
    assert english is not None and english.transcript == "In English." and not english.is_draft


def test_without_one_in_the_language_asked_another_is_spoken_approved_first(
    curator: User,
) -> None:
    obj = builders.make_object()
    builders.add_description(obj, long_text="Brouillon.", language="fr")
    builders.add_description(
        obj, long_text="Approved.", status=ReviewStatus.APPROVED, reviewer=curator
    )
    spoken = spoken_description(collection_object=obj, language="de")
    assert spoken is not None and spoken.transcript == "Approved."
    assert spoken.voice.language == "en" and not spoken.voice.is_fallback
