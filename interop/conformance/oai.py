"""OAI-PMH 2.0: the whole collection harvested by a real harvester (``sickle``), in oai_dc
and in linked_art, over a socket; every public object must come out once and well formed."""

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from typing import Any

import requests
from sickle import Sickle
from sickle.oaiexceptions import OAIError

from exhibition.selectors import public_objects
from interop.conformance.linked_art import document_problems
from interop.conformance.results import CheckResult, Deadline
from interop.conformance.site import LoopbackSite
from interop.oai.linked_art_format import LINKED_ART_NAMESPACE

OAI = "{http://www.openarchives.org/OAI/2.0/}"
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
DC = "{http://purl.org/dc/elements/1.1/}"
# The fifteen elements oai_dc.xsd allows, and none else.
DC_ELEMENTS = {"title", "creator", "subject", "description", "publisher", "contributor",
               "date", "type", "format", "identifier", "source", "language", "relation",
               "coverage", "rights"}  # fmt: skip
DATESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?")
VALIDATOR = "sickle 0.7.0 harvest over a loopback socket + "


def header_problems(record: ET.Element) -> list[str]:
    header = record.find(f"{OAI}header")
    if header is None:
        return ["no <header>"]
    problems = []
    if not (header.findtext(f"{OAI}identifier") or "").startswith("oai:"):
        problems.append("<identifier> is not an oai: identifier")
    if not DATESTAMP.fullmatch(header.findtext(f"{OAI}datestamp") or ""):
        problems.append("<datestamp> is not a UTC date")
    return problems


def oai_dc_problems(record: ET.Element) -> list[str]:
    problems = header_problems(record)
    metadata = record.find(f"{OAI}metadata")
    dc = None if metadata is None else metadata.find(OAI_DC)
    if dc is None:
        return [*problems, "no <metadata><oai_dc:dc>"]
    names = [child.tag.removeprefix(DC) for child in dc]
    if unknown := sorted({n for n in names if n not in DC_ELEMENTS}):
        problems.append(f"elements outside Dublin Core: {unknown}")
    for required in ("title", "identifier"):
        if not any((child.text or "").strip() for child in dc.findall(f"{DC}{required}")):
            problems.append(f"no dc:{required}")
    return problems


def linked_art_problems(record: ET.Element) -> list[str]:
    problems = header_problems(record)
    element = record.find(f"{OAI}metadata/{{{LINKED_ART_NAMESPACE}}}linked_art")
    if element is None:
        return [*problems, "no <metadata><linked_art>"]
    if not element.get("format", "").startswith("application/ld+json"):
        problems.append("the linked_art element does not name its JSON-LD format")
    try:
        document: Any = json.loads(element.text or "")
    except ValueError as error:
        return [*problems, f"the Linked Art text is not JSON: {error}"]
    return problems + document_problems(document)


FORMATS: dict[str, tuple[str, Callable[[ET.Element], list[str]]]] = {
    "oai_dc": ("well-formed XML, header, only the 15 DC elements, dc:title and dc:identifier",
               oai_dc_problems),
    "linked_art": ("the Linked Art 1.0 JSON Schemas", linked_art_problems),
}  # fmt: skip


def check_oai(site: LoopbackSite, prefix: str, *, deadline: Deadline) -> CheckResult:
    described, problems_of = FORMATS[prefix]
    result = CheckResult(f"OAI-PMH 2.0 ListRecords ({prefix})", VALIDATOR + described)
    expected = set(public_objects().values_list("slug", flat=True))
    found: Counter[str] = Counter()
    problems: dict[str, list[str]] = {}
    harvester = Sickle(site.url("/oai/"), timeout=site.timeout)
    try:
        for record in harvester.ListRecords(metadataPrefix=prefix):
            if deadline.passed:
                result.notes.append(deadline.reason() + " during the harvest")
                break
            if record.header.deleted:
                continue
            slug = record.header.identifier.rsplit(":", 1)[-1]
            found[slug] += 1
            try:
                problems[slug] = problems_of(ET.fromstring(record.raw))  # noqa: S314 (our own)
            except ET.ParseError as error:
                problems[slug] = [f"not well-formed XML: {error}"]
    except (OAIError, requests.RequestException, ET.ParseError) as error:
        result.notes.append(f"the harvest stopped: {type(error).__name__}: {error}")
    for slug in sorted(expected):
        if found[slug] == 0:
            result.record(slug, ["not harvested"])
        else:
            repeated = [f"harvested {found[slug]} times"] if found[slug] > 1 else []
            result.record(slug, repeated + problems[slug])
    for slug in sorted(set(found) - expected):
        result.record(slug, ["harvested, but not a public object"])
    return result
