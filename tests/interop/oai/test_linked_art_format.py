"""OAI-PMH's second format: a harvester (sickle) gets every public record in oai_dc and in
linked_art, and each Linked Art record is valid against the Linked Art 1.0 schemas."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from sickle import Sickle

from exhibition.models import CollectionObject, Visibility
from tests.builders import add_model, make_object
from tests.interop.linked_art.schemas import schema_errors
from tests.interop.oai.harvest import oai
from tests.interop.oai.oai_schema import OAI

LINKED_ART = "{urn:vitrine:oai:linked-art:1.0}linked_art"


@pytest.fixture
def collection(transactional_db: None, settings: object) -> list[CollectionObject]:
    settings.OAI_PAGE_SIZE = 3  # type: ignore[attr-defined]
    public = [make_object(title=f"Object {n}") for n in range(7)]
    add_model(public[0])
    make_object(slug="restricted-one", visibility=Visibility.RESTRICTED)
    return public


def _harvest(url: str, prefix: str) -> list[object]:
    return list(Sickle(url + "/oai/").ListRecords(metadataPrefix=prefix))


def test_both_formats_harvest_every_public_record(
    live_server: object, collection: list[CollectionObject]
) -> None:
    url = live_server.url  # type: ignore[attr-defined]
    slugs = sorted(obj.slug for obj in collection)
    for prefix in ("oai_dc", "linked_art"):
        records = _harvest(url, prefix)
        assert sorted(r.header.identifier.rsplit(":", 1)[1] for r in records) == slugs  # type: ignore[attr-defined]
    for record in _harvest(url, "linked_art"):
        element = ET.fromstring(record.raw).find(f"{OAI}metadata/{LINKED_ART}")  # type: ignore[attr-defined]
        assert element is not None and element.get("format", "").startswith("application/ld+json")
        document = json.loads(element.text or "")
        assert document["type"] == "HumanMadeObject"
        assert schema_errors(document) == []


@pytest.mark.django_db
def test_the_format_and_its_schema_are_declared(client: Client) -> None:
    root = oai(client, verb="ListMetadataFormats")
    formats = {
        f.findtext(f"{OAI}metadataPrefix"): f.findtext(f"{OAI}schema")
        for f in root.iter(f"{OAI}metadataFormat")
    }
    assert formats["linked_art"] == "http://testserver/oai/linked_art.xsd"
    schema = ET.fromstring(client.get("/oai/linked_art.xsd").content)
    assert schema.get("targetNamespace") == "urn:vitrine:oai:linked-art:1.0"


@pytest.mark.django_db
def test_a_restricted_record_is_never_disseminated_as_linked_art(client: Client) -> None:
    make_object(slug="kept-back", title="Kept back", visibility=Visibility.RESTRICTED)
    root = oai(client, verb="GetRecord", metadataPrefix="linked_art",
               identifier="oai:testserver:kept-back")  # fmt: skip
    assert root.find(f"{OAI}error") is not None
    assert b"Kept back" not in ET.tostring(root)
