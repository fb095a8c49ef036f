"""Answers that list objects: an agent's other works, and the collection by kind and place."""

import pytest

from exhibition.models import Agent, CollectionObject
from guide.answering.text import NUMBER_WORDS, words
from guide.answers import Answer
from tests.builders import make_agent
from tests.guide.answering.builders import (
    ask,
    assert_abstains,
    assert_grounded,
    make_hay_wain,
    make_work,
    on_page,
)


@pytest.fixture
def rembrandt(db: None) -> Agent:
    rembrandt = make_agent("Rembrandt van Rijn")
    make_work("The Night Watch", makers=[rembrandt], tags=["militia"])
    make_work("Self-Portrait with Two Circles", makers=[(rembrandt, "attributed to")])
    make_work("Portrait of a Man in a Hat", makers=[(rembrandt, "workshop of")])
    make_work("An Old Woman Reading", makers=[(rembrandt, "manner of")])
    make_hay_wain()
    return rembrandt


def _stated_count(answer: Answer) -> tuple[int, int | None]:
    """The total the first sentence states, and the number it says are listed."""
    said = [w for w in words(answer.sentences[0].text) if w in NUMBER_WORDS or w.isdigit()]
    numbers = [NUMBER_WORDS.get(w) or int(w) for w in said]
    return numbers[0], (numbers[1] if len(numbers) > 1 else None)


def test_an_agents_works_include_attributed_and_exclude_workshop_and_manner(
    rembrandt: Agent,
) -> None:
    answer = ask("What works by Rembrandt do you have?")

    assert sorted(answer.source_slugs) == ["self-portrait-with-two-circles", "the-night-watch"]
    assert "Self-Portrait with Two Circles is attributed to Rembrandt van Rijn." in answer.text
    assert "The Night Watch is by Rembrandt van Rijn." in answer.text
    assert "Hat" not in answer.text and "Old Woman" not in answer.text


def test_the_count_sentence_equals_the_number_listed(rembrandt: Agent) -> None:
    answer = ask("What works by Rembrandt do you have?")

    total, shown = _stated_count(answer)
    listed = len(answer.sentences) - 1
    assert answer.sentences[0].text == "The collection has two works by Rembrandt van Rijn:"
    assert (total, shown) == (listed, None)
    assert_grounded(answer, derived_numbers={total})


def _nine_hokusais() -> None:
    hokusai = make_agent("Katsushika Hokusai")
    for n in range(1, 10):
        make_work(f"View of Mount Fuji no. {n}", makers=[hokusai], object_type="print")


def test_a_long_list_shows_eight_works(db: None) -> None:
    _nine_hokusais()

    answer = ask("What works by Hokusai do you have?")

    listed = [s for s in answer.sentences if s.text.endswith("is by Katsushika Hokusai.")]
    assert len(listed) == 8
    assert len(answer.source_slugs) == 8


def test_a_long_list_says_how_many_of_the_total_it_shows(db: None) -> None:
    _nine_hokusais()

    answer = ask("What works by Hokusai do you have?")

    assert answer.sentences[0].text == (
        "The collection has nine works by Katsushika Hokusai (eight listed):"
    )
    assert _stated_count(answer) == (9, 8)
    assert len(answer.sentences) - 1 == 8


def test_other_works_by_him_leave_out_the_work_asked_about(rembrandt: Agent) -> None:
    night_watch = CollectionObject.objects.get(slug="the-night-watch")

    answer = ask("What else is there by him?", on_page(night_watch))

    assert answer.source_slugs == ["self-portrait-with-two-circles"]
    assert answer.sentences[0].text == "The collection has one work by Rembrandt van Rijn:"


def test_a_workshop_piece_has_no_other_works_by_the_master(rembrandt: Agent) -> None:
    hat = CollectionObject.objects.get(slug="portrait-of-a-man-in-a-hat")

    answer = ask("Who made it?", on_page(hat))

    assert "workshop of Rembrandt van Rijn" in answer.text
    assert not any("Rembrandt" in s for s in answer.suggestions)


def test_a_collection_question_by_type_and_place(db: None) -> None:
    make_work("Flatiron Building", object_type="photograph", place="New York")
    make_work("Pont Neuf at Night", object_type="photograph", place="Paris")
    make_work("Broadway at Dusk", object_type="painting", place="New York")

    answer = ask("Do you have any photographs of New York?")

    assert answer.source_slugs == ["flatiron-building"]
    assert answer.sentences[0].text.startswith("The collection has one work")
    listed = answer.sentences[1]
    assert "Flatiron Building" in listed.text and "New York" in listed.text
    assert (listed.citation.field, listed.citation.span) == ("place", "New York")
    assert_grounded(answer, derived_numbers={1})


def test_a_collection_question_reads_a_nationality_as_its_country(db: None) -> None:
    make_work("Fine Wind, Clear Morning", object_type="print", place="Japan")
    make_work("Skaters on the Amstel", object_type="print", place="Netherlands")

    answer = ask("Do you have any Japanese prints?")

    assert answer.source_slugs == ["fine-wind-clear-morning"]


def test_a_collection_question_with_no_match_abstains(db: None) -> None:
    make_work("Flatiron Building", object_type="photograph", place="New York")

    assert_abstains(ask("Do you have any photographs of Tokyo?"))
