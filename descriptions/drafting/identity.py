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

# French. Not "il", "elle", "lui": French pronouns follow grammatical gender ("elle" is
# the painting), and not "religieuse", "noir", "blanc": they are adjectives and colours.
FRENCH_GENDER_WORDS = frozenset(
    [
        "homme",
        "hommes",
        "femme",
        "femmes",
        "garçon",
        "garçons",
        "fille",
        "filles",
        "fillette",
        "fillettes",
        "dame",
        "dames",
        "demoiselle",
        "demoiselles",
        "monsieur",
        "messieurs",
        "madame",
        "mesdames",
        "masculin",
        "masculine",
        "féminin",
        "féminine",
        "mari",
        "épouse",
        "époux",
        "mère",
        "père",
        "fils",
        "frère",
        "sœur",
        "soeur",
        "mariée",
        "roi",
        "reine",
        "prince",
        "princesse",
        "moine",
        "nonne",
    ]
)
FRENCH_AGE_WORDS = frozenset(
    [
        "vieux",
        "vieille",
        "vieilles",
        "vieillard",
        "vieillards",
        "âgé",
        "âgée",
        "âgés",
        "âgées",
        "jeune",
        "jeunes",
        "jeunesse",
        "enfant",
        "enfants",
        "bébé",
        "bébés",
        "nourrisson",
        "nourrissons",
        "adolescent",
        "adolescente",
        "adolescents",
        "adolescentes",
        "adulte",
        "adultes",
    ]
)
FRENCH_RACE_WORDS = frozenset(
    [
        "race",
        "races",
        "racial",
        "raciale",
        "raciaux",
        "ethnique",
        "ethniques",
        "ethnie",
        "caucasien",
        "caucasienne",
        "nègre",
        "négroïde",
        "mongoloïde",
        "métis",
        "métisse",
        "mulâtre",
        "teint",
    ]
)
FRENCH_IDENTITY_WORDS = FRENCH_GENDER_WORDS | FRENCH_AGE_WORDS | FRENCH_RACE_WORDS
# Race said with colour words: "un Noir", "des Blanches", "peau noire". Colours alone
# ("le noir", "du blanc") are measurements the descriptions say all the time.
_FRENCH_RACE_PHRASES = re.compile(
    r"\b(?i:un|une|des|les|le|la)\s+(?:Noir|Noire|Noirs|Noires|Blanc|Blanche|Blancs|Blanches)\b"
    r"|\bpeaux?\s+(?:noire|noires|blanche|blanches|claire|claires|foncée|foncées|mate|mates)\b"
    r"|\bcouleur\s+de\s+(?:la\s+)?peau\b"
)
_IDENTITY = {"en": IDENTITY_WORDS, "fr": FRENCH_IDENTITY_WORDS}

# Letters of any script; apostrophes split ("l’homme" gives "homme").
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def words_of(text: str) -> set[str]:
    """Lower-case words, hyphenated compounds kept whole and also split."""
    found = set()
    for word in _WORD.findall(text.lower()):
        found.add(word)
        found.update(word.split("-"))
    return found


def identity_words(text: str, language: str = "en") -> set[str]:
    base = language.split("-")[0]
    found = words_of(text) & _IDENTITY.get(base, IDENTITY_WORDS)
    if base == "fr":
        found |= {" ".join(m.group(0).lower().split()) for m in _FRENCH_RACE_PHRASES.finditer(text)}
    return found


def unrecorded_identity_words(
    text: str, record_texts: Iterable[str], language: str = "en"
) -> set[str]:
    """The identity words in ``text`` (a text in ``language``) that no record field uses."""
    recorded: set[str] = set()
    said_in_record = []
    for record_text in record_texts:
        recorded |= words_of(record_text)
        said_in_record.append(" ".join(record_text.lower().split()))
    return {
        word
        for word in identity_words(text, language)
        # A phrase ("peau claire") is recorded when a field says it; a word, when a field
        # uses that word.
        if word not in recorded and not (" " in word and any(word in s for s in said_in_record))
    }
