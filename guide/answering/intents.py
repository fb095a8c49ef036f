"""What a question asks for: rules first, then closeness to example questions.

Rules catch the unmistakable phrasings ("who painted", "made of", "licence"); anything
else is compared, in the MiniLM space search already uses, with a few example questions
per intent. A question close to none of them is ``other``: the guide then only answers if
a record's sentence plainly does.
"""

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from guide.answering.passages import encode_question
from guide.answering.text import fold, word_set
from guide.answers import (
    AGENT,
    COLLECTION,
    CONDITION,
    DATE,
    DIMENSIONS,
    LICENCE,
    MAKER,
    MATERIAL,
    OTHER,
    PLACE,
    PRACTICAL,
    RELATED,
    RESTORATION,
    SUBJECT,
)

# Questions the records can never answer well, whatever they name: a valuation, or what a
# person did outside the works ("did Rembrandt have kids").
VALUATION = "valuation"
PROVENANCE = "provenance"  # who owned it before: ownership history is not catalogued here
AUTHENTICITY = "authenticity"  # "is this the original?"

_RULES: tuple[tuple[str, str], ...] = (
    (
        VALUATION,
        r"\b(worth|value|valued|cost|price of (this|it)|how much (is|was|did) (it|this))\b",
    ),
    (
        PRACTICAL,
        r"\b(open(ing)?|close[sd]?|closing|hours|tickets?|admission|entry fee|cafe|coffee|"
        r"restaurant|shop|gift|poster|toilets?|restrooms?|bathroom|cloakroom|locker|parking|"
        r"wifi|wi-fi|lift|elevator|wheelchair|buggy|stroller|address|directions|"
        r"get there|membership|audio ?guide)\b",
    ),
    (
        RESTORATION,
        r"\b(look(ed)? like (before|originally|when new)|before (the )?damage|"
        r"reconstruct\w*|restored version|originally look\w*|used to look)\b",
    ),
    (SUBJECT, r"^tell me (more|about)\b"),  # "tell me more" is about this object, not others
    (AGENT, r"\b(born|died|death|birth|life|lived|kids|children|married|wife|husband)\b"),
    (PLACE, r"^where\b"),  # "where can I see the real one?" asks where, not whether
    (
        PROVENANCE,
        r"\b(owned|owner|owners|ownership|provenance|acquired|bought|sold|"
        r"before the museum)\b",
    ),
    (AUTHENTICITY, r"\b(original|genuine|real|a copy|replica|reproduction|fake)\b"),
    (
        LICENCE,
        r"\b(licen[cs]e[ds]?|copyright|download|reuse|re-use|use (this|it|the)|"
        r"credit|permission|public domain|cc0|cc by|attribution)\b",
    ),
    (
        CONDITION,
        r"\b(damage[ds]?|condition|missing|restor\w*|worn|wear|tarnish\w*|cracks?|"
        r"cracked|flak\w*|faded|torn|stains?|lost|broken|state)\b",
    ),
    (
        COLLECTION,
        r"\b(do you have|which of your|have you got|is there an?|are there( any)?|"
        r"any \w+( \w+)? here|which (works|paintings|pictures|photos|prints|objects)|"
        r"how many \w+( \w+)? (do you have|have you)|in (the|your) collection|"
        r"works by)\b",
    ),
    (
        RELATED,
        r"(\b(other|more|another|anything else|something else|what else|similar|"
        r"who else)\b)",
    ),
    (
        DIMENSIONS,
        r"\b(how (big|large|tall|wide|high|long|heavy)|size|dimensions?|pixels?|"
        r"resolution|measure\w*|height|width)\b",
    ),
    (
        MATERIAL,
        r"\b(made of|made from|material|medium|technique|painted on|carved|"
        r"what wood|on wood|on canvas|on paper|what kind of paint|oil|fresco|marble)\b",
    ),
    (
        MAKER,
        r"\b(who (made|painted|drew|created|photographed|carved|sculpted|designed|took|"
        r"built|scanned|printed|engraved|did)|artist|painter|maker|photographer|author|"
        r"sculptor|by whom|whose work|^(is|was) (it|this|that) by|^did \w+ (paint|make|draw))\b",
    ),
    (DATE, r"\b(when|what year|which year|how old|date[ds]?|century|era|period|age of)\b"),
    (
        PLACE,
        r"\b(where|which museum|what museum|location|located|kept|from which|"
        r"what country|which country|what city|which city)\b",
    ),
    (OTHER, r"^how (many|much)\b"),  # a count or amount: only a sentence that states it
    (
        SUBJECT,
        r"\b(show|shows|showing|depict\w*|about|happening|going on|story|scene|"
        r"subject|meaning|mean|represent\w*|who is|who are|who was|who were|what is (she|he|they)|"
        r"picture of|dressed)\b",
    ),
)
_COMPILED = tuple((intent, re.compile(pattern)) for intent, pattern in _RULES)
# The words the rules read as the *kind* of question ("born", "missing", "licence"): they
# say what is asked, never which thing it is asked about.
WORD_FORMS = word_set(
    """licence license licensed licenses damage damaged damages restored restoration restore
    reconstruction reconstructed dimension stained cracked tarnished flaking owned"""
)
WORDS_OF_INTENT: dict[str, frozenset[str]] = {}
for _name, _pattern in _RULES:
    WORDS_OF_INTENT[_name] = WORDS_OF_INTENT.get(_name, frozenset()) | frozenset(
        re.findall(r"[a-z]{3,}", _pattern)
    )
INTENT_WORDS = frozenset().union(*WORDS_OF_INTENT.values()) | WORD_FORMS

_EXAMPLES: dict[str, tuple[str, ...]] = {
    MAKER: ("who made this", "who is the artist", "who painted it", "which artist did this"),
    DATE: ("when was this made", "how old is it", "what year is it from"),
    PLACE: ("where is it kept", "where does it come from", "where was this taken"),
    MATERIAL: ("what is it made of", "what materials were used", "what technique is this"),
    DIMENSIONS: ("how big is it", "what are its measurements"),
    SUBJECT: ("what does it show", "what is this picture of", "what is going on here"),
    CONDITION: ("is it damaged", "what condition is it in"),
    LICENCE: ("can I use this image", "what is the licence"),
    RELATED: ("show me more like this", "other works like this one"),
    COLLECTION: ("do you have any paintings of ships", "what prints are in the collection"),
}
# Below this cosine the question is like none of the examples.
EXAMPLE_FLOOR = 0.55


@dataclass(frozen=True)
class Intent:
    name: str
    confidence: float


def recognise(question: str) -> Intent:
    """The intent of a question: the first rule that matches, else the closest example."""
    folded = fold(question)
    for intent, pattern in _COMPILED:
        if pattern.search(folded):
            return Intent(intent, 0.9)
    return _closest_example(question)


def _closest_example(question: str) -> Intent:
    names, matrix = example_vectors()
    vector = encode_question(question)
    scores = matrix @ vector
    best = int(np.argmax(scores))
    if float(scores[best]) < EXAMPLE_FLOOR:
        return Intent(OTHER, float(scores[best]))
    return Intent(names[best], float(scores[best]))


@cache
def example_vectors() -> tuple[list[str], np.ndarray]:
    from search.encoders import get_text_encoder

    names = [name for name, examples in _EXAMPLES.items() for _ in examples]
    texts = [text for examples in _EXAMPLES.values() for text in examples]
    return names, get_text_encoder().encode(texts)
