"""What to offer when nothing matched: a close spelling, and the collection's own terms.

"Did you mean" replaces each word of the query that no record uses with the closest word
the records do use (titles, tags, names, types, cultures, places), when one is close.
"Try" offers the collection's own tags and object types nearest in meaning to the query,
so each suggestion finds something; a query no closer to any of them than a query about
something the collection lacks gets to its records (the relevance floor's chance level,
search.relevance) gets the most common ones instead. The words and terms are held per
collection version.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from search.keyword.documents import STOPWORDS, keyword_document, query_terms
from search.per_version import VersionedValue

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
SPELLING_CUTOFF = 0.75  # difflib's ratio: "rembrant" -> "rembrandt", "qwertyuiop" -> none
TRIES = 3


@dataclass(frozen=True)
class Suggestions:
    did_you_mean: str = ""
    try_terms: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]
    terms: list[str]  # tags and object types, most common first
    vectors: np.ndarray | None  # the terms in the record-text space (None: not encoded yet)


def _read_lexicon() -> _Lexicon:
    from search.encoders import get_text_encoder
    from search.keyword import public_with_text

    words: set[str] = set()
    terms: Counter[str] = Counter()
    for obj in public_with_text():
        document = keyword_document(obj)
        for name in ("title", "tags", "creators", "other"):
            words.update(w.lower() for w in _WORD.findall(document.column(name)))
        terms.update(tag.name.lower() for tag in obj.tags.all())
        if obj.object_type:
            terms[obj.object_type.lower()] += 1
    ranked = [term for term, _ in terms.most_common()]
    vectors = get_text_encoder().encode(ranked) if ranked else None
    return _Lexicon(frozenset(words - STOPWORDS), ranked, vectors)


_LEXICON = VersionedValue(_read_lexicon)


def _respelled(query: str, words: frozenset[str]) -> str:
    terms = query_terms(query)
    changed = False
    respelled = []
    for term in terms:
        if term in words or term in STOPWORDS:
            respelled.append(term)
            continue
        close = difflib.get_close_matches(term, words, n=1, cutoff=SPELLING_CUTOFF)
        respelled.append(close[0] if close else term)
        changed = changed or bool(close)
    return " ".join(respelled) if changed else ""


def _nearest_terms(query_vector: np.ndarray | None, lexicon: _Lexicon, chance: float) -> list[str]:
    if query_vector is None or lexicon.vectors is None:
        return lexicon.terms[:TRIES]
    similarity = lexicon.vectors @ query_vector
    order = np.argsort(-similarity)[:TRIES]
    if float(similarity[order[0]]) <= chance:
        return lexicon.terms[:TRIES]
    return [lexicon.terms[i] for i in order]


def suggest(
    query: str, query_vector: np.ndarray | None, *, with_tries: bool, chance: float = 1.0
) -> Suggestions:
    """A respelling if a word of the query is in no record; and, ``with_tries`` (nothing
    matched), the collection's terms nearest the query (``query_vector``: its embedding)
    when closer than ``chance`` (the relevance floor), else the most common ones."""
    lexicon = _LEXICON.get()
    if not lexicon.terms and not lexicon.words:
        return Suggestions()
    tries = []
    if with_tries:
        nearest = _nearest_terms(query_vector, lexicon, chance)
        tries = [term for term in nearest if term != query.lower()]
    return Suggestions(_respelled(query, lexicon.words), tries)
