"""Words and sentences: the small text tools every answering step shares.

Matching folds case and accents ("Méduse" = "meduse") and reads "photos" as "photo";
sentence splitting keeps each sentence exactly as it stands in the record, because a
citation quotes the record's own text.
"""

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:[,.][0-9]+)*")
# A sentence ends at . ! or ? followed by a space and a capital, digit or quote; "c. 1503"
# and "St. Mark" are not ends (a lower-case word or a known abbreviation comes first).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(À-Ý])")
_ABBREVIATIONS = ("c.", "ca.", "St.", "Mt.", "Dr.", "Mr.", "Mrs.", "no.", "No.", "fig.", "vol.")


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """a an the this that these those it its it's is are was were be been being am do does did
    done of in on at to for from by with as and or but if then than so such there here what
    which who whom whose when where why how i you your we our us me my he she his her him
    they them their one ones any some can could would should will shall may might must about
    into onto over under up down out off again just also very too much many more most other
    else like get got have has had having tell know show see look please s d ll re ve m t
    anything something thing things whats wheres whos hows thats theres im ive behind beside
    between near around through during above below beyond within"""
)

# Words that never count as "a fact" by themselves and are never dropped by the checks.
NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "none", "neither"})

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "hundred": 100,
}
NUMBER_NAMES = {value: name for name, value in NUMBER_WORDS.items()}


def fold(text: str) -> str:
    """Lower case without accents: "Méduse" -> "meduse", "Ōkyo" -> "okyo"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem so plurals and simple verb forms meet: photos/photo, painted/paint."""
    if word in NUMBER_WORDS:
        return str(NUMBER_WORDS[word])
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Folded words and numbers, in order ("20,700" stays one number)."""
    return _WORD.findall(fold(text).replace("'", " "))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS]


def stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def split_sentences(text: str) -> list[str]:
    """The text's sentences, each exactly as written (so each is a verbatim span)."""
    pieces = _SENTENCE_END.split(text.strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and sentences[-1].endswith(_ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {piece}"
        elif piece:
            sentences.append(piece)
    return sentences


def spell_number(value: int) -> str:
    return NUMBER_NAMES.get(value, str(value))


def looks_alike(a: str, b: str) -> bool:
    """Two words the same but for a typo ("rembrants" ~ "rembrandt"); long words only."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2 or a[:2] != b[:2]:
        return False
    return _edit_distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
