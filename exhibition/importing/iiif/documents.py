"""Read Presentation 2.1 and 3 documents into one shape: a ``Manifest`` or a collection.

Texts stay language maps (``{"en": "…", "none": "…"}``) until a record is made, so that
the record can pick the site's language and keep the others as translations.
"""

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from exhibition.importing.records import RecordError

LanguageMap = dict[str, str]

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(?:br|/p|/li|/div)\s*/?>", re.IGNORECASE)


@dataclass(frozen=True)
class ImageRef:
    """An image a canvas paints: its own URL, and its Image API service when it has one."""

    url: str
    service: str | None = None
    service_version: int = 3
    width: int | None = None
    height: int | None = None


@dataclass
class Manifest:
    id: str
    version: int
    label: LanguageMap
    summary: LanguageMap = field(default_factory=dict)
    metadata: list[tuple[LanguageMap, LanguageMap]] = field(default_factory=list)
    rights: str = ""
    required_statement: LanguageMap = field(default_factory=dict)
    homepage: str = ""
    nav_year: int | None = None
    images: list[ImageRef] = field(default_factory=list)  # one per canvas, in canvas order


def presentation_version(data: dict[str, Any]) -> int:
    contexts = data.get("@context")
    for context in contexts if isinstance(contexts, list) else [contexts]:
        if isinstance(context, str) and "/presentation/3" in context:
            return 3
        if isinstance(context, str) and "/presentation/2" in context:
            return 2
    if "@type" in data:
        return 2
    if "type" in data:
        return 3
    raise RecordError("not a IIIF Presentation document (no @context, type or @type)")


def document_kind(data: dict[str, Any]) -> str:
    """'Manifest' or 'Collection'; anything else is refused."""
    kind = data.get("type") or data.get("@type")
    if kind in ("Manifest", "sc:Manifest"):
        return "Manifest"
    if kind in ("Collection", "sc:Collection"):
        return "Collection"
    raise RecordError(f"not a Manifest or Collection (type {str(kind)[:60]!r})")


