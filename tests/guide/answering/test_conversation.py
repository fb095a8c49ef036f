"""Follow-ups resolve to the object under discussion; a new page starts a new subject."""

import pytest

from exhibition.models import Agent
from guide.answers import Conversation
from tests.builders import make_agent
from tests.guide.answering.builders import ask, assert_grounded, make_hay_wain, make_work


@pytest.fixture
def rembrandt(db: None) -> Agent:
    rembrandt = make_agent("Rembrandt van Rijn")
    make_work(
        "The Night Watch",
        makers=[rembrandt],
        date_display="1642",
        tags=["militia", "group portrait"],
        description="Captain Frans Banninck Cocq leads his militia company out.",
    )
    make_work("The Jewish Bride", makers=[rembrandt], date_display="c. 1665", tags=["couple"])
    make_hay_wain()
    make_work(
        "Windmill at Wijk",
        makers=[make_agent("Jacob van Ruisdael")],
        tags=["landscape", "windmill"],
    )
    make_work(
        "The Fighting Temeraire",
        makers=[make_agent("J. M. W. Turner")],
        tags=["river", "ship"],
    )
    make_work("A Bowl of Fruit", makers=[make_agent("Willem Kalf")], tags=["still life"])
    return rembrandt


def test_a_follow_up_resolves_to_the_object_just_named(rembrandt: Agent) -> None:
    conversation = Conversation()

    first = ask("Who painted The Night Watch?", conversation)
    follow_up = ask("When was it made?", conversation)

    assert first.about == follow_up.about == "the-night-watch"
    assert follow_up.text == "The Night Watch is dated 1642."
    assert follow_up.source_slugs == ["the-night-watch"]


def test_naming_another_work_moves_the_conversation_to_it(rembrandt: Agent) -> None:
    conversation = Conversation()
    conversation.switch_page("the-hay-wain")

    named = ask("When was The Jewish Bride painted?", conversation)
    follow_up = ask("Who painted it?", conversation)

    assert named.source_slugs == ["the-jewish-bride"]
    assert "Rembrandt van Rijn" in follow_up.text
    assert follow_up.source_slugs == ["the-jewish-bride"]


def test_a_context_switch_answers_about_the_new_page(rembrandt: Agent) -> None:
    conversation = Conversation()
    conversation.switch_page("the-night-watch")
    assert "Rembrandt" in ask("Who made it?", conversation).text

    conversation.switch_page("the-hay-wain")
    answer = ask("Who made it?", conversation)

    assert "John Constable" in answer.text
    assert "Rembrandt" not in answer.text
    assert answer.source_slugs == ["the-hay-wain"]
    assert conversation.about == "the-hay-wain"


def test_other_works_by_him_follow_the_maker_of_the_object_discussed(rembrandt: Agent) -> None:
    conversation = Conversation()
    ask("Who painted The Night Watch?", conversation)

    answer = ask("What else is there by him?", conversation)

    assert answer.source_slugs == ["the-jewish-bride"]
    assert_grounded(answer, derived_numbers={1})


def test_who_else_painted_like_that_lists_works_sharing_its_subject(rembrandt: Agent) -> None:
    conversation = Conversation()
    conversation.switch_page("the-hay-wain")

    answer = ask("Who else painted like that?", conversation)

    assert answer.abstained is False
    assert answer.source_slugs[:2] == ["the-fighting-temeraire", "windmill-at-wijk"]
    assert "the-hay-wain" not in answer.source_slugs
    assert "The Fighting Temeraire is also tagged river." in answer.text
    assert_grounded(answer)


def test_who_else_painted_like_that_leaves_out_unrelated_works(rembrandt: Agent) -> None:
    conversation = Conversation()
    conversation.switch_page("the-hay-wain")

    answer = ask("Who else painted like that?", conversation)

    assert sorted(answer.source_slugs) == ["the-fighting-temeraire", "windmill-at-wijk"]
