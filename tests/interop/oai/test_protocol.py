"""The six verbs, answered as a harvester reads them (every response checked against the
schema's structure on the way, see oai_schema)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from exhibition.models import CollectionObject, Place, Tag, Visibility
from tests.builders import make_agent, make_exhibition, make_object
from tests.interop.oai.harvest import error_code, identifiers, oai
from tests.interop.oai.oai_schema import DC, OAI, OAI_DC

pytestmark = pytest.mark.django_db


def _restamp(obj: CollectionObject, moment: datetime) -> None:
    CollectionObject.objects.filter(pk=obj.pk).update(updated_at=moment)


def test_identify_names_the_repository_and_its_policies(client: Client, settings: object) -> None:
    settings.OAI_ADMIN_EMAIL = "registrar@museum.example"  # type: ignore[attr-defined]
    obj = make_object()
    _restamp(obj, datetime(2021, 3, 4, 5, 6, 7, 890, tzinfo=UTC))

    identify = oai(client, verb="Identify").find(f"{OAI}Identify")

    assert identify is not None
    values = {child.tag.removeprefix(OAI): child.text for child in identify}
    assert values["repositoryName"] == "Vitrine"
    assert values["baseURL"] == "http://testserver/oai/"
    assert values["adminEmail"] == "registrar@museum.example"
    assert values["earliestDatestamp"] == "2021-03-04T05:06:07Z"
    assert values["deletedRecord"] == "persistent"
    assert values["granularity"] == "YYYY-MM-DDThh:mm:ssZ"


def test_oai_dc_and_linked_art_are_the_formats_offered(client: Client) -> None:
    root = oai(client, verb="ListMetadataFormats")

    prefixes = [e.text for e in root.iter(f"{OAI}metadataPrefix")]
    assert prefixes == ["oai_dc", "linked_art"]
    namespaces = [e.text for e in root.iter(f"{OAI}metadataNamespace")]
    assert namespaces == [OAI_DC.strip("{}"), "urn:vitrine:oai:linked-art:1.0"]


def test_sets_are_the_public_object_types_and_exhibitions(client: Client) -> None:
    painting = make_object(object_type="painting")
    make_object(object_type="scientific instrument")
    make_object(object_type="sacred bundle", visibility=Visibility.RESTRICTED)
    make_exhibition(painting, slug="dutch-light", title="Dutch Light")
    make_exhibition(painting, slug="unfinished", visibility=Visibility.DRAFT)

    root = oai(client, verb="ListSets")

    sets = {
        s.findtext(f"{OAI}setSpec"): s.findtext(f"{OAI}setName") for s in root.iter(f"{OAI}set")
    }
    assert sets == {
        "type": "Object types",
        "exhibition": "Exhibitions",
        "type:painting": "Painting",
        "type:scientific-instrument": "Scientific instrument",
        "exhibition:dutch-light": "Dutch Light",
    }


def test_a_record_in_dublin_core_says_what_the_object_page_says(client: Client) -> None:
    obj = make_object(
        slug="the-milkmaid",
        title="The Milkmaid",
        creator=make_agent("Johannes Vermeer"),
        date_display="c. 1660",
        medium="oil on canvas",
        dimensions="45.5 × 41 cm",
        culture="Dutch Republic",
        place=Place.objects.create(slug="delft", name="Delft"),
        licence="CC-BY-4.0",
        credit_line="Rijksmuseum",
        attribution="as collected by the source repository",
    )
    obj.tags.add(Tag.objects.create(name="kitchen"))

    root = oai(
        client, verb="GetRecord", identifier="oai:testserver:the-milkmaid", metadataPrefix="oai_dc"
    )

    dc = root.find(f".//{OAI_DC}dc")
    assert dc is not None
    fields = [(child.tag.removeprefix(DC), child.text) for child in dc]
    assert ("title", "The Milkmaid") in fields and ("creator", "Johannes Vermeer") in fields
    assert ("date", "c. 1660") in fields and ("subject", "kitchen") in fields
    assert ("format", "oil on canvas") in fields and ("format", "45.5 × 41 cm") in fields
    assert ("coverage", "Delft") in fields and ("coverage", "Dutch Republic") in fields
    assert ("rights", "https://creativecommons.org/licenses/by/4.0/") in fields
    assert ("rights", obj.public_credit_line) in fields and "Rijksmuseum" in obj.public_credit_line
    assert ("identifier", "http://testserver/objects/the-milkmaid/") in fields
    assert ("language", "en") in fields
    assert not any("source repository" in (text or "") for _, text in fields)
    assert root.findtext(f".//{OAI}setSpec") == "type:painting"


def test_post_is_answered_as_get_is(client: Client) -> None:
    make_object(slug="a-chair", object_type="furniture")

    by_get = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:furniture")
    by_post = oai(
        client, "post", verb="ListIdentifiers", metadataPrefix="oai_dc", set="type:furniture"
    )

    assert identifiers(by_get) == identifiers(by_post) == ["oai:testserver:a-chair"]


def test_from_and_until_select_by_datestamp_to_the_second(client: Client) -> None:
    old, new = make_object(slug="old"), make_object(slug="new")
    _restamp(old, datetime(2020, 1, 1, 12, 0, 0, 500_000, tzinfo=UTC))
    _restamp(new, datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC))
    listed = lambda **dates: identifiers(  # noqa: E731
        oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **dates)
    )

    assert listed(until="2020-01-01T12:00:00Z") == ["oai:testserver:old"]
    assert listed(**{"from": "2020-01-01T12:00:01Z"}) == ["oai:testserver:new"]
    assert listed(**{"from": "2024-06-01", "until": "2024-06-01"}) == ["oai:testserver:new"]
    later = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%d")
    assert error_code(oai(client, verb="ListRecords", metadataPrefix="oai_dc", **{"from": later}))


def test_a_set_selects_its_records_and_its_subsets(client: Client) -> None:
    shown = make_object(slug="shown", object_type="print")
    make_object(slug="not-shown", object_type="print")
    make_exhibition(shown, slug="prints")
    listed = lambda spec: identifiers(  # noqa: E731
        oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
    )

    assert listed("exhibition:prints") == ["oai:testserver:shown"]
    assert listed("exhibition") == ["oai:testserver:shown"]
    assert len(listed("type:print")) == len(listed("type")) == 2


def test_a_long_list_comes_in_pages_with_a_cursor(client: Client, settings: object) -> None:
    settings.OAI_PAGE_SIZE = 2  # type: ignore[attr-defined]
    # Titles against the order of creation: pages follow the key, not the catalogue order.
    slugs = {make_object(title=f"{title} painting").slug for title in "EDCBA"}
    seen: list[str] = []
    cursors: list[tuple[str, str]] = []
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    while True:
        seen += [i.rsplit(":", 1)[1] for i in identifiers(root)]
        token = root.find(f".//{OAI}resumptionToken")
        assert token is not None
        cursors.append((token.attrib["cursor"], token.attrib["completeListSize"]))
        if not token.text:
            break
        root = oai(client, verb="ListIdentifiers", resumptionToken=token.text)

    assert sorted(seen) == sorted(slugs)
    assert cursors == [("0", "5"), ("2", "5"), ("4", "5")]
