"""Validate one JSON Lines record into a typed ``ImportRecord`` (no database, no files).

Every problem becomes a ``RecordError`` whose message a curator can act on; the
importer reports it with the line number and moves on to the next record.
"""

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug

from exhibition.licences import LICENCES
from exhibition.models import ObjectTranslation, Visibility
from exhibition.models3d_ingest.formats import UNIT_METRES

REQUIRED = ("id", "title", "object_type", "licence")
_TEXT_FIELDS = (
    "creator",
    "culture",
    "medium",
    "description",
    "attribution",
    "source",
    "dimensions",
    "credit_line",
    "alt_text",
    "accession_number",
)


_TRANSLATION_TITLE_LENGTH = ObjectTranslation._meta.get_field("title").max_length or 500
# Descriptions are stored as unbounded text; a translation still gets a bound, so that one
# record cannot fill the database with a runaway field.
TRANSLATION_DESCRIPTION_LENGTH = 50_000
_TRANSLATION_FIELDS = ("title", "description")


class RecordError(Exception):
    """A record that cannot be imported; the message says why."""


@dataclass(frozen=True)
class PlaceSpec:
    name: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class HotspotSpec:
    position: str
    normal: str
    label: str
    text: str


@dataclass(frozen=True)
class TranslationSpec:
    title: str
    description: str


@dataclass
class ImportRecord:
    """One validated record. ``None`` for visibility/featured/content_note means "not given"."""

    slug: str
    title: str
    object_type: str
    licence: str
    text: dict[str, str] = field(default_factory=dict)  # the _TEXT_FIELDS, "" when absent
    date_display: str = ""
    date_start: int | None = None
    date_end: int | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    # Further images, in order (a IIIF manifest's later canvases); None leaves the
    # object's other images as they are (a collection file names only its main image).
    more_images: list[str] | None = None
    model: str | None = None
    # The length unit of an OBJ/PLY/STL/glTF model ("mm", "cm", "m", "in"); None: not given.
    model_unit: str | None = None
    place: PlaceSpec | None = None
    hotspots: list[HotspotSpec] = field(default_factory=list)
    visibility: str | None = None
    featured: bool | None = None
    content_note: str | None = None
    # The language title and description are written in; "" only before validation.
    language: str = ""
    # Per-language title and description; None means "not given" (admin edits are kept).
    translations: dict[str, TranslationSpec] | None = None
    # Cataloguing notes taken out of public fields ("title truncated in source"): they are
    # kept with the record's source, which only curators see.
    notes: list[str] = field(default_factory=list)


