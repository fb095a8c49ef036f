"""The containment check: a sentence may say no more than the record span it cites."""

from guide.answering.containment import facts, is_contained


def test_a_template_sentence_around_its_span_is_contained() -> None:
    assert is_contained("The Hay Wain is dated 1821.", "1821", title="The Hay Wain")


def test_the_cited_title_may_be_named_without_being_in_the_span() -> None:
    sentence = "The record names John Constable as the maker of The Hay Wain."
    assert is_contained(sentence, "John Constable", title="The Hay Wain")
    assert not is_contained(sentence, "John Constable", title="The Cornfield")


def test_a_year_not_in_the_span_fails() -> None:
    assert not is_contained("The Hay Wain is dated 1822.", "1821", title="The Hay Wain")
    assert not is_contained(
        "A hay wain crosses the River Stour in 1821.",
        "A hay wain crosses the River Stour in Suffolk.",
    )


def test_a_name_not_in_the_span_fails() -> None:
    sentence = "The record names John Constable as the maker of The Hay Wain."
    assert not is_contained(sentence, "Constable", title="The Hay Wain")
    assert not is_contained(
        "Willy Lott's cottage, painted by Turner, stands on the left bank.",
        "Willy Lott's cottage stands on the left bank.",
    )


def test_an_added_negation_fails() -> None:
    span = "The painting hangs in the National Gallery in London."
    assert is_contained(span, span)
    assert not is_contained("The painting never hangs in the National Gallery in London.", span)
    assert not is_contained("The painting is not in the National Gallery in London.", span)


def test_a_count_is_allowed_only_as_a_derived_number() -> None:
    sentence = "The collection has three works by Francisco Goya:"
    assert not is_contained(sentence, "Francisco Goya")
    assert is_contained(sentence, "Francisco Goya", derived_numbers=frozenset({3}))
    assert not is_contained(sentence, "Francisco Goya", derived_numbers=frozenset({4}))


def test_number_words_and_digits_are_the_same_number() -> None:
    span = "A great wave towers over three boats."
    assert is_contained("A great wave towers over 3 boats.", span)
    assert is_contained("Five versions exist.", "5 versions exist.")
    assert not is_contained("Six versions exist.", "5 versions exist.")
    assert is_contained("About 20,700 polygons.", "The scan has about 20,700 polygons.")
    assert not is_contained("About 20,800 polygons.", "The scan has about 20,700 polygons.")


def test_plural_and_verb_forms_of_span_words_are_contained() -> None:
    assert is_contained("Boats cross the river.", "A boat crosses the river.")


def test_facts_are_the_words_that_state_something() -> None:
    found = facts("The Hay Wain is dated 1821 by John Constable.", title="The Hay Wain")
    assert found == ["1821", "john", "constable"]
