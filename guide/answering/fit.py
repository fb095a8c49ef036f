"""Whether a record's sentence answers the question asked, not merely mentions its words.

A sentence answers when it holds what the question is about (its focus words, or their
everyday near-synonyms: "wearing" is answered by "dress", "sitting" by "crouches") and
the kind of answer asked for: a name for "who", a count before a noun for "how many", a
colour for "what colour", a year for "when". A question of no particular kind needs
nearly all of its focus words; a typed one needs half, because its type does the rest.
"""

import re
from itertools import pairwise

from guide.answering.asked import AskedQuestion
from guide.answering.text import NUMBER_WORDS, looks_alike, stem, word_set, words

# Everyday words for what descriptions say in catalogue words.
_NEAR = {
    stem(key): frozenset(stem(w) for w in value.split())
    for key, value in {
        "wear": "dress dressed costume clothing clothes armour turban hat robe gown uniform wig",
        "wearing": "dress dressed costume clothing clothes armour turban hat robe gown uniform",
        "sit": "seated sits crouch crouches lies lie perched rest",
        "sitting": "seated sits crouch crouches lies lie perched rest",
        "hold": "holding holds carries carry grasp",
        "holding": "holding holds carries carry grasp",
        "kill": "slay slaying stabbed behead beheading murder",
        "eat": "food diet ate fed",
        "war": "battle siege",
        "ship": "warship vessel boat frigate tug steamship liner",
        "boat": "boats vessel ship ships",
        "city": "town townscape",
        "picture": "image photograph painting",
        "people": "figure figures men women person",
    }.items()
}
_COLOURS = word_set(
    """red blue yellow green orange purple violet pink black white grey gray brown gold golden
    silver crimson scarlet ochre"""
)
# Words that say what kind of answer is wanted, not what it is about.
_KIND_WORDS = frozenset({"colour", "color", "name", "called", "season"})
_SEASONS = word_set("winter spring summer autumn fall")
_PROPER_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-zà-ÿ]+")
_YEAR = re.compile(r"\b(\d{3,4}s?|\w+ century)\b")
_HOW_MANY = re.compile(r"\bhow many (\w+)")


def answers(asked: AskedQuestion, sentence: str) -> bool:
    share = focus_share(asked, sentence)
    kind = question_kind(asked)
    if kind is None:
        return share >= (1.0 if len(asked.focus) <= 1 else 0.66)
    return share >= 0.5 and _has_kind(kind, asked, sentence)


def question_kind(asked: AskedQuestion) -> str | None:
    folded = asked.folded
    if re.match(r"^(who|whom)\b", folded):
        return "name"
    if _HOW_MANY.search(folded):
        return "count"
    if re.search(r"\b(colou?r|colou?rs)\b", folded):
        return "colour"
    if re.match(r"^(when|what year|which year)\b", folded):
        return "year"
    if re.match(r"^(which|what) (war|city|town|country|place|museum|river|battle)\b", folded):
        return "name"
    if re.search(r"\b(name of|called)\b", folded):
        return "named"
    if re.search(r"\b(season|time of year)\b", folded):
        return "season"
    return None


def focus_share(asked: AskedQuestion, sentence: str) -> float:
    focus = [f for f in asked.focus if f not in _KIND_WORDS]
    if not focus:
        return 1.0
    sentence_stems = {stem(w) for w in words(sentence)}
    found = sum(_present(f, sentence_stems) for f in focus)
    return found / len(focus)


def near_words(word: str) -> frozenset[str]:
    """The everyday near-synonyms of a stem ("ship": warship, vessel…)."""
    return _NEAR.get(word, frozenset())


def has_name(sentence: str) -> bool:
    return _PROPER_NAME.search(sentence) is not None


def _present(focus_word: str, sentence_stems: set[str]) -> bool:
    if focus_word in sentence_stems or sentence_stems & _NEAR.get(focus_word, frozenset()):
        return True
    return len(focus_word) >= 6 and any(looks_alike(focus_word, s) for s in sentence_stems)


def _has_kind(kind: str, asked: AskedQuestion, sentence: str) -> bool:
    if kind == "name":
        return has_name(sentence)
    if kind == "named":
        return _name_follows(asked, sentence)
    if kind == "count":
        return _has_count(sentence)
    if kind == "colour":
        return bool(_COLOURS & set(words(sentence)))
    if kind == "season":
        return bool(_SEASONS & set(words(sentence)))
    return _YEAR.search(sentence) is not None


def _name_follows(asked: AskedQuestion, sentence: str) -> bool:
    """ "the name of the ship": a capitalised name right after the ship ("warship HMS
    Temeraire"), not merely somewhere in a sentence that mentions a dog."""
    tokens = sentence.replace(",", " ").split()
    for i, token in enumerate(tokens):
        token_stems = {stem(w) for w in words(token)}
        near_focus = any(_present(f, token_stems) for f in asked.focus)
        if near_focus and any(t[:1].isupper() for t in tokens[i + 1 : i + 4]):
            return True
    return False


def _has_count(sentence: str) -> bool:
    """ "five versions", "three men", "about 20,700 polygons": a count before a noun.

    "one of the apostles" is no count, nor is a year ("in 1800").
    """
    for number, _noun in pairwise(words(sentence)):
        if number in NUMBER_WORDS and number != "one":
            return True
        digits = number.replace(",", "")
        if digits.isdigit() and ("," in number or int(digits) < 1000):
            return True
    return False
