"""Linked Art: every public object, agent and place (and the local terms they name) as the
site serves it, against the Linked Art 1.0 JSON Schemas with ``jsonschema``."""

import json
import re
from typing import Any

from exhibition.selectors import public_agents, public_objects, public_places
from interop.conformance.linked_art_schemas import SchemasMissing, schema_errors
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import FetchError, LoopbackSite
from interop.linked_art.agents import agent_path

STANDARD = "Linked Art 1.0 JSON-LD"
VALIDATOR = "jsonschema against the Linked Art 1.0 JSON Schemas (../shared/standards)"
# The schemas declare date-time, but jsonschema checks that format only with an extra package.
DATE_TIME = re.compile(r"^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
STAMP = re.compile(r"'(?:begin_of_the_begin|end_of_the_end)': '([^']+)'")


def local_terms(site: LoopbackSite, document: Any) -> set[str]:
    """The site's own concept addresses a document names (its local vocabulary)."""
    pattern = re.compile(rf'"({re.escape(site.base_url)}/linked-art/concept/[^"]+)"')
    return set(pattern.findall(json.dumps(document)))


def document_problems(document: Any) -> list[str]:
    if not isinstance(document, dict):
        return ["the document is not a JSON object"]
    problems = schema_errors(document)
    problems += [f"{stamp!r} is not an xsd:dateTime" for stamp in STAMP.findall(str(document))
                 if not DATE_TIME.match(stamp)]  # fmt: skip
    return problems


def check_linked_art(site: LoopbackSite, *, deadline: Deadline) -> CheckResult:
    result = CheckResult(STANDARD, VALIDATOR)
    paths = [f"/linked-art/object/{obj.slug}" for obj in public_objects().order_by("pk")]
    paths += [agent_path(agent) for agent in public_agents()]
    paths += [f"/linked-art/place/{place.slug}" for place in public_places()]
    seen_terms: set[str] = set()
    queue = list(paths)
    while queue:
        path = queue.pop(0)
        if deadline.passed:
            result.record(path, [deadline.reason()])
            continue
        try:
            document = site.get_json(path)
            problems = document_problems(document)
        except FetchError as error:
            problems = [str(error)]
            document = None
        except SchemasMissing as error:
            result.notes.append(str(error))
            result.record(path, [str(error)])
            return result
        result.record(path.removeprefix(site.base_url), problems)
        for term in local_terms(site, document) - seen_terms:
            seen_terms.add(term)
            queue.append(term)
    return result
