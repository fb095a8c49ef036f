"""Serialisation helpers shared by every Linked Art document: names, statements, terms.

Each helper returns a plain dict in the exact shape a Linked Art 1.0 schema accepts,
so the builders read as a list of what the record says.
"""

from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils.text import slugify

from interop.linked_art import vocab

CONTEXT = "https://linked.art/ns/v1/linked-art.json"
PROFILE_MEDIA_TYPE = f'application/ld+json;profile="{CONTEXT}"'

Doc = dict[str, Any]
# Turns a site path into an absolute URL for the request's scheme and host.
Absolute = Callable[[str], str]


def aat(term: vocab.Term) -> Doc:
    return {"id": term.uri, "type": "Type", "_label": term.label}


def local_term(absolute: Absolute, key: str, label: str) -> Doc:
    return {"id": absolute(concept_path(key)), "type": "Type", "_label": label}


def concept_path(key: str) -> str:
    return reverse("linked-art:concept", kwargs={"key": key})


def machine_generated(absolute: Absolute) -> Doc:
    key = vocab.MACHINE_GENERATED
    return local_term(absolute, key, vocab.LOCAL_TERMS[key])


def object_type_key(object_type: str) -> str:
    return f"{vocab.OBJECT_TYPE_PREFIX}{slugify(object_type)}"


def primary_name(content: str) -> Doc:
    return {
        "type": "Name",
        "content": content,
        "classified_as": [aat(vocab.PRIMARY_NAME)],
        "language": [language_en()],
    }


def identifier(content: str, term: vocab.Term) -> Doc:
    return {"type": "Identifier", "content": content, "classified_as": [aat(term)]}


def language_en() -> Doc:
    return {"id": vocab.ENGLISH.uri, "type": "Language", "_label": vocab.ENGLISH.label}


def statement(content: str, *classes: Doc, notes: list[Doc] | None = None) -> Doc:
    """An embedded LinguisticObject: a short text classified as what kind of statement."""
    doc: Doc = {
        "type": "LinguisticObject",
        "content": content,
        "classified_as": [*classes],
        "language": [language_en()],
    }
    if notes:
        doc["referred_to_by"] = notes
    return doc


def year_start(year: int) -> str:
    return f"{_year(year)}-01-01T00:00:00Z"


def year_end(year: int) -> str:
    return f"{_year(year)}-12-31T23:59:59Z"


def _year(year: int) -> str:
    # xsd:dateTime years have at least four digits; years before the common era are negative.
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def timespan(*, start: int | None, end: int | None, display: str = "") -> Doc | None:
    """A TimeSpan from the first and last possible years, named by the display date."""
    if start is None and end is None and not display:
        return None
    span: Doc = {"type": "TimeSpan"}
    if display:
        span["identified_by"] = [{"type": "Name", "content": display}]
    if start is not None:
        span["begin_of_the_begin"] = year_start(start)
    if end is not None:
        span["end_of_the_end"] = year_end(end)
    return span


def web_page(absolute_url: str, label: str) -> Doc:
    """A subject_of entry for an HTML page about the entity."""
    return {
        "type": "LinguisticObject",
        "_label": label,
        "digitally_carried_by": [
            {
                "type": "DigitalObject",
                "classified_as": [aat(vocab.WEB_PAGE)],
                "format": "text/html",
                "access_point": [{"id": absolute_url, "type": "DigitalObject"}],
            }
        ],
    }


def document_head(*, doc_id: str, doc_type: str, label: str) -> Doc:
    return {"@context": CONTEXT, "id": doc_id, "type": doc_type, "_label": label}


def ref(doc_id: str, doc_type: str, label: str) -> Doc:
    return {"id": doc_id, "type": doc_type, "_label": label}
