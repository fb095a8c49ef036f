"""linked_art: a public record as its Linked Art JSON-LD document, inside OAI-PMH's XML.

OAI-PMH 2.0 (section 2.5) wants the content of ``<metadata>`` to be one XML element in
the format's namespace, valid against the schema ListMetadataFormats names. JSON is not
XML, so the document travels as the text of one ``<linked_art>`` element, typed by its
``format`` attribute; the schema that says so is served at ``/oai/linked_art.xsd``. The
document is the one /linked-art/object/<slug> answers: one builder, two doors.
"""

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

from django.urls import reverse

from exhibition.models import CollectionObject
from interop.linked_art.common import PROFILE_MEDIA_TYPE
from interop.linked_art.objects import object_document
from interop.oai.xmltext import XSI, xml_text

# The container's own namespace: this repository's, stable across hosts as a URN.
LINKED_ART_NAMESPACE = "urn:vitrine:oai:linked-art:1.0"
SCHEMA_URL_NAME = "oai:linked-art-schema"
ET.register_namespace("linked_art", LINKED_ART_NAMESPACE)

SCHEMA = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="{LINKED_ART_NAMESPACE}"
           elementFormDefault="qualified">
  <xs:annotation>
    <xs:documentation>
      A Linked Art 1.0 JSON-LD document (https://linked.art/api/1.0/) carried as the text of
      one element inside an OAI-PMH metadata container. The text is the whole JSON document;
      the format attribute names its media type and profile.
    </xs:documentation>
  </xs:annotation>
  <xs:element name="linked_art">
    <xs:complexType>
      <xs:simpleContent>
        <xs:extension base="xs:string">
          <xs:attribute name="format" type="xs:string" use="required"/>
        </xs:extension>
      </xs:simpleContent>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


def schema_url(page_url: Callable[[str], str]) -> str:
    return page_url(reverse(SCHEMA_URL_NAME))


def linked_art(obj: CollectionObject, *, page_url: Callable[[str], str]) -> ET.Element:
    document = object_document(page_url, obj)
    element = ET.Element(
        f"{{{LINKED_ART_NAMESPACE}}}linked_art",
        {
            "format": PROFILE_MEDIA_TYPE,
            f"{{{XSI}}}schemaLocation": f"{LINKED_ART_NAMESPACE} {schema_url(page_url)}",
        },
    )
    element.text = xml_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    return element
