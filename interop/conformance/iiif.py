"""IIIF Presentation 3 (every manifest, the Collections) and Change Discovery 1.0.

Manifests and Collections are parsed by ``iiif-prezi3``'s pydantic models, which enforce
the specification's structure, and then held to the project's own rules (presentation3.py).
The library is imported when the check runs; without it the rows say so and only the
project's rules are applied.
"""

import re
from collections.abc import Callable
from typing import Any

from exhibition.iiif.collections import manifest_objects
from interop.conformance.presentation3 import PRESENTATION_CONTEXT, presentation3_problems
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite

PREZI3 = "iiif-prezi3 3.1.1 pydantic models"
OWN = "the project's Presentation 3 rules"
MISSING = "iiif-prezi3 is not installed (pip install --no-deps iiif-prezi3==3.1.1)"
DISCOVERY_CONTEXT = "http://iiif.io/api/discovery/1/context.json"
ACTIVITY_TYPES = {"Create", "Update", "Delete", "Add", "Remove", "Move", "Refresh"}
END_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")
# The collection pages and exhibitions a walk visits at most.
MAX_COLLECTIONS = 10_000


def prezi3_model(type_: str) -> Callable[[dict[str, Any]], object] | None:
    """iiif-prezi3's validating constructor for a Manifest or Collection; None if missing."""
    try:
        import iiif_prezi3
    except ImportError:
        return None
    model: Any = getattr(iiif_prezi3, type_)
    return model.model_validate


def library_problems(validate: Callable[[dict[str, Any]], object] | None, doc: Any) -> list[str]:
    if validate is None:
        return []
    try:
        validate(doc)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        errors: list[dict[str, Any]] = getattr(error, "errors", lambda: [])()
        return [
            f"iiif-prezi3: {'/'.join(map(str, e.get('loc', ())))}: {e.get('msg')}"
            for e in errors[:5]
        ] or [f"iiif-prezi3: {error}"]
    return []


def _validator(result: CheckResult, validate: object, own: str) -> None:
    result.validator = f"{PREZI3} + {own}" if validate is not None else own
    if validate is None:
        result.notes.append(MISSING + ": checked with the project's rules only")


