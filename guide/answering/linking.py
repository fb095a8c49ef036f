"""Which objects, people and kinds of object a question names.

A title may be given whole ("The Hunters in the Snow"), in part ("the judith painting"),
by its popular name ("the Great Wave") or with a typo; a person by surname ("Goya") or
misspelt ("rembrants"). Matching weighs each word by how rare it is among titles, so
"the wave picture" finds the one title with "wave" while "portrait" alone finds nothing.
A question that names nothing is about the object in the conversation.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

from guide.answering.intents import INTENT_WORDS
from guide.answering.records import Catalogue, GuideRecord
from guide.answering.text import STOPWORDS, fold, looks_alike, stem, word_set, words

# Words that say what kind of thing, not which thing; they weigh little in a title.
GENERIC = frozenset(
    stem(w)
    for w in [
        "paint",
        "painting",
        "picture",
        "photo",
        "photograph",
        "image",
        "work",
        "piece",
        "object",
        "art",
        "artwork",
        "made",
        "make",
        "maker",
        "draw",
        "drawing",
        "print",
        "one",
        "thing",
        "museum",
        "collection",
        "model",
        "scan",
        "3d",
        "version",
        "old",
        "portrait",
        "statue",
        "sculpture",
        "note",
        "banknote",
        "page",
        "cover",
        "plate",
        "view",
        "scene",
        "man",
        "woman",
    ]
)
# Name particles and given names shared by many people identify nobody alone.
_NAME_NOISE = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "la",
        "le",
        "the",
        "elder",
        "younger",
        "rijn",
        "after",
        "workshop",
        "jan",
        "john",
    }
)
# Notes in a title's parentheses that are not names for it.
_NOTE = re.compile(r"truncated|captioned|3d model|3d scan|as named|source", re.IGNORECASE)
# Words in agents' names that are everyday words too ("American Colony Photo Department").
_COMMON_NAME_WORDS = word_set(
    """american colony department bank county workers peasants soldiers international banking
    corporation fonds publication publisher artist"""
)
INTENT_STEMS = frozenset(stem(w) for w in INTENT_WORDS)
# Verbs that follow a name in a question ("the samurai taken", "the wreath come from").
_COMMON_VERBS = frozenset(
    stem(w)
    for w in word_set(
        """come comes came go goes went taken take took found find made make done do get got
        look looks seen see kept keep held hold shown show painted drawn"""
    )
)
TYPE_WORDS = {
    "photo": "photograph",
    "photograph": "photograph",
    "picture": "",
    "painting": "painting",
    "fresco": "wall painting",
    "mural": "wall painting",
    "print": "print",
    "woodblock": "print",
    "etching": "print",
    "lithograph": "print",
    "drawing": "drawing",
    "sketch": "drawing",
    "sculpture": "sculpture",
    "statue": "sculpture",
    "bust": "sculpture",
    "banknote": "banknote",
    "note": "banknote",
    "money": "banknote",
    "coin": "coin",
    "book": "book",
    "fossil": "natural history specimen",
    "textile": "textile",
}


# A title must match at least this well to count as named (over the conversation's object).
LINK_FLOOR = 0.4


@dataclass(frozen=True)
class ObjectMention:
    record: GuideRecord
    score: float
    matched: tuple[str, ...] = ()  # the title words the question used


@dataclass(frozen=True)
class Mentions:
    objects: tuple[ObjectMention, ...]
    agents: tuple[str, ...]  # agent slugs
    types: tuple[str, ...]  # object_type values
    leftover: tuple[str, ...]  # content words naming no agent and no kind of object
    named_stems: frozenset[str]  # the title words of the object named, if one is
    agent_words: tuple[str, ...] = ()  # the question's words that named the agents

    @property
    def named(self) -> ObjectMention | None:
        """The object the question names by title, if one matches well enough."""
        if self.objects and self.objects[0].score >= LINK_FLOOR:
            return self.objects[0]
        return None


@dataclass(frozen=True)
class _Alias:
    slug: str
    phrase: str  # folded
    tokens: tuple[str, ...]  # stems


def find_mentions(
    question: str,
    catalogue: Catalogue,
    *,
    prefer: tuple[str, ...] = (),
    in_context: bool = False,
) -> Mentions:
    """What the question names. ``in_context``: the conversation is about an object
    already, so a title matched by one word only must stand in a "the …" phrase."""
    index = _index(catalogue)
    folded = " ".join(words(question))
    question_words = [w for w in words(question) if w not in STOPWORDS]
    question_stems = [stem(w) for w in question_words]
    agents, agent_words = _agents(folded, question_words, index)
    title_stems = [s for s in question_stems if s not in agent_words]
    clue = _Clue(folded, title_stems, the_phrases(folded), in_context)
    objects = _objects(clue, index, catalogue, prefer)
    types, type_words = _types(title_stems)  # "Printing Works" in a name is no print
    used = set(agent_words) | set(type_words)
    leftover = tuple(
        w for w, s in zip(question_words, question_stems, strict=True) if s not in used
    )
    named = objects[0] if objects and objects[0].score >= LINK_FLOOR else None
    named_stems = index.alias_stems[named.record.slug] if named else frozenset()
    return Mentions(
        tuple(objects), tuple(agents), tuple(types), leftover, named_stems, tuple(agent_words)
    )


@dataclass(frozen=True)
class _Index:
    aliases: tuple[_Alias, ...]
    weight: dict[str, float]
    alias_stems: dict[str, frozenset[str]]
    unique: frozenset[str]  # title words of exactly one object
    vocabulary: frozenset[str]  # every word stem the records use
    agent_tokens: dict[str, str]  # name word -> agent slug (words unique to one agent)
    agent_phrases: dict[str, str]  # folded full name -> agent slug


_INDEXES: dict[int, _Index] = {}


def _index(catalogue: Catalogue) -> _Index:
    key = id(catalogue)
    found = _INDEXES.get(key)
    if found is None:
        _INDEXES.clear()  # one catalogue at a time: the current version's
        found = _INDEXES[key] = _build_index(catalogue)
    return found


def _build_index(catalogue: Catalogue) -> _Index:
    aliases = [alias for record in catalogue.records.values() for alias in _aliases(record)]
    frequency: Counter[str] = Counter()
    for record in catalogue.records.values():
        frequency.update({t for a in _aliases(record) for t in a.tokens})
    total = max(len(catalogue.records), 1)
    weight = {
        token: math.log(1 + total / count) * (0.3 if token in GENERIC else 1.0)
        for token, count in frequency.items()
    }
    alias_stems: dict[str, frozenset[str]] = {}
    for alias in aliases:
        alias_stems[alias.slug] = alias_stems.get(alias.slug, frozenset()) | set(alias.tokens)
    unique = frozenset(t for t, n in frequency.items() if n == 1 and t not in GENERIC)
    vocabulary = frozenset(
        s for record in catalogue.records.values() for span in record.spans for s in span.stems
    )
    name_words: Counter[str] = Counter()
    owners: dict[str, str] = {}
    for agent in catalogue.agents.values():
        name = words(agent.name)
        if len(name) > 4:  # an organisation's long name is matched whole, not word by word
            continue
        for word in set(name) - _NAME_NOISE - _COMMON_NAME_WORDS:
            if len(word) >= 4 and stem(word) not in GENERIC:
                name_words[word] += 1
                owners[word] = agent.slug
    agent_tokens = {w: owners[w] for w, n in name_words.items() if n == 1}
    agent_phrases = {" ".join(words(a.name)): a.slug for a in catalogue.agents.values()}
    return _Index(
        tuple(aliases), weight, alias_stems, unique, vocabulary, agent_tokens, agent_phrases
    )


def _aliases(record: GuideRecord) -> list[_Alias]:
    names = [record.title]
    main, _, rest = record.title.partition(" (")
    if rest:
        names.append(main)
        inner = rest.rstrip(")")
        if not _NOTE.search(inner):
            names.append(inner)
    aliases = []
    for name in names:
        folded = " ".join(words(name))
        if folded.startswith("the "):
            folded = folded[4:]
        tokens = tuple(dict.fromkeys(stem(w) for w in folded.split() if w not in STOPWORDS))
        if tokens:
            aliases.append(_Alias(record.slug, folded, tokens))
    return aliases


@dataclass(frozen=True)
class _Clue:
    """The question as title matching reads it."""

    folded: str
    stems: list[str]
    phrases: list[list[str]]  # the stems of each "the …" phrase
    in_context: bool


def the_phrases(folded: str) -> list[list[str]]:
    """ "who painted the starry night" -> [["starry", "night"]]."""
    phrases: list[list[str]] = []
    current: list[str] | None = None
    for word in folded.split():
        if word == "the":
            current = []
            phrases.append(current)
        elif current is not None and word not in STOPWORDS:
            current.append(stem(word))
        else:
            current = None
    return [p for p in phrases if p]


def _objects(
    clue: _Clue, index: _Index, catalogue: Catalogue, prefer: tuple[str, ...]
) -> list[ObjectMention]:
    best: dict[str, tuple[float, tuple[str, ...]]] = {}
    for alias in index.aliases:
        score, matched = _alias_score(alias, clue, index)
        if score > best.get(alias.slug, (0.0, ()))[0]:
            best[alias.slug] = (score, matched)
    ranked = sorted(
        ((score + (0.05 if slug in prefer else 0.0), slug) for slug, (score, _) in best.items()),
        reverse=True,
    )
    return [
        ObjectMention(catalogue.records[slug], score, best[slug][1])
        for score, slug in ranked
        if score > 0
    ]


def _alias_score(alias: _Alias, clue: _Clue, index: _Index) -> tuple[float, tuple[str, ...]]:
    if len(alias.tokens) >= 2 and re.search(rf"\b{re.escape(alias.phrase)}\b", clue.folded):
        return 1.0, alias.tokens
    matched = tuple(t for t in alias.tokens if any(_same(t, q) for q in clue.stems))
    if not any(t not in GENERIC for t in matched):
        return 0.0, ()
    total = sum(index.weight.get(t, 1.0) for t in alias.tokens)
    coverage = sum(index.weight.get(t, 1.0) for t in matched) / total
    if coverage >= 0.6:
        return coverage, matched
    # A word found in one title only ("tael", "judith", "wreath") names that object, unless
    # it is a word the question would use anyway ("dressed", "damaged").
    rare = [t for t in matched if t in index.unique and len(t) >= 4 and t not in INTENT_STEMS]
    if rare and _phrase_agrees(rare, alias, clue, index):
        # Named inside "the …" ("the skeleton print") beats a word met elsewhere.
        in_phrase = any(_same(t, w) for p in clue.phrases for w in p for t in rare)
        return max(coverage, 0.5 if in_phrase else 0.45), matched
    return 0.0, ()


def _phrase_agrees(rare: list[str], alias: _Alias, clue: _Clue, index: "_Index") -> bool:
    """A one-word match holds if the "the …" phrase around it names nothing else: "the
    starry night" is not "The Night Watch" ("starry" is in no record, so it names
    something the collection lacks); "the wreath bust scan" is the wreath bust."""
    around = [p for p in clue.phrases if any(_same(t, w) for t in rare for w in p)]
    if not around:
        return not clue.in_context
    return all(
        w in GENERIC
        or w in INTENT_STEMS
        or w in index.vocabulary
        or w in _COMMON_VERBS
        or any(_same(t, w) for t in alias.tokens)
        for phrase in around
        for w in phrase
    )


def _same(token: str, question_stem: str) -> bool:
    return token == question_stem or (len(token) >= 6 and looks_alike(token, question_stem))


def _agents(folded: str, question_words: list[str], index: _Index) -> tuple[list[str], list[str]]:
    """People and organisations named: whole names (stopwords and all: "Bank of the
    Netherlands"), or a word of a short name that is no one else's ("rembrants")."""
    found: dict[str, None] = {}
    used: list[str] = []
    for phrase, slug in index.agent_phrases.items():
        if len(phrase.split()) >= 2 and f" {phrase} " in f" {folded} ":
            found.setdefault(slug, None)
            used.extend(stem(w) for w in phrase.split() if w not in STOPWORDS)
    for word in question_words:
        for token, slug in index.agent_tokens.items():
            if token in (word, word.removesuffix("s")) or looks_alike(token, word):
                found.setdefault(slug, None)
                used.append(stem(word))
    return list(found), used


# The kinds of object, keyed by the stems questions reach them by ("paintings" -> "paint").
TYPE_SYNONYMS = {stem(word): kind for word, kind in TYPE_WORDS.items()}


def _types(question_stems: list[str]) -> tuple[list[str], list[str]]:
    types: dict[str, None] = {}
    used = []
    for token in question_stems:
        kind = TYPE_SYNONYMS.get(token)
        if kind is not None:
            used.append(token)
            if kind:
                types.setdefault(kind, None)
    return list(types), used


def fold_phrase(text: str) -> str:
    return " ".join(words(fold(text)))
