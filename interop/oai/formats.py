"""The metadata formats the repository disseminates: one entry each.

A format is its prefix, schema and namespace, and a function from a public object to the
element that goes inside <metadata>. Adding a format (Linked Art, say) is one entry in
``METADATA_FORMATS``; every verb picks it up.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from exhibition.models import CollectionObject
from interop.oai import records

# Turns a site path ("/objects/x/") into the absolute URL the harvester can follow.
PageUrl = Callable[[str], str]


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    render: Callable[..., ET.Element]  # (obj: CollectionObject, *, page_url: PageUrl)

    def metadata(self, obj: CollectionObject, *, page_url: PageUrl) -> ET.Element:
        return self.render(obj, page_url=page_url)


METADATA_FORMATS: dict[str, MetadataFormat] = {
    fmt.prefix: fmt
    for fmt in (
        MetadataFormat(
            prefix="oai_dc",
            schema=records.OAI_DC_SCHEMA,
            namespace=records.OAI_DC,
            render=records.oai_dc,
        ),
    )
}
