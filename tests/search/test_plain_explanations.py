"""Explanations in plain words; visual concepts only when sure, related and not blocked."""

import importlib

import pytest
from django.test import Client

from search.encoders.base import Concept
from search.explanations import (
    Explanation,
    MatchedConcept,
    blocked_words,
    is_shown,
    plain_label,
)
from search.models import BlockedConcept


def test_reasons_read_as_sentences_without_scores() -> None:
    explanation = Explanation(
        fields={"description": ["skating", "frozen"], "creators": ["Avercamp"]},
        concepts=[MatchedConcept("ice, frozen water", 0.4, 0.5), MatchedConcept("snow", 0.3, 0.4)],
    )
    assert explanation.sentences() == [
        "Matches ‘skating’ and ‘frozen’ in the description",
        "Matches ‘Avercamp’ in the artist's name",
        "Looks like: ice and snow — a machine guess",
    ]
    assert not any(char.isdigit() for char in " ".join(explanation.sentences()))


def test_a_result_found_by_meaning_alone_says_so() -> None:
    assert Explanation().sentences() == ["Close in meaning to your words, without sharing them"]


def test_unsure_concepts_are_not_said() -> None:
    assert not is_shown(Concept("submarine, pigboat", 0.06), frozenset())
    assert is_shown(Concept("ship, sailing vessel", 0.4), frozenset())
    assert plain_label("ship, sailing vessel") == "ship"


@pytest.mark.django_db
def test_default_block_list_hides_clothing_and_weapons_on_people() -> None:
    # The default list is what the migration writes. A transactional test run earlier in the
    # same process empties the tables, so the migration's own step writes it again here.
    from django.apps import apps

    migration = importlib.import_module("search.migrations.0004_blockedconcept")
    if not BlockedConcept.objects.exists():
        migration.add_defaults(apps, None)  # it writes rows only; no schema editor needed
    blocked = blocked_words()
    for label in ("bikini, two-piece", "cuirass", "comic book", "brassiere, bra, bandeau"):
        assert not is_shown(Concept(label, 0.9), blocked), label


@pytest.mark.django_db
def test_a_curator_s_blocked_word_hides_the_concept(client: Client, curator: object) -> None:
    assert is_shown(Concept("umbrella", 0.9), blocked_words())
    client.force_login(curator)  # type: ignore[arg-type]
    response = client.post(
        "/admin/search/blockedconcept/add/", {"word": " Umbrella ", "reason": "misleads"}
    )
    assert response.status_code == 302
    assert BlockedConcept.objects.filter(word="umbrella").exists()
    assert not is_shown(Concept("umbrella", 0.9), blocked_words())


@pytest.mark.django_db
def test_scores_are_kept_inside_a_details_disclosure(client: Client) -> None:
    from search.keyword import rebuild_keyword_index
    from tests.builders import make_object

    make_object(title="Skaters on a frozen canal", description="People skating.")
    rebuild_keyword_index()
    html = client.get("/search/", {"q": "skaters"}).content.decode()
    reasons = html.index("Matches ‘Skaters’ in the title")
    details = html.index("<summary>Details</summary>")
    assert reasons < details < html.index('<table class="why__channels">')


def test_fields_with_the_same_words_share_one_sentence() -> None:
    fields = {"title": ["Rembrandt"], "creators": ["Rembrandt"], "description": ["beret"]}
    assert Explanation(fields=fields).sentences() == [
        "Matches ‘Rembrandt’ in the title and the artist's name",
        "Matches ‘beret’ in the description",
    ]


def test_a_photo_result_found_by_appearance_says_so() -> None:
    assert Explanation(asked_by="photo").sentences() == [
        "Looks similar to your photo, as an image model compares pictures"
    ]