def check_manifests(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult("IIIF Presentation 3 Manifests", "")
    validate = prezi3_model("Manifest")
    _validator(result, validate, OWN)
    for obj in manifest_objects():
        path = f"/iiif/{obj.slug}/manifest.json"
        if deadline.passed:
            result.record(path, [deadline.reason()])
            continue
        try:
            manifest = site.get_json(path)
            problems = library_problems(validate, manifest) + presentation3_problems(manifest)
        except FetchError as error:
            problems = [str(error)]
        result.record(path, problems)
    return result


def collection_problems(doc: Any) -> list[str]:
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    problems = []
    if doc.get("@context") != PRESENTATION_CONTEXT:
        problems.append("@context must be the Presentation 3 context")
    if doc.get("type") != "Collection" or not str(doc.get("id", "")).startswith("http"):
        problems.append("needs an id URI and type Collection")
    label = doc.get("label")
    if not (isinstance(label, dict) and label and all(isinstance(v, list) for v in label.values())):
        problems.append("label must be a language map")
    items = doc.get("items")
    if not isinstance(items, list):
        return [*problems, "items must be a list"]
    for item in items:
        if not isinstance(item, dict) or item.get("type") not in {"Manifest", "Collection"}:
            problems.append("items must be Manifests or Collections")
        elif not str(item.get("id", "")).startswith("http") or "label" not in item:
            problems.append(f"item {item.get('id')!r} needs an id URI and a label")
    return problems


def check_collections(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    """The whole collection's pages and every exhibition, walked from /iiif/collection/;
    the pages together must list every manifest once."""
    result = CheckResult("IIIF Presentation 3 Collections", "")
    validate = prezi3_model("Collection")
    _validator(result, validate, "the project's Collection rules")
    queue, seen = [site.url("/iiif/collection/")], set[str]()
    listed: list[str] = []
    while queue and len(seen) < MAX_COLLECTIONS:
        url = queue.pop(0)
        seen.add(url)
        if deadline.passed:
            result.record(url, [deadline.reason()])
            continue
        try:
            doc = site.get_json(site.local(url))
            problems = library_problems(validate, doc) + collection_problems(doc)
        except FetchError as error:
            doc, problems = {}, [str(error)]
        result.record(url.removeprefix(site.base_url), problems)
        for item in doc.get("items", []) if isinstance(doc.get("items"), list) else []:
            if not isinstance(item, dict):
                continue
            if item.get("type") == "Collection" and item.get("id") not in seen:
                queue.append(str(item.get("id")))
            elif item.get("type") == "Manifest" and "/page/" in url:
                listed.append(str(item.get("id")))
    expected = [site.url(f"/iiif/{obj.slug}/manifest.json") for obj in manifest_objects()]
    missing = sorted(set(expected) - set(listed))
    repeated = sorted({i for i in listed if listed.count(i) > 1})
    result.record(
        "the collection's pages, together",
        ([f"{len(missing)} manifests not listed, e.g. {missing[:3]}"] if missing else [])
        + ([f"listed more than once: {repeated[:3]}"] if repeated else []),
    )
    return result


def _ref_problems(ref: Any, type_: str, name: str) -> list[str]:
    if not isinstance(ref, dict) or ref.get("type") != type_:
        return [f"{name} must be a reference of type {type_}"]
    if not str(ref.get("id", "")).startswith("http"):
        return [f"{name} needs an id URI"]
    return []


def page_problems(page: Any, top_id: str) -> list[str]:
    if not isinstance(page, dict):
        return ["not a JSON object"]
    problems = []
    if page.get("@context") != DISCOVERY_CONTEXT or page.get("type") != "OrderedCollectionPage":
        problems.append("needs the Discovery context and type OrderedCollectionPage")
    partof = page.get("partOf")
    problems += _ref_problems(partof, "OrderedCollection", "partOf")
    if isinstance(partof, dict) and partof.get("id") != top_id:
        problems.append("partOf must name the OrderedCollection")
    for key in ("prev", "next"):
        if key in page:
            problems += _ref_problems(page[key], "OrderedCollectionPage", key)
    items = page.get("orderedItems")
    if not isinstance(items, list):
        return [*problems, "orderedItems must be a list"]
    for item in items:
        if not isinstance(item, dict) or item.get("type") not in ACTIVITY_TYPES:
            problems.append("each activity needs a Discovery activity type")
            continue
        problems += _ref_problems(item.get("object"), "Manifest", "an activity's object")
        if not END_TIME.fullmatch(str(item.get("endTime", ""))):
            problems.append(f"endTime {item.get('endTime')!r} is not an xsd:dateTime in UTC")
    return problems


def check_discovery(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult(
        "IIIF Change Discovery 1.0", "the project's checks of the OrderedCollection and pages"
    )
    try:
        top = site.get_json("/iiif/discovery/")
    except FetchError as error:
        result.record("/iiif/discovery/", [str(error)])
        return result
    problems = []
    if top.get("@context") != DISCOVERY_CONTEXT or top.get("type") != "OrderedCollection":
        problems.append("needs the Discovery context and type OrderedCollection")
    total = top.get("totalItems")
    if not isinstance(total, int) or total < 0:
        problems.append("totalItems must be a whole number")
    if total:
        problems += _ref_problems(top.get("first"), "OrderedCollectionPage", "first")
        problems += _ref_problems(top.get("last"), "OrderedCollectionPage", "last")
    result.record("/iiif/discovery/", problems)
    url, counted, seen = (top.get("first") or {}).get("id"), 0, set[str]()
    while url and url not in seen and len(seen) < MAX_COLLECTIONS:
        seen.add(url)
        if deadline.passed:
            result.record(url, [deadline.reason()])
            break
        try:
            page = site.get_json(site.local(url))
            problems = page_problems(page, top.get("id", ""))
        except FetchError as error:
            page, problems = {}, [str(error)]
        counted += len(page.get("orderedItems", []) or [])
        result.record(url.removeprefix(site.base_url), problems)
        url = (page.get("next") or {}).get("id")
    if isinstance(total, int) and counted != total and not deadline.passed:
        result.record("the pages, together", [f"{counted} activities, totalItems says {total}"])
    return result
