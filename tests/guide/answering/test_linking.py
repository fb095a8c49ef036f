"""Which object or person a question names, and what it must never reach."""

import pytest

from exhibition.models import Agent
from guide.answers import Conversation
from tests.builders import make_agent
from tests.guide.answering.builders import (
    ask,
    assert_abstains,
    assert_grounded,
    make_draft_work,
    make_hay_wain,
    make_restricted_work,
    make_work,
    on_page,
)

GREAT_WAVE = "under-the-wave-off-kanagawa-the-great-wave"


@pytest.fixture
def rembrandt(db: None) -> Agent:
    return make_agent("Rembrandt van Rijn")


@pytest.fixture
def collection(rembrandt: Agent) -> None:
    make_hay_wain()
    make_work(
        "The Night Watch",
        makers=[rembrandt],
        date_display="1642",
        description="Captain Frans Banninck Cocq leads his militia company out.",
    )
    make_work(
        "Under the Wave off Kanagawa (The Great Wave)",
        makers=[make_agent("Katsushika Hokusai")],
        object_type="print",
        description="A great wave towers over three boats, Mount Fuji small beyond.",
    )


def test_a_whole_title_is_linked(collection: None) -> None:
    answer = ask("Who painted The Night Watch?")

    assert "Rembrandt van Rijn" in answer.text
    assert answer.source_slugs == ["the-night-watch"]
    assert_grounded(answer)


def test_a_popular_name_in_parentheses_is_linked(collection: None) -> None:
    answer = ask("Who made the Great Wave?")

    assert "Katsushika Hokusai" in answer.text
    assert answer.source_slugs == [GREAT_WAVE]


def test_one_rare_title_word_in_a_the_phrase_is_linked(collection: None) -> None:
    answer = ask("who made the wave picture?")

    assert "Katsushika Hokusai" in answer.text
    assert answer.source_slugs == [GREAT_WAVE]


def test_a_misspelt_name_finds_the_person(collection: None) -> None:
    answer = ask("other works by rembrants?")

    assert answer.abstained is False
    assert answer.source_slugs == ["the-night-watch"]
    assert "Rembrandt van Rijn" in answer.text


def test_a_one_word_match_is_refused_when_the_phrase_names_something_else(
    collection: None,
) -> None:
    answer = ask("who painted the starry night")

    assert_abstains(answer)
    assert "Rembrandt" not in answer.text


def test_a_title_named_on_another_objects_page_is_not_answered_about_that_page(
    collection: None,
) -> None:
    conversation = on_page(make_work("Sunflowers", makers=[make_agent("Vincent van Gogh")]))

    answer = ask("who painted the persistence of memory?", conversation)

    assert_abstains(answer)
    assert "Gogh" not in answer.text


def test_restricted_and_draft_objects_are_never_linked(collection: None) -> None:
    make_restricted_work(
        "The Sacred Shield",
        makers=[make_agent("Secret Keeper")],
        description="A shield carried in ceremonies of the Owl clan.",
    )
    make_draft_work("The Unfinished Letter", makers=[make_agent("Drafty Writer")])

    for question in (
        "Who made the Sacred Shield?",
        "What does the sacred shield show?",
        "Who wrote The Unfinished Letter?",
        "What else is there by Secret Keeper?",
        "Do you have anything from the Owl clan?",
    ):
        answer = ask(question)
        assert_abstains(answer)
        assert "Secret Keeper" not in answer.text
        assert not any("Shield" in s or "Letter" in s for s in answer.suggestions)


def test_a_restricted_page_object_is_not_answered_about(collection: None) -> None:
    shield = make_restricted_work(
        "The Sacred Shield", makers=[make_agent("Secret Keeper")], description="A shield."
    )

    answer = ask("Who made it?", on_page(shield))

    assert_abstains(answer)
    assert answer.about is None


def test_a_makers_restricted_works_are_not_listed(rembrandt: Agent, collection: None) -> None:
    make_restricted_work("A Private Sketch", makers=[rembrandt])
    make_draft_work("A Draft Etching", makers=[rembrandt])

    answer = ask("What works by Rembrandt do you have?")

    assert answer.source_slugs == ["the-night-watch"]
    assert "Private" not in answer.text and "Draft" not in answer.text


def test_an_organisation_name_is_not_matched_word_by_word(collection: None) -> None:
    bank = make_agent("Bank of the Netherlands Printing Works")
    make_work("Ten Gulden Note", makers=[bank], object_type="banknote", place="Indonesia")
    make_work("Windmill at Wijk", makers=[make_agent("Jacob van Ruisdael")], place="Netherlands")

    answer = ask("Do you have anything from the Netherlands?")

    assert answer.source_slugs == ["windmill-at-wijk"]


def test_an_organisation_named_whole_is_found(collection: None) -> None:
    bank = make_agent("Bank of the Netherlands Printing Works")
    make_work("Ten Gulden Note", makers=[bank], object_type="banknote")

    answer = ask("What works by Bank of the Netherlands Printing Works do you have?")

    assert answer.source_slugs == ["ten-gulden-note"]


def test_a_question_naming_nothing_is_about_the_page_object(collection: None) -> None:
    conversation = Conversation()
    conversation.switch_page("the-hay-wain")

    answer = ask("Who made it?", conversation)

    assert "John Constable" in answer.text
    assert answer.source_slugs == ["the-hay-wain"]
