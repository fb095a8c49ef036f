"""Answers read from an object's fields: maker, date, medium, size, licence, credit."""

from exhibition.models import CollectionObject
from tests.builders import add_image, make_agent
from tests.guide.answering.builders import (
    ask,
    assert_abstains,
    assert_grounded,
    make_hay_wain,
    make_work,
    on_page,
)


def _asked_on(obj: CollectionObject, question: str) -> str:
    answer = ask(question, on_page(obj))
    assert answer.abstained is False, answer.text
    assert answer.source_slugs == [obj.slug]
    assert_grounded(answer)
    return answer.text


def test_the_maker_date_medium_and_size_are_quoted_from_the_record(db: None) -> None:
    hay_wain = make_hay_wain()

    assert "John Constable" in _asked_on(hay_wain, "Who painted it?")
    assert _asked_on(hay_wain, "When was it made?") == "The Hay Wain is dated 1821."
    assert "Oil on canvas" in _asked_on(hay_wain, "What is it made of?")
    assert "130.2 × 185.4 cm" in _asked_on(hay_wain, "How big is it?")


def test_each_fact_cites_its_own_field(db: None) -> None:
    hay_wain = make_hay_wain()
    conversation = on_page(hay_wain)

    fields = {
        question: [c.field for c in ask(question, conversation).citations]
        for question in ("Who painted it?", "When was it made?", "What is it made of?")
    }

    assert fields == {
        "Who painted it?": ["maker"],
        "When was it made?": ["date"],
        "What is it made of?": ["medium"],
    }


def test_a_qualified_credit_keeps_its_qualifier(db: None) -> None:
    portrait = make_work(
        "Self-Portrait with Two Circles",
        makers=[(make_agent("Rembrandt van Rijn"), "attributed to")],
    )

    assert "attributed to Rembrandt van Rijn" in _asked_on(portrait, "Who painted it?")


def test_a_maker_with_another_role_is_named_with_it(db: None) -> None:
    photo = make_work(
        "Flatiron Building",
        object_type="photograph",
        makers=[make_agent("Alfred Stieglitz")],
        role="photographer",
    )

    assert "Alfred Stieglitz (photographer)" in _asked_on(photo, "Who took this photo?")


def test_the_image_size_in_pixels_is_read_from_the_image(db: None) -> None:
    scan = make_work("Map of Delft")
    add_image(scan, width=640, height=480)

    assert "640 × 480 pixels" in _asked_on(scan, "What resolution is the image?")


def test_the_licence_and_credit_line_are_given_for_reuse(db: None) -> None:
    hay_wain = make_hay_wain()

    text = _asked_on(hay_wain, "Can I reuse the image?")

    assert "Public Domain Mark" in text
    assert "Bequeathed by Henry Vaughan, 1886" in text


def test_a_copyright_holder_is_named_when_no_maker_is_recorded(db: None) -> None:
    poster = make_work("Festival Poster", licence="CC-BY-4.0", credit_line="© Jane Doe")

    text = _asked_on(poster, "Who made it?")

    assert "Jane Doe" in text


def test_a_missing_field_is_an_abstention_that_names_the_object(db: None) -> None:
    undated = make_work("An Undated Bowl", object_type="ceramic", medium="Stoneware")

    answer = ask("When was it made?", on_page(undated))

    assert_abstains(answer)
    assert answer.notice == "The collection's records do not give a date for An Undated Bowl."
    assert answer.about == "an-undated-bowl"
    assert "When was it made?" not in answer.suggestions
    assert "What is it made of?" in answer.suggestions


def test_is_this_the_original_says_what_the_record_says_it_is(db: None) -> None:
    hay_wain = make_hay_wain()

    text = _asked_on(hay_wain, "Is this the original?")

    assert "Oil on canvas" in text
    assert "A hay wain crosses the River Stour in Suffolk." in text


def test_where_is_it_kept_quotes_the_location_sentence(db: None) -> None:
    hay_wain = make_hay_wain()

    text = _asked_on(hay_wain, "Where is it kept?")

    assert text == "The painting hangs in the National Gallery in London."


def test_where_is_it_from_gives_its_culture(db: None) -> None:
    bowl = make_work("A Tea Bowl", object_type="ceramic", culture="Japanese (Edo period)")

    assert _asked_on(bowl, "Where does it come from?") == (
        "A Tea Bowl comes from Japanese (Edo period)."
    )
