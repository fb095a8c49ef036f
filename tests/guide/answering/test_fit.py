"""A sentence is quoted only when it answers what was asked, not when it shares words."""

from exhibition.models import CollectionObject
from tests.builders import make_agent
from tests.guide.answering.builders import (
    ask,
    assert_abstains,
    assert_grounded,
    make_work,
    on_page,
)


def _supper(description: str) -> CollectionObject:
    return make_work(
        "The Last Supper", makers=[make_agent("Leonardo da Vinci")], description=description
    )


def test_how_many_is_not_answered_by_one_of(db: None) -> None:
    supper = _supper("Judas is one of the apostles at the table. Bread lies on the cloth.")

    answer = ask("How many apostles does it show?", on_page(supper))

    assert_abstains(answer)


def test_how_many_is_answered_by_a_count(db: None) -> None:
    supper = _supper("Jesus sits among twelve apostles at the table. Bread lies on the cloth.")

    answer = ask("How many apostles does it show?", on_page(supper))

    assert answer.text == "Jesus sits among twelve apostles at the table."
    assert answer.source_slugs == ["the-last-supper"]
    assert_grounded(answer)


def _reader(description: str) -> CollectionObject:
    return make_work(
        "Woman Reading a Letter",
        makers=[make_agent("Johannes Vermeer")],
        description=description,
    )


def test_who_is_the_woman_needs_a_name(db: None) -> None:
    reader = _reader("A woman in a long dress reads a letter by the window.")

    assert_abstains(ask("Who is the woman?", on_page(reader)))


def test_who_is_the_woman_is_answered_by_a_sentence_naming_her(db: None) -> None:
    reader = _reader(
        "A woman in a long dress reads a letter by the window. "
        "The woman may be the artist's wife, Catharina Bolnes."
    )

    answer = ask("Who is the woman?", on_page(reader))

    assert "Catharina Bolnes" in answer.text
    assert "long dress" not in answer.text
    assert_grounded(answer)


def test_what_colour_needs_a_colour_word(db: None) -> None:
    reader = _reader("A woman in a long dress reads a letter by the window.")

    assert_abstains(ask("What colour is her dress?", on_page(reader)))


def test_what_colour_is_answered_by_the_sentence_with_the_colour(db: None) -> None:
    reader = _reader(
        "Light falls through the window. A woman in a blue dress reads a letter. "
        "A map hangs on the wall."
    )

    answer = ask("What colour is her dress?", on_page(reader))

    assert answer.text == "A woman in a blue dress reads a letter."


def test_what_is_she_wearing_is_answered_by_her_dress(db: None) -> None:
    reader = _reader(
        "Light falls through the window. A woman in a blue dress reads a letter. "
        "A map hangs on the wall."
    )

    answer = ask("What is she wearing?", on_page(reader))

    assert answer.text == "A woman in a blue dress reads a letter."
    assert answer.source_slugs == ["woman-reading-a-letter"]


def test_a_question_the_description_only_brushes_abstains(db: None) -> None:
    reader = _reader("A woman in a blue dress reads a letter. A map hangs on the wall.")

    assert_abstains(ask("Who sent the letter?", on_page(reader)))
    assert_abstains(ask("What does she eat?", on_page(reader)))
