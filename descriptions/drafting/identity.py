"""Words that say who a person is: a description may use them only if the record does.

The guidelines are firm that a describer never guesses a depicted person's gender, race,
ethnicity or age from the image; the record may name them ("Portrait of a young woman"),
and then the description may repeat them. The generator drops any classifier concept
that carries one of these words, and the checklist fails any draft that says one the
record does not.
"""

import re
from collections.abc import Iterable

GENDER_WORDS = frozenset(
    [
        "man",
        "men",
        "woman",
        "women",
        "boy",
        "boys",
        "girl",
        "girls",
        "male",
        "female",
        "males",
        "females",
        "lady",
        "ladies",
        "gentleman",
        "gentlemen",
        "he",
        "she",
        "him",
        "his",
        "her",
        "hers",
        "himself",
        "herself",
        "husband",
        "wife",
        "mother",
        "father",
        "son",
        "daughter",
        "brother",
        "sister",
        "bride",
        "groom",
        "bridegroom",
        "king",
        "queen",
        "prince",
        "princess",
        "monk",
        "nun",
        "masculine",
        "feminine",
    ]
)
AGE_WORDS = frozenset(
    [
        "old",
        "older",
        "elderly",
        "aged",
        "young",
        "younger",
        "youth",
        "youthful",
        "child",
        "children",
        "kid",
        "kids",
        "baby",
        "babies",
        "infant",
        "infants",
        "toddler",
        "teenager",
        "teenage",
        "adolescent",
        "adult",
        "adults",
    ]
)
RACE_WORDS = frozenset(
    [
        "race",
        "racial",
        "ethnic",
        "ethnicity",
        "caucasian",
        "negro",
        "negroid",
        "mongoloid",
        "oriental",
        "dark-skinned",
        "light-skinned",
        "fair-skinned",
        "skin-colour",
        "skin-color",
        "complexion",
    ]
)
IDENTITY_WORDS = GENDER_WORDS | AGE_WORDS | RACE_WORDS

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def words_of(text: str) -> set[str]:
    """Lower-case words, hyphenated compounds kept whole and also split."""
    found = set()
    for word in _WORD.findall(text.lower()):
        found.add(word)
        found.update(word.split("-"))
    return found


def identity_words(text: str) -> set[str]:
    return words_of(text) & IDENTITY_WORDS


def unrecorded_identity_words(text: str, record_texts: Iterable[str]) -> set[str]:
    """The identity words in ``text`` that no record field uses."""
    recorded: set[str] = set()
    for record_text in record_texts:
        recorded |= words_of(record_text)
    return identity_words(text) - recorded
