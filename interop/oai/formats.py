"""The metadata formats the repository disseminates: one entry each.

A format is its prefix, schema and namespace, and a function from a public object to the
element that goes inside <metadata>. Adding a format is one entry in ``METADATA_FORMATS``;
every verb picks it up.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from exhibition.models import CollectionObject
from interop.oai import linked_art_format, records

# Turns a site path ("/objects/x/") into the absolute URL the harvester can follow.
PageUrl = Callable[[str], str]


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    # A schema's URL, or the name of this site's URL that serves it (resolved per request).
    schema: str
    namespace: str
    render: Callable[..., ET.Element]  # (obj: CollectionObject, *, page_url: PageUrl)

    def schema_url(self, *, page_url: PageUrl) -> str:
        if "://" in self.schema:
            return self.schema
        return page_url(reverse(self.schema))

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
        MetadataFormat(
            prefix="linked_art",
            schema=linked_art_format.SCHEMA_URL_NAME,
            namespace=linked_art_format.LINKED_ART_NAMESPACE,
            render=linked_art_format.linked_art,
        ),
    )
}
