"""The OAI-PMH response around every answer: responseDate, request, then the verb's
element or the errors (OAI-PMH 2.0, section 3.2)."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from interop.oai.arguments import OaiRequest
from interop.oai.errors import OaiError
from interop.oai.records import OAI_DC
from interop.oai.xmltext import XSI, sub

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
# ElementTree's prefixes are process-wide; its ``default_namespace`` option refuses plain
# attributes (verb="…"), so the OAI namespace is registered as the default instead.
ET.register_namespace("", OAI)
ET.register_namespace("oai_dc", OAI_DC)


def q(tag: str) -> str:
    """A tag in the OAI-PMH namespace."""
    return f"{{{OAI}}}{tag}"


def utc_datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def response(
    *, now: datetime, base_url: str, request: OaiRequest | None, body: ET.Element
) -> bytes:
    """The whole document. ``request`` is None after badVerb or badArgument, when the
    protocol asks for the base URL alone, without the arguments that were refused."""
    root = ET.Element(q("OAI-PMH"), {f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_SCHEMA}"})
    sub(root, q("responseDate"), utc_datestamp(now))
    attributes = {} if request is None else {"verb": request.verb, **request.arguments}
    sub(root, q("request"), base_url, **attributes)
    root.append(body)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def error_body(error: OaiError) -> ET.Element:
    element = ET.Element(q("error"), {"code": error.code})
    element.text = error.message
    return element
