"""The text of a record, split into the weighted columns of the keyword index.

Columns, heaviest first: title > tags > creators > description (the rest of the
record — type, culture, medium, date, place — shares the description's weight).
The same fields make up the record text that the record-text channel embeds.
"""

import re
import unicodedata
from dataclasses import dataclass

from exhibition.models import CollectionObject

COLUMNS = ("title", "tags", "creators", "description", "other")
# FTS5 bm25() weights, in COLUMNS order; PostgreSQL maps them to setweight A–D.
COLUMN_WEIGHTS = (4.0, 2.5, 2.0, 1.0, 1.0)
FIELDS_ALL, FIELDS_TITLE = "all", "title"

_WORD = re.compile(r"\w+", re.UNICODE)
# Words so common in visitors' queries that they would make every record a candidate.
STOPWORDS = frozenset(
    (
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
        "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to",
        "was", "were", "with", "without",
    )
)  # fmt: skip
MAX_TERMS = 32


@dataclass(frozen=True)
class KeywordDocument:
    object_id: int
    title: str
    tags: str = ""
    creators: str = ""
    description: str = ""
    other: str = ""
    language: str = ""  # the record's own (its words are stemmed by its language's rules)

    def column(self, name: str) -> str:
        """The column's text as indexed: compatibility forms folded, as queries are."""
        return folded(getattr(self, name))


def folded(text: str) -> str:
    """NFKC: full-width "ＳＨＩＰ" (as an East Asian keyboard types it) reads "SHIP",
    ligatures and superscripts their plain letters, on both sides of the match."""
    return unicodedata.normalize("NFKC", text)


def keyword_document(obj: CollectionObject, *, fields: str = FIELDS_ALL) -> KeywordDocument:
    """The record's columns; ``fields="title"`` keeps the title alone (sparse catalogues)."""
    if fields == FIELDS_TITLE:
        return KeywordDocument(object_id=obj.pk, title=obj.title, language=obj.language)
    creators = " ; ".join(link.agent.name for link in obj.creator_links.all())
    other = " ; ".join(
        part
        for part in (
            obj.object_type,
            obj.culture,
            obj.medium,
            obj.date_display,
            obj.place.name if obj.place else "",
        )
        if part
    )
    return KeywordDocument(
        object_id=obj.pk,
        title=obj.title,
        tags=" ; ".join(tag.name for tag in obj.tags.all()),
        creators=creators,
        description=obj.description,
        other=other,
        language=obj.language,
    )


def query_terms(query: str) -> list[str]:
    """The words of a visitor's query, lower-cased, without stop words (unless only those).

    Every character that is not part of a word is dropped, so FTS5 operators
    (quotes, ``*``, ``NEAR``, ``-``, ``:``) typed by a visitor are plain text.
    """
    words = [word.lower() for word in _WORD.findall(folded(query))]
    kept = [word for word in words if word not in STOPWORDS] or words
    unique = list(dict.fromkeys(kept))
    return unique[:MAX_TERMS]
