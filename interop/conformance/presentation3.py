"""The project's own IIIF Presentation 3.0 rules for a Manifest, beside the library's models.

iiif-prezi3's pydantic models check types and shapes; these add what they leave out: the
Presentation 3 context, language maps everywhere a label is, rights as a Creative Commons or
RightsStatements.org URI, painting annotations that target their own Canvas, ids unique.
A Canvas paints an Image (with an Image service) or a 3D Model (glTF binary).
"""

import re
from typing import Any

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
BODY_TYPES = {"Image", "Model"}


def _is_lang_map(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and isinstance(v, list) for k, v in value.items())
        and all(isinstance(s, str) for v in value.values() for s in v)
    )


def _is_uri(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


MANIFEST_KEYS = {
    "@context", "id", "type", "label", "metadata", "summary", "requiredStatement", "rendering",
    "service", "services", "viewingDirection", "placeholderCanvas", "accompanyingCanvas",
    "rights", "start", "navDate", "navPlace", "provider", "seeAlso", "thumbnail", "homepage",
    "behavior", "partOf", "items", "structures", "annotations",
}  # fmt: skip
RIGHTS = re.compile(
    r"http://(creativecommons\.org/(licenses|publicdomain)/|rightsstatements\.org/vocab/).+"
)


def _check_resource_list(problems: list[str], where: str, items: Any, type_: str = "") -> None:
    if not isinstance(items, list) or not items:
        problems.append(f"{where} must be a non-empty list")
        return
    for item in items:
        if not _is_uri(item.get("id")) or not item.get("type"):
            problems.append(f"{where} entries need an id URI and a type")
        if type_ and item.get("type") != type_:
            problems.append(f"{where} entries must be of type {type_}")


def _check_body(problems: list[str], where: str, body: dict[str, Any]) -> None:
    if not _is_uri(body.get("id")) or body.get("type") not in BODY_TYPES:
        problems.append(f"{where}: body needs an id URI and type Image or Model")
    if not re.fullmatch(r"[a-z]+/.+", str(body.get("format", ""))):
        problems.append(f"{where}: body needs a media type format")
    for service in body.get("service", []):
        if not _is_uri(service.get("id")) or service.get("type") != "ImageService3":
            problems.append(f"{where}: service needs an id and type ImageService3")
        if service.get("profile") not in {"level0", "level1", "level2"}:
            problems.append(f"{where}: service needs a profile")


def _check_canvas(problems: list[str], canvas: dict[str, Any]) -> None:
    where = f"Canvas {canvas.get('id')}"
    if not _is_uri(canvas.get("id")) or canvas.get("type") != "Canvas":
        problems.append(f"{where}: needs an id URI and type Canvas")
    for dim in ("width", "height"):
        if not isinstance(canvas.get(dim), int) or canvas[dim] <= 0:
            problems.append(f"{where}: {dim} must be a positive integer")
    if "label" in canvas and not _is_lang_map(canvas["label"]):
        problems.append(f"{where}: label must be a language map")
    for page in canvas.get("items", []):
        if set(page) - {"@context", "id", "type", "items", "label"}:
            problems.append(f"{where}: AnnotationPage has unexpected properties")
        if not _is_uri(page.get("id")) or page.get("type") != "AnnotationPage":
            problems.append(f"{where}: AnnotationPage needs an id URI and its type")
        for annotation in page.get("items", []):
            if not _is_uri(annotation.get("id")) or annotation.get("type") != "Annotation":
                problems.append(f"{where}: Annotation needs an id URI and its type")
            if annotation.get("motivation") != "painting":
                problems.append(f"{where}: Annotation must be painting")
            if annotation.get("target") != canvas.get("id"):
                problems.append(f"{where}: Annotation must target its Canvas")
            _check_body(problems, where, annotation.get("body", {}))
    if not canvas.get("items"):
        problems.append(f"{where}: needs items")


def _ids(node: Any, found: list[str]) -> None:
    # Mirrors the validator's rule: ids unique, except inside body, target and thumbnail.
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id":
                found.append(value)
            elif key not in {"body", "target", "thumbnail"}:
                _ids(value, found)
    elif isinstance(node, list):
        for item in node:
            _ids(item, found)


def presentation3_problems(manifest: Any) -> list[str]:
    """What keeps this from being a valid IIIF Presentation 3.0 Manifest (empty: none)."""
    if not isinstance(manifest, dict):
        return ["a Manifest must be a JSON object"]
    problems: list[str] = []
    try:
        _manifest_problems(problems, manifest)
    except (AttributeError, TypeError) as error:
        # A list where an object belongs, or the like: said, never raised.
        problems.append(f"a part of the Manifest has the wrong JSON type ({error})")
    return problems


def _manifest_problems(problems: list[str], manifest: dict[str, Any]) -> None:
    if manifest.get("@context") != PRESENTATION_CONTEXT:
        problems.append("@context must be the Presentation 3 context")
    if not _is_uri(manifest.get("id")) or manifest.get("type") != "Manifest":
        problems.append("Manifest needs an id URI and type Manifest")
    if not _is_lang_map(manifest.get("label")):
        problems.append("label must be a language map")
    if extra := set(manifest) - MANIFEST_KEYS:
        problems.append(f"unknown Manifest properties {sorted(extra)}")
    for key in ("summary",):
        if key in manifest and not _is_lang_map(manifest[key]):
            problems.append(f"{key} must be a language map")
    for pair in [
        *manifest.get("metadata", []),
        manifest.get("requiredStatement", {"label": {"en": [""]}, "value": {"en": [""]}}),
    ]:
        if not (_is_lang_map(pair.get("label")) and _is_lang_map(pair.get("value"))):
            problems.append("metadata and requiredStatement need label and value language maps")
    if "rights" in manifest and not RIGHTS.fullmatch(manifest["rights"]):
        problems.append("rights must be a Creative Commons or RightsStatements.org http URI")
    for key, type_ in (("homepage", "Text"), ("thumbnail", ""), ("provider", "Agent")):
        if key in manifest:
            _check_resource_list(problems, key, manifest[key], type_)
    items = manifest.get("items")
    if not isinstance(items, list) or not items:
        problems.append("a Manifest must have at least one Canvas in items")
    for canvas in items if isinstance(items, list) else []:
        _check_canvas(problems, canvas)
    ids: list[str] = []
    _ids(manifest, ids)
    if duplicates := sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"duplicate ids {duplicates}")
