"""When the records do not tell, the guide says so, cites nothing and offers what it knows."""

import pytest

from tests.builders import make_agent
from tests.guide.answering.builders import (
    ask,
    assert_abstains,
    assert_grounded,
    make_hay_wain,
    make_work,
    on_page,
)

NOT_FOUND = "I can't find that in the collection's records, so I won't guess."


@pytest.mark.parametrize(
    "question",
    [
        "What is the weather in Paris?",
        "Who won the football last night?",
        "Write me a poem about cats.",
        "Who painted the Mona Lisa?",
    ],
)
def test_a_question_the_collection_cannot_answer_is_abstained(db: None, question: str) -> None:
    make_hay_wain()

    answer = ask(question)

    assert_abstains(answer)
    assert answer.text == NOT_FOUND
    assert answer.media == ()


def test_an_empty_collection_abstains(db: None) -> None:
    answer = ask("Who made it?")

    assert_abstains(answer)
    assert answer.about is None


def test_a_valuation_is_refused_even_for_a_known_work(db: None) -> None:
    hay_wain = make_hay_wain()

    answer = ask("How much is it worth?", on_page(hay_wain))

    assert_abstains(answer)
    assert answer.text == "The guide does not value works; the collection's records hold no prices."


def test_ownership_history_is_not_guessed(db: None) -> None:
    bowl = make_work("A Tea Bowl", object_type="ceramic", description="A bowl with a grey glaze.")

    answer = ask("Who owned it before?", on_page(bowl))

    assert_abstains(answer)
    assert (
        answer.notice == "The collection's records do not give the ownership history of A Tea Bowl."
    )


def test_ownership_is_quoted_when_the_description_states_it(db: None) -> None:
    bowl = make_work(
        "A Tea Bowl",
        object_type="ceramic",
        description=(
            "A bowl with a grey glaze. It was bequeathed to the museum by Ada Lowe in 1950."
        ),
    )

    answer = ask("Who owned it before?", on_page(bowl))

    assert answer.text == "It was bequeathed to the museum by Ada Lowe in 1950."
    assert_grounded(answer)


def test_an_unanswered_question_about_an_object_offers_what_it_can_tell(db: None) -> None:
    hay_wain = make_hay_wain()

    answer = ask("What did Constable eat for breakfast?", on_page(hay_wain))

    assert_abstains(answer)
    assert answer.about == "the-hay-wain"
    assert answer.suggestions
    assert all(s.endswith("?") for s in answer.suggestions)


def test_an_abstention_with_no_object_offers_works_the_question_came_close_to(db: None) -> None:
    make_work("The Night Watch", makers=[make_agent("Rembrandt van Rijn")])

    answer = ask("who painted the starry night")

    assert_abstains(answer)
    assert answer.suggestions == ("Tell me about The Night Watch",)


def test_every_answered_sentence_is_contained_in_its_citation(db: None) -> None:
    hay_wain = make_hay_wain()
    conversation = on_page(hay_wain)

    for question in (
        "Who painted it?",
        "When was it made?",
        "What is it made of?",
        "How big is it?",
        "What does it show?",
        "Where is it kept?",
        "Can I reuse the image?",
        "Is this the original?",
    ):
        answer = ask(question, conversation)
        assert answer.abstained is False, question
        assert answer.source_slugs == ["the-hay-wain"]
        assert_grounded(answer)
        for citation in answer.citations:
            assert citation.url == "/objects/the-hay-wain/"
