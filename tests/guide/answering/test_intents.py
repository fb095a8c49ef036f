"""What a question asks for: the rules, and the title kept out of the reading."""

import pytest

from guide.answering.intents import AUTHENTICITY, PROVENANCE, VALUATION, recognise
from guide.answers import (
    AGENT,
    COLLECTION,
    CONDITION,
    DATE,
    DIMENSIONS,
    LICENCE,
    MAKER,
    MATERIAL,
    PLACE,
    PRACTICAL,
    RELATED,
    RESTORATION,
    SUBJECT,
)
from tests.builders import make_agent
from tests.guide.answering.builders import ask, assert_grounded, make_work


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who painted this?", MAKER),
        ("Who is the artist?", MAKER),
        ("When was it made?", DATE),
        ("What century is it from?", DATE),
        ("Where is it kept?", PLACE),
        ("Where can I see the real one?", PLACE),
        ("What is it made of?", MATERIAL),
        ("Is it painted on canvas?", MATERIAL),
        ("How big is it?", DIMENSIONS),
        ("What does it show?", SUBJECT),
        ("Who is the woman in the portrait?", SUBJECT),
        ("Is it damaged?", CONDITION),
        ("Has it been restored?", CONDITION),
        ("What did it look like before?", RESTORATION),
        ("Can I download this image?", LICENCE),
        ("Is it public domain?", LICENCE),
        ("Show me other works like this", RELATED),
        ("Who else painted like that?", RELATED),
        ("Do you have any paintings of ships?", COLLECTION),
        ("What works by Goya are there?", COLLECTION),
        ("When was Rembrandt born?", AGENT),
        ("Did Rembrandt have children?", AGENT),
        ("What time do you open?", PRACTICAL),
        ("Where is the cafe?", PRACTICAL),
        ("How much are tickets?", PRACTICAL),
        ("How much is this worth?", VALUATION),
        ("What is the value of this painting?", VALUATION),
        ("Who owned it before the museum?", PROVENANCE),
        ("When was it acquired?", PROVENANCE),
        ("Is this the original?", AUTHENTICITY),
        ("Is it a replica?", AUTHENTICITY),
    ],
)
def test_each_phrasing_is_read_as_its_intent(question: str, intent: str) -> None:
    assert recognise(question).name == intent


def test_a_title_with_birth_in_it_is_a_maker_question(db: None) -> None:
    make_work(
        "The Birth of Venus",
        makers=[make_agent("Sandro Botticelli")],
        date_display="c. 1485",
        description="Venus arrives at the shore on a shell.",
    )

    answer = ask("Who painted The Birth of Venus?")

    assert answer.intent == MAKER
    assert "Sandro Botticelli" in answer.text
    assert answer.source_slugs == ["the-birth-of-venus"]
    assert_grounded(answer)


def test_a_title_with_birth_in_it_is_dated_not_read_as_a_life(db: None) -> None:
    make_work(
        "The Birth of Venus",
        makers=[make_agent("Sandro Botticelli")],
        date_display="c. 1485",
    )

    answer = ask("When was The Birth of Venus painted?")

    assert answer.intent == DATE
    assert "c. 1485" in answer.text
    assert answer.source_slugs == ["the-birth-of-venus"]


def test_valuation_and_internal_intents_are_reported_as_other(db: None) -> None:
    make_work("The Birth of Venus", makers=[make_agent("Sandro Botticelli")])

    answer = ask("How much is The Birth of Venus worth?")

    assert answer.intent == "other"
    assert answer.abstained is True
    assert "does not value" in answer.text
