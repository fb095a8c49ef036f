"""Practical questions are answered only from what the museum has filled in."""

from typing import Any

import pytest

from tests.guide.answering.builders import ask, assert_abstains, make_hay_wain, on_page

HOURS = "Open daily 10:00–18:00."


def test_with_no_museum_information_the_guide_abstains(db: None, settings: Any) -> None:
    settings.GUIDE_MUSEUM_INFORMATION = {}

    answer = ask("When are you open?")

    assert_abstains(answer)
    assert answer.intent == "practical"
    assert answer.notice == "The museum has not given the guide that information, so I won't guess."


def test_opening_hours_are_answered_citing_the_museum_information(db: None, settings: Any) -> None:
    settings.GUIDE_MUSEUM_INFORMATION = {"opening hours": HOURS}

    answer = ask("What are your opening hours?")

    assert answer.abstained is False
    assert answer.text == HOURS
    [citation] = answer.citations
    assert (citation.object_title, citation.field, citation.span) == (
        "Museum information",
        "opening hours",
        HOURS,
    )
    assert citation.url == "/"
    assert answer.source_slugs == []


def test_a_practical_question_on_an_object_page_is_not_answered_from_the_object(
    db: None, settings: Any
) -> None:
    settings.GUIDE_MUSEUM_INFORMATION = {"opening hours": HOURS}

    answer = ask("When do you close today?", on_page(make_hay_wain()))

    assert answer.text == HOURS
    assert "1821" not in answer.text


@pytest.mark.parametrize("question", ["Is there a gift shop?", "How much are tickets?"])
def test_a_topic_the_museum_left_empty_is_not_invented(
    db: None, settings: Any, question: str
) -> None:
    settings.GUIDE_MUSEUM_INFORMATION = {"opening hours": HOURS}

    answer = ask(question)

    assert_abstains(answer)
    assert HOURS not in answer.text
