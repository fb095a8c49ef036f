"""The machine check that no answer sentence says more than the span it cites.

Every word of a sentence that could carry a fact — a name, a number, a material, a
negation — must appear in its cited span. What may be added around the span is limited
to function words and the few words the answer templates use ("is by", "is dated",
"measures"), plus the cited object's own title, which the citation names anyway. A count
the guide computed itself ("three works by Goya") is allowed only when it is the number
of objects the answer actually lists (``derived_numbers``). The same check judges
sentences rephrased by a language model (``guide.answerers.rephrased``).
"""

import re

from guide.answering.text import NEGATIONS, NUMBER_WORDS, STOPWORDS, stem, word_set, words

# Words the answer templates put around a quoted span; none of them states a fact.
TEMPLATE_WORDS = word_set(
    """record records names named as maker makers medium dated measures credit credited line
    shared licence license comes associated also another tagged image pixels collection
    works work has have there here quote quoted says say description according made listed"""
)
_ALLOWED = (STOPWORDS - NEGATIONS - set(NUMBER_WORDS)) | TEMPLATE_WORDS
_DIGITS = re.compile(r"^[0-9][0-9,.]*$")


def facts(sentence: str, *, title: str = "") -> list[str]:
    """The words of a sentence that state something (template and title words removed)."""
    title_words = set(words(title))
    return [w for w in words(sentence) if w not in _ALLOWED and w not in title_words]


def is_contained(
    sentence: str,
    span: str,
    *,
    question: str = "",
    title: str = "",
    derived_numbers: frozenset[int] = frozenset(),
) -> bool:
    """True when every fact-bearing word of ``sentence`` stands in ``span``.

    ``question`` is accepted for callers that rephrase; the question's words are not
    evidence, so they are not used.
    """
    span_words = set(words(span))
    span_stems = {stem(w) for w in span_words}
    span_numbers = {_number(w) for w in span_words} - {None}
    for word in facts(sentence, title=title):
        if word in span_words or stem(word) in span_stems:
            continue
        number = _number(word)
        if number is not None and (number in span_numbers or number in derived_numbers):
            continue
        return False
    return True


def _number(word: str) -> int | None:
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if _DIGITS.match(word):
        digits = word.replace(",", "")
        return int(digits) if digits.isdigit() else None
    return None
