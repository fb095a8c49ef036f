"""Map a read ``Manifest`` to the collection importer's ``ImportRecord``.

The id is derived from the manifest's own id (not the URL it was fetched from), so a
re-import updates the same object. A ``rights`` URI Vitrine cannot name as one of its
licences never makes an object public: it is imported as a draft under "Copyright not
evaluated", with the URI kept in the curators' notes, for a curator to decide.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.text import slugify

from exhibition.importing.iiif.documents import LanguageMap, Manifest
from exhibition.importing.records import (
    TRANSLATION_DESCRIPTION_LENGTH,
    ImportRecord,
    RecordError,
    TranslationSpec,
    split_description_notes,
    split_title_notes,
)
from exhibition.licences import LICENCES
from exhibition.models import CollectionObject, Visibility

UNKNOWN_LICENCE = "CNE"
DEFAULT_OBJECT_TYPE = "object"

# Metadata labels (English and French, lower case, without accents) for each record field.
FIELD_LABELS: dict[str, frozenset[str]] = {
    "creator": frozenset(
        {
            *("creator", "artist", "maker", "author", "painter", "photographer", "sculptor"),
            *("engraver", "designer", "auteur", "artiste", "createur", "peintre"),
            *("photographe", "sculpteur", "graveur", "creator/maker"),
        }
    ),
    "date": frozenset(
        {
            *("date", "dates", "date created", "creation date", "date made", "dated"),
            *("period", "datation", "date de creation", "epoque", "periode"),
        }
    ),
    "medium": frozenset(
        {
            *("medium", "material", "materials", "technique", "materials and techniques"),
            *("medium and support", "support", "materiau", "materiaux", "matiere"),
            *("matieres", "technique et matiere", "matiere et technique", "techniques"),
        }
    ),
    "dimensions": frozenset(
        {"dimensions", "size", "measurements", "extent", "mesures", "taille", "hauteur x largeur"}
    ),
    "culture": frozenset(
        {
            *("culture", "origin", "place of origin", "place made", "place", "country"),
            *("lieu", "lieu de creation", "origine", "pays", "civilisation"),
        }
    ),
    "object_type": frozenset(
        {
            *("object type", "type", "classification", "object name", "category"),
            *("type d'objet", "type d objet", "denomination", "categorie", "domaine"),
        }
    ),
    "accession_number": frozenset(
        {
            *("accession number", "object number", "inventory number", "inventory no"),
            *("accession no", "numero d'inventaire", "n° d'inventaire", "n° inventaire"),
            *("numero d inventaire", "cote"),
        }
    ),
}
_GENERIC_SEGMENTS = frozenset({"manifest", "manifest.json", "iiif", "presentation", "json", "v2"})
_YEARS = re.compile(
    r"^(?:c\.|ca\.|circa|about|vers|env\.)?\s*(-?\d{3,4})(?:\s*[-–/]\s*(\d{3,4}))?\s*$",
    re.IGNORECASE,
)
_URI_PREFIX = re.compile(r"^https?://(?:www\.)?")
_URI_SUFFIX = re.compile(r"(?:/(?:deed\.[\w-]+|legalcode(?:\.[\w-]+)?))?/?(?:\?.*)?$")


@dataclass(frozen=True)
class LicenceChoice:
    licence: str
    known: bool
    note: str = ""


def manifest_record(manifest: Manifest, *, visibility: str | None) -> ImportRecord:
    """The record for ``manifest``; ``visibility`` None leaves it to the importer's default."""
    language, title = pick_text(manifest.label)
    if not title:
        raise RecordError("manifest has no label")
    fields = _metadata_fields(manifest.metadata)
    licence = licence_for_rights(manifest.rights)
    title, notes = split_title_notes(_clip(title, "title"))
    description, description_notes = split_description_notes(
        _in_language(manifest.summary, language)
    )
    start, end = _years(fields.get("date", ""), manifest.nav_year)
    record = ImportRecord(
        slug=slug_for_manifest(manifest.id),
        title=title,
        object_type=_clip(fields.get("object_type", "").lower(), "object_type")
        or DEFAULT_OBJECT_TYPE,
        licence=licence.licence,
        text={
            "creator": fields.get("creator", ""),
            "culture": _clip(fields.get("culture", ""), "culture"),
            "medium": _clip(fields.get("medium", ""), "medium"),
            "description": description,
            "attribution": pick_text(manifest.required_statement, language)[1],
            "source": "\n".join(
                line for line in (manifest.homepage, f"IIIF manifest: {manifest.id}") if line
            ),
            "dimensions": _clip(fields.get("dimensions", ""), "dimensions"),
            "credit_line": "",
            "alt_text": "",
            "accession_number": _clip(fields.get("accession_number", ""), "accession_number"),
        },
        date_display=_clip(fields.get("date", ""), "date_display"),
        date_start=start,
        date_end=end,
        notes=notes + description_notes,
        language=language,
        translations=_translations(manifest, language),
    )
    record.visibility = visibility
    if not licence.known:
        # Never public under terms we cannot state; "restricted" is stricter still.
        if visibility in (None, Visibility.PUBLIC):
            record.visibility = Visibility.DRAFT
        record.notes.append(licence.note)
    return record


