from descriptions.speech.sentences import (
    MAX_SENTENCE_CHARS,
    MAX_TEXT_CHARS,
    bounded_sentences,
    split_sentences,
)


def test_text_is_split_at_sentence_ends_but_not_at_initials_or_abbreviations() -> None:
    text = 'Painted by J. M. W. Turner, c. 1840. It shows a ship! Is it "burning?" See fig. 2.'
    assert split_sentences(text) == [
        "Painted by J. M. W. Turner, c. 1840.",
        "It shows a ship!",
        'Is it "burning?"',
        "See fig. 2.",
    ]


def test_whitespace_is_tidied_and_empty_text_has_no_sentences() -> None:
    assert split_sentences("  One.\n\n  Two  words. ") == ["One.", "Two words."]
    assert split_sentences("   ") == []


def test_a_sentence_too_long_to_caption_is_cut_at_clauses_then_words() -> None:
    text = "Red, " * 150 + "and blue."
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces).split() == text.split()  # nothing lost or reordered


def test_an_unbroken_run_of_characters_is_bounded_too() -> None:
    pieces = split_sentences("x" * 5000)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)


def test_very_long_text_keeps_whole_sentences_up_to_the_bound() -> None:
    sentence = "The boats rest on the calm water of the harbour."
    kept, truncated = bounded_sentences(" ".join([sentence] * 1000))
    assert truncated
    assert kept and all(piece == sentence for piece in kept)
    assert sum(len(piece) + 1 for piece in kept) <= MAX_TEXT_CHARS


def test_text_within_the_bound_is_kept_whole() -> None:
    kept, truncated = bounded_sentences("One. Two.")
    assert (kept, truncated) == (["One.", "Two."], False)
