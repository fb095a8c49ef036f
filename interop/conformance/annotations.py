"""W3C Web Annotations: each public object's AnnotationPage at /annotations/<slug>/.

No official validator of the Web Annotation Data Model runs offline, so these are the
project's own checks of the model's MUSTs that the tests hold the pages to: the page's
context, id and type; each Annotation's id, type, motivation, a TextualBody and a target
that names its Canvas with a selector of a known kind.
"""

from typing import Any

from exhibition.annotations.jsonld import ANNO_CONTEXT
from exhibition.selectors import public_objects
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite

STANDARD = "W3C Web Annotation (AnnotationPage)"
VALIDATOR = "the project's checks of the Data Model's MUSTs (no official validator offline)"
# The Web Annotation vocabulary's motivations.
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing",
               "editing", "highlighting", "identifying", "linking", "moderating",
               "questioning", "replying", "tagging"}  # fmt: skip
SELECTORS = {"FragmentSelector", "SvgSelector", "PointSelector"}


def annotation_problems(item: Any) -> list[str]:
    if not isinstance(item, dict):
        return ["an item is not a JSON object"]
    where = f"annotation {item.get('id')!r}"
    problems = []
    if not str(item.get("id", "")).startswith("http") or item.get("type") != "Annotation":
        problems.append(f"{where}: needs an id URI and type Annotation")
    if item.get("motivation") not in MOTIVATIONS:
        problems.append(f"{where}: motivation {item.get('motivation')!r} is not in the model")
    body = item.get("body")
    if not isinstance(body, dict) or body.get("type") != "TextualBody" or not body.get("value"):
        problems.append(f"{where}: body must be a TextualBody with a value")
    elif body.get("format") != "text/plain" or not body.get("language"):
        problems.append(f"{where}: body needs its format and language")
    target = item.get("target")
    if not isinstance(target, dict) or not str(target.get("source", "")).startswith("http"):
        problems.append(f"{where}: target needs a source URI")
    elif (target.get("selector") or {}).get("type") not in SELECTORS:
        problems.append(f"{where}: target needs a selector of a known kind")
    return problems


def page_problems(page: Any, slug: str) -> list[str]:
    if not isinstance(page, dict):
        return ["not a JSON object"]
    problems = []
    if page.get("@context") != ANNO_CONTEXT:
        problems.append("@context must be the Web Annotation context")
    if page.get("type") != "AnnotationPage" or not str(page.get("id", "")).endswith(
        f"/annotations/{slug}/"
    ):
        problems.append("needs type AnnotationPage and its own address as id")
    items = page.get("items")
    if not isinstance(items, list):
        return [*problems, "items must be a list"]
    for item in items:
        problems += annotation_problems(item)
    return problems


def check_annotations(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult(STANDARD, VALIDATOR)
    annotations = 0
    for slug in public_objects().order_by("pk").values_list("slug", flat=True):
        path = f"/annotations/{slug}/"
        if deadline.passed:
            result.record(path, [deadline.reason()])
            continue
        try:
            page = site.get_json(path)
            problems = page_problems(page, slug)
            annotations += len(page.get("items") or []) if isinstance(page, dict) else 0
        except FetchError as error:
            problems = [str(error)]
        result.record(path, problems)
    result.notes.append(f"{annotations} annotations on the pages checked")
    return result
