"""oai_dc: a public record as simple Dublin Core, the format every harvester reads.

Only what the public object page shows goes out: the record's ``attribution`` and
``source`` are curators' notes and stay in, the credit line is the public one.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable

from django.conf import settings

from exhibition.licences import get_licence
from exhibition.models import CollectionObject
from interop.oai.xmltext import XSI, sub

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
# The DCMI Type for a museum object; the museum's own word for it comes first.
DCMI_PHYSICAL_OBJECT = "PhysicalObject"


def dublin_core_fields(
    obj: CollectionObject, *, page_url: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(element, value) pairs in reading order, repeated where Dublin Core repeats them."""
    fields = [("title", obj.title)]
    for link in obj.creator_links.all():
        qualified = f"{link.qualifier} {link.agent.name}" if link.qualifier else link.agent.name
        fields.append(("creator", qualified))
    fields.append(("date", obj.date_display or _year_range(obj)))
    fields += [("type", obj.object_type), ("type", DCMI_PHYSICAL_OBJECT)]
    fields += [("format", obj.medium), ("format", obj.dimensions)]
    fields.append(("description", obj.description))
    fields += [("subject", tag.name) for tag in obj.tags.all()]
    fields += [("coverage", obj.place.name if obj.place else ""), ("coverage", obj.culture)]
    licence = get_licence(obj.licence)
    fields += [("rights", licence.url if licence else ""), ("rights", obj.public_credit_line)]
    fields.append(("identifier", page_url(obj.get_absolute_url())))
    fields.append(("identifier", obj.accession_number))
    fields.append(("language", settings.LANGUAGE_CODE))
    return [(name, value.strip()) for name, value in fields if value and value.strip()]


def _year_range(obj: CollectionObject) -> str:
    years = [str(y) for y in (obj.date_start, obj.date_end) if y is not None]
    return "–".join(dict.fromkeys(years))


def oai_dc(obj: CollectionObject, *, page_url: Callable[[str], str]) -> ET.Element:
    root = ET.Element(f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}"})
    for name, value in dublin_core_fields(obj, page_url=page_url):
        sub(root, f"{{{DC}}}{name}", value)
    return root