def parse_line(line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    return data


def record_id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    return value if isinstance(value, str) and value else None


def validate_record(data: dict[str, Any]) -> ImportRecord:
    for name in REQUIRED:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise RecordError(f"missing required field '{name}'")
    slug = data["id"]
    try:
        validate_slug(slug)
    except ValidationError:
        raise RecordError(
            f"id '{slug}' is not a valid slug (letters, digits, '-' and '_' only)"
        ) from None
    licence = data["licence"].strip()
    if licence not in LICENCES:
        raise RecordError(f"unknown licence '{licence}' (known: {', '.join(sorted(LICENCES))})")
    title, notes = split_title_notes(data["title"].strip())
    description, description_notes = split_description_notes(_text(data, "description"))
    record = ImportRecord(
        slug=slug,
        title=title,
        notes=notes + description_notes,
        object_type=data["object_type"].strip(),
        licence=licence,
        text={name: _text(data, name) for name in _TEXT_FIELDS} | {"description": description},
        date_display=_text(data, "date", allow_int=True),
        date_start=_year(data, "date_start"),
        date_end=_year(data, "date_end"),
        tags=_tags(data.get("tags")),
        image=_path(data, "image"),
        model=_path(data, "model"),
        model_unit=_model_unit(data.get("model_unit")),
        place=_place(data.get("place"), culture=_text(data, "culture")),
        visibility=_visibility(data.get("visibility")),
        featured=_optional_bool(data, "featured"),
        content_note=_text(data, "content_note") if "content_note" in data else None,
        language=_language(data.get("language")),
    )
    if (
        record.date_start is not None
        and record.date_end is not None
        and record.date_start > record.date_end
    ):
        raise RecordError(f"date_start {record.date_start} is after date_end {record.date_end}")
    record.translations = _translations(data.get("translations"), original=record.language)
    record.hotspots = _hotspots(data.get("hotspots"))
    if record.hotspots and record.model is None:
        raise RecordError("hotspots are given but the record has no model")
    return record


_TRAILING_NOTE = re.compile(r"^(?P<title>.*\S)\s*\((?P<inner>[^()]*)\)$")
_SOURCE_WORD = re.compile(r"\bsource\b", re.IGNORECASE)


def split_title_notes(title: str) -> tuple[str, list[str]]:
    """Take cataloguing notes out of a title's closing parentheses.

    "Blumenkasten mit … (flower box; title truncated in source)" gives the title
    "Blumenkasten mit … (flower box)" and the note "title truncated in source": a
    translation helps visitors, a remark about the source record does not.
    """
    match = _TRAILING_NOTE.match(title)
    if match is None:
        return title, []
    parts = [part.strip() for part in match["inner"].split(";")]
    notes = [part for part in parts if _SOURCE_WORD.search(part)]
    if not notes:
        return title, []
    kept = "; ".join(part for part in parts if part and part not in notes)
    return (f"{match['title']} ({kept})" if kept else match["title"]), notes


# A sentence that only says how the record's title or date was derived from its source
# ("The title and date are derived from the source filename; the photographer is not
# recorded in the source."). Sentences that tell visitors something ("The source
# attributes it to the manner of Rembrandt") stay.
_DERIVATION_NOTE = re.compile(
    r"^The (?:full )?title(?: and date)?\b.*\bsource\b|^The date\b.*\bsource\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")


def split_description_notes(description: str) -> tuple[str, list[str]]:
    """Take sentences about how the record was derived out of its description."""
    sentences = _SENTENCE_BREAK.split(description)
    notes = [sentence.rstrip(".") for sentence in sentences if _DERIVATION_NOTE.search(sentence)]
    if not notes:
        return description, []
    kept = [sentence for sentence in sentences if not _DERIVATION_NOTE.search(sentence)]
    text = ". ".join(sentence.rstrip(".") for sentence in kept)
    return (f"{text}." if text else ""), notes


def _text(data: dict[str, Any], name: str, *, allow_int: bool = False) -> str:
    value = data.get(name)
    if value is None:
        return ""
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise RecordError(f"'{name}' must be a string or null")
    return value.strip()


def _year(data: dict[str, Any], name: str) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"'{name}' must be an integer year or null, not {value!r}")
    return value


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        raise RecordError("'tags' must be a list of strings")
    tags: list[str] = []
    for tag in (" ".join(t.split()) for t in value):
        if len(tag) > 100:
            raise RecordError(f"tag '{tag[:40]}…' is longer than 100 characters")
        if tag and tag.lower() not in (t.lower() for t in tags):
            tags.append(tag)
    return tags