def pick_text(texts: LanguageMap, language: str | None = None) -> tuple[str, str]:
    """(site language, text): the wanted language, else "none", else the first given.

    The language returned is the one the text is written in when that is a site
    language, else the site's default.
    """
    wanted = language or str(settings.LANGUAGE_CODE)
    site = [code for code, _name in settings.LANGUAGES]
    by_base = {key.split("-")[0].lower(): key for key in texts}
    for key in (by_base.get(wanted), "none", *texts):
        if key is not None and texts.get(key):
            base = key.split("-")[0].lower()
            return (base if base in site else str(settings.LANGUAGE_CODE)), texts[key]
    return wanted, ""


def licence_for_rights(rights: str) -> LicenceChoice:
    """The site licence a ``rights``/``license`` URI names, or the honest fallback."""
    value = rights.strip()
    if value in LICENCES:
        return LicenceChoice(value, known=True)
    key = _uri_key(value)
    for licence in LICENCES.values():
        if key and key == _uri_key(licence.url):
            return LicenceChoice(licence.id, known=True)
    if not value:
        note = "the manifest states no rights; imported as a draft until a curator names a licence"
    else:
        note = (
            f"rights '{value[:200]}' is not a licence Vitrine knows; "
            "imported as a draft until a curator names one"
        )
    return LicenceChoice(UNKNOWN_LICENCE, known=False, note=note)


def slug_for_manifest(manifest_id: str) -> str:
    """``iiif-<name>-<hash>``: readable, stable for the same manifest id, unique per id."""
    segments = [s for s in urlsplit(manifest_id).path.split("/") if s]
    name = next(
        (s for s in reversed(segments) if s.lower() not in _GENERIC_SEGMENTS),
        urlsplit(manifest_id).hostname or "",
    )
    name = slugify(name.removesuffix(".json"))[:60].strip("-")
    digest = hashlib.sha256(manifest_id.encode("utf-8")).hexdigest()[:10]
    return f"iiif-{name}-{digest}" if name else f"iiif-{digest}"


def _metadata_fields(pairs: list[tuple[LanguageMap, LanguageMap]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for label, value in pairs:
        names = {_label_key(text) for text in label.values()}
        for field_name, labels in FIELD_LABELS.items():
            if field_name not in fields and names & labels:
                fields[field_name] = pick_text(value)[1]
    return fields


def _label_key(label: str) -> str:
    decomposed = unicodedata.normalize("NFKD", label.strip().rstrip(":").strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def _in_language(texts: LanguageMap, language: str) -> str:
    return pick_text(texts, language)[1]


def _translations(manifest: Manifest, original: str) -> dict[str, TranslationSpec] | None:
    """Titles (and summaries) the manifest gives in the site's other languages."""
    translations = {}
    for code, _name in settings.LANGUAGES:
        key = next((k for k in manifest.label if k.split("-")[0].lower() == code), None)
        if code == original or key is None:
            continue
        summary = next(
            (v for k, v in manifest.summary.items() if k.split("-")[0].lower() == code), ""
        )
        translations[code] = TranslationSpec(
            title=_clip(manifest.label[key], "title"),
            description=summary[:TRANSLATION_DESCRIPTION_LENGTH],
        )
    return translations or None


def _years(date: str, nav_year: int | None) -> tuple[int | None, int | None]:
    match = _YEARS.match(date.strip())
    if match is not None:
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else start
        return (start, end) if start <= end else (None, None)
    return nav_year, nav_year


def _clip(text: str, field_name: str) -> str:
    """Bound a text to its column, so a long value shortens rather than fails the record."""
    column = CollectionObject._meta.get_field(field_name)
    limit = column.max_length if isinstance(column, models.CharField) else None
    limit = limit or len(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _uri_key(uri: str) -> str:
    """A rights URI compared without scheme, 'www.', deed or legal-code pages, or 'page/'."""
    key = _URI_SUFFIX.sub("", _URI_PREFIX.sub("", uri.strip().lower()))
    return key.replace("rightsstatements.org/page/", "rightsstatements.org/vocab/")