def collection_members(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, id) of each member: v3 ``items``; v2 ``collections``, ``manifests``, ``members``."""
    members: list[tuple[str, str]] = []
    candidates: list[Any] = []
    for key in ("items", "collections", "manifests", "members"):
        value = data.get(key)
        if isinstance(value, list):
            candidates.extend(value)
    for item in candidates:
        ref = item if isinstance(item, dict) else {"id": item}
        ident = _id(ref)
        if not ident:
            continue
        try:
            kind = document_kind(ref)
        except RecordError:
            kind = "Manifest"  # a bare reference under "manifests"
        if (kind, ident) not in members:
            members.append((kind, ident))
    return members


def read_manifest(data: dict[str, Any], *, fallback_id: str) -> Manifest:
    version = presentation_version(data)
    manifest = Manifest(
        id=_id(data) or fallback_id,
        version=version,
        label=language_map(data.get("label")),
        metadata=_metadata(data.get("metadata")),
    )
    if not any(manifest.label.values()):
        raise RecordError("manifest has no label")
    if version == 3:
        manifest.summary = language_map(data.get("summary"))
        rights = data.get("rights")
        manifest.rights = rights if isinstance(rights, str) else ""
        statement = data.get("requiredStatement")
        if isinstance(statement, dict):
            manifest.required_statement = language_map(statement.get("value"))
        manifest.homepage = _first_id(data.get("homepage"))
        manifest.nav_year = _year(data.get("navDate"))
        manifest.images = _images_v3(data.get("items"))
    else:
        manifest.summary = language_map(data.get("description"))
        licence = data.get("license")
        manifest.rights = _first_id(licence) if not isinstance(licence, str) else licence
        manifest.required_statement = language_map(data.get("attribution"))
        manifest.homepage = _first_id(data.get("related"))
        manifest.nav_year = _year(data.get("navDate"))
        manifest.images = _images_v2(data.get("sequences"))
    return manifest


def language_map(value: Any) -> LanguageMap:
    """Any IIIF text (string, list, v2 ``@value`` objects, v3 language map) as language → text."""
    texts: dict[str, list[str]] = {}

    def add(language: str, text: Any) -> None:
        if isinstance(text, str | int | float) and not isinstance(text, bool):
            cleaned = plain_text(str(text))
            if cleaned:
                texts.setdefault(language, []).append(cleaned)

    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict) and "@value" in item:
            add(str(item.get("@language") or "none"), item["@value"])
        elif isinstance(item, dict):  # a v3 language map
            for language, strings in item.items():
                for text in strings if isinstance(strings, list) else [strings]:
                    add(str(language), text)
        else:
            add("none", item)
    return {language: "; ".join(parts) for language, parts in texts.items()}


def plain_text(text: str) -> str:
    """IIIF allows a little HTML in values: keep the words, drop the markup."""
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub(" ", text))
    return " ".join(html.unescape(text).split())


def _metadata(value: Any) -> list[tuple[LanguageMap, LanguageMap]]:
    pairs = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            label, text = language_map(item.get("label")), language_map(item.get("value"))
            if label and text:
                pairs.append((label, text))
    return pairs


def _images_v3(canvases: Any) -> list[ImageRef]:
    """The image each canvas paints, in canvas order (a canvas painting none is skipped)."""
    images = []
    for canvas in _dicts(canvases):
        image = next(_canvas_images_v3(canvas), None)
        if image is not None:
            images.append(image)
    return images


def _canvas_images_v3(canvas: dict[str, Any]) -> Iterator[ImageRef]:
    for page in _dicts(canvas.get("items")):
        for annotation in _dicts(page.get("items")):
            motivation = annotation.get("motivation", "painting")
            if "painting" not in (motivation if isinstance(motivation, list) else [motivation]):
                continue
            body = annotation.get("body")
            for resource in _dicts(body if isinstance(body, list) else [body]):
                image = _image_ref(_choice_default(resource), canvas)
                if image is not None:
                    yield image


def _images_v2(sequences: Any) -> list[ImageRef]:
    """The image each canvas of the first sequence paints, in canvas order."""
    images = []
    for sequence in _dicts(sequences)[:1]:
        for canvas in _dicts(sequence.get("canvases")):
            image = next(_canvas_images_v2(canvas), None)
            if image is not None:
                images.append(image)
    return images


def _canvas_images_v2(canvas: dict[str, Any]) -> Iterator[ImageRef]:
    for annotation in _dicts(canvas.get("images")):
        resource = annotation.get("resource")
        if isinstance(resource, dict):
            image = _image_ref(_choice_default(resource), canvas)
            if image is not None:
                yield image


def _choice_default(resource: dict[str, Any]) -> dict[str, Any]:
    """The first option of a Choice (v3 ``items``, v2 ``default``)."""
    if resource.get("type") == "Choice" or resource.get("@type") == "oa:Choice":
        options = _dicts(resource.get("items")) or _dicts([resource.get("default")])
        return options[0] if options else {}
    return resource


def _image_ref(resource: dict[str, Any], canvas: dict[str, Any]) -> ImageRef | None:
    kind = str(resource.get("type") or resource.get("@type") or "")
    if kind not in ("Image", "dctypes:Image", "") or not _id(resource):
        return None
    service, version = _image_service(resource.get("service"))
    if kind == "" and service is None:
        return None
    return ImageRef(
        url=_id(resource),
        service=service,
        service_version=version,
        width=_size(resource.get("width")) or _size(canvas.get("width")),
        height=_size(resource.get("height")) or _size(canvas.get("height")),
    )


def _image_service(value: Any) -> tuple[str | None, int]:
    for service in _dicts(value if isinstance(value, list) else [value]):
        ident = _id(service)
        kind = str(service.get("type") or service.get("@type") or "")
        context = str(service.get("@context") or "")
        profile = str(service.get("profile") or "")
        if not ident:
            continue
        ident = ident.removesuffix("/info.json")  # some publishers give the document's URL
        if kind == "ImageService3" or "image/3" in context:
            return ident.rstrip("/"), 3
        if kind in ("ImageService2", "ImageService1") or "image/2" in context + profile:
            return ident.rstrip("/"), 2
    return None, 3


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _id(data: dict[str, Any]) -> str:
    ident = data.get("id") or data.get("@id")
    return ident.strip() if isinstance(ident, str) else ""


def _first_id(value: Any) -> str:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict) and _id(item):
            return _id(item)
    return ""


def _size(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _year(value: Any) -> int | None:
    match = re.match(r"^(-?\d{1,4})-", value) if isinstance(value, str) else None
    return int(match.group(1)) if match else None