def _path(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RecordError(f"'{name}' must be a relative file path or null")
    return value


def _model_unit(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if value not in UNIT_METRES:
        raise RecordError(f"unknown model_unit {value!r} (use one of: {', '.join(UNIT_METRES)})")
    return str(value)


def _place(value: Any, *, culture: str) -> PlaceSpec | None:
    if value is None:
        # A country-level place from the culture: "Italy (Milan)" -> "Italy".
        name = culture.split(" (")[0].strip()
        return PlaceSpec(name=name) if name else None
    if isinstance(value, str):
        return PlaceSpec(name=value.strip()) if value.strip() else None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        raise RecordError("'place' must be a string or an object with a 'name'")
    latitude = _coordinate(value.get("latitude"), "latitude", 90)
    longitude = _coordinate(value.get("longitude"), "longitude", 180)
    if (latitude is None) != (longitude is None):
        raise RecordError("'place' needs both latitude and longitude, or neither")
    return PlaceSpec(name=value["name"].strip(), latitude=latitude, longitude=longitude)


def _coordinate(value: Any, name: str, bound: int) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > bound:
        raise RecordError(f"place {name} must be a number between -{bound} and {bound}")
    return float(value)


def _visibility(value: Any) -> str | None:
    if value is None:
        return None
    if value not in Visibility.values:
        raise RecordError(
            f"unknown visibility {value!r} (use one of: {', '.join(Visibility.values)})"
        )
    return str(value)


def _language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _language(value: Any) -> str:
    if value is None:
        return str(settings.LANGUAGE_CODE)
    if not isinstance(value, str) or value.strip() not in _language_codes():
        raise RecordError(
            f"unknown language {value!r} (use one of: {', '.join(_language_codes())})"
        )
    return value.strip()


def _translations(value: Any, *, original: str) -> dict[str, TranslationSpec] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecordError("'translations' must be an object of language code to translation")
    translations = {}
    for code, item in value.items():
        if code not in _language_codes():
            raise RecordError(
                f"translation {code!r}: not a site language "
                f"(use one of: {', '.join(_language_codes())})"
            )
        if code == original:
            raise RecordError(
                f"translation {code!r} is in the record's own language; "
                "put that text in 'title' and 'description'"
            )
        translations[code] = _translation(item, code)
    return translations


def _translation(item: Any, code: str) -> TranslationSpec:
    if not isinstance(item, dict):
        raise RecordError(f"translation {code!r} must be an object with a 'title'")
    unknown = sorted(str(key) for key in item if key not in _TRANSLATION_FIELDS)
    if unknown:
        raise RecordError(
            f"translation {code!r}: unknown field {unknown[0]!r} (use 'title', 'description')"
        )
    title = item.get("title")
    description = "" if item.get("description") is None else item["description"]
    if not isinstance(title, str) or not title.strip():
        raise RecordError(f"translation {code!r}: 'title' must be a non-empty string")
    if not isinstance(description, str):
        raise RecordError(f"translation {code!r}: 'description' must be a string or null")
    title, description = title.strip(), description.strip()
    if len(title) > _TRANSLATION_TITLE_LENGTH:
        raise RecordError(
            f"translation {code!r}: title is longer than {_TRANSLATION_TITLE_LENGTH} characters"
        )
    if len(description) > TRANSLATION_DESCRIPTION_LENGTH:
        raise RecordError(
            f"translation {code!r}: description is longer than "
            f"{TRANSLATION_DESCRIPTION_LENGTH} characters"
        )
    return TranslationSpec(title=title, description=description)


def _optional_bool(data: dict[str, Any], name: str) -> bool | None:
    value = data.get(name)
    if value is not None and not isinstance(value, bool):
        raise RecordError(f"'{name}' must be true or false")
    return value


def _hotspots(value: Any) -> list[HotspotSpec]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError("'hotspots' must be a list")
    hotspots = []
    for n, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            raise RecordError(f"hotspot {n} must be an object with a 'label'")
        text = item.get("text") or ""
        if not isinstance(text, str):
            raise RecordError(f"hotspot {n}: 'text' must be a string")
        hotspots.append(
            HotspotSpec(
                position=_vector(item.get("position"), f"hotspot {n} position"),
                normal=_vector(item.get("normal", "0 1 0"), f"hotspot {n} normal"),
                label=item["label"].strip(),
                text=text.strip(),
            )
        )
    return hotspots


def _vector(value: Any, what: str) -> str:
    """A 'x y z' triple of numbers, normalised to single spaces."""
    parts = value.split() if isinstance(value, str) else []
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 3 or not all(math.isfinite(n) for n in numbers):
        raise RecordError(f"{what} must be three numbers 'x y z', not {value!r}")
    return " ".join(parts)
