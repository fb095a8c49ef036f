"""Every error condition of the protocol, answered as <error code> (and never a 500)."""

import pytest
from django.core import signing
from django.test import Client

from exhibition.models import Visibility
from tests.builders import make_object
from tests.interop.oai.harvest import error_code, oai
from tests.interop.oai.oai_schema import OAI

pytestmark = pytest.mark.django_db
NOON, DAY = "2021-01-01T12:00:00Z", "2021-01-01"


@pytest.mark.parametrize(
    "arguments",
    [{}, {"verb": "Harvest"}, {"verb": ["Identify", "ListSets"]}],
    ids=["missing", "illegal", "repeated"],
)
def test_a_bad_verb_is_badverb_with_the_base_url_alone(client: Client, arguments: dict) -> None:
    root = oai(client, **arguments)

    assert error_code(root) == "badVerb"
    assert root.find(f"{OAI}request").attrib == {}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "arguments",
    [
        {"verb": "Identify", "set": "type"},
        {"verb": "ListRecords"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-45"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-01", "until": "2020"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-01-02", "until": DAY},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01", "until": NOON},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "t" * 1001},
    ],
    ids=[
        "illegal-argument", "missing-prefix", "missing-identifier", "duplicate-argument",
        "impossible-date", "not-a-date", "until-not-a-date", "from-after-until",
        "mixed-granularity",
        "token-not-exclusive", "too-long",
    ],
)  # fmt: skip
def test_a_bad_argument_is_badargument(client: Client, arguments: dict) -> None:
    make_object()

    root = oai(client, **arguments)

    assert error_code(root) == "badArgument"
    assert root.find(f"{OAI}request").attrib == {}  # type: ignore[union-attr]


def test_an_unknown_format_cannot_be_disseminated(client: Client) -> None:
    make_object(slug="vase")

    for arguments in (
        {"verb": "ListRecords", "metadataPrefix": "marc21"},
        {"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": "oai:testserver:vase"},
    ):
        root = oai(client, **arguments)
        assert error_code(root) == "cannotDisseminateFormat"
        assert root.find(f"{OAI}request").attrib["metadataPrefix"] == "marc21"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "identifier",
    ["oai:testserver:no-such-object", "oai:elsewhere.org:vase", "vase", "oai:testserver:Vase!"],
)
def test_an_unknown_identifier_does_not_exist(client: Client, identifier: str) -> None:
    make_object(slug="vase")

    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)

    assert error_code(root) == "idDoesNotExist"
    assert error_code(oai(client, verb="ListMetadataFormats", identifier=identifier))


def test_a_never_public_object_does_not_exist_for_harvesters(client: Client) -> None:
    make_object(slug="sacred-bundle", visibility=Visibility.RESTRICTED)

    root = oai(
        client, verb="GetRecord", metadataPrefix="oai_dc", identifier="oai:testserver:sacred-bundle"
    )

    assert error_code(root) == "idDoesNotExist"
    assert b"sacred" not in client.get("/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc").content


def test_a_forged_garbled_or_foreign_token_is_badresumptiontoken(
    client: Client, settings: object
) -> None:
    settings.OAI_PAGE_SIZE = 1  # type: ignore[attr-defined]
    make_object(), make_object()
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.findtext(f".//{OAI}resumptionToken") or ""
    payload = signing.loads(token, salt="interop.oai.resumption-token")
    forged = signing.dumps({**payload, "after_pk": 0}, salt="another-salt", compress=True)

    for verb, bad in [
        ("ListIdentifiers", token[:-3] + "abc"),
        ("ListIdentifiers", forged),
        ("ListIdentifiers", "garbage"),
        ("ListRecords", token),  # issued for another verb
        ("ListSets", token),
    ]:
        assert error_code(oai(client, verb=verb, resumptionToken=bad)) == "badResumptionToken"
    assert error_code(oai(client, verb="ListIdentifiers", resumptionToken=token)) is None


def test_an_empty_selection_is_norecordsmatch(client: Client) -> None:
    make_object(object_type="painting")

    for spec in ("type:sculpture", "exhibition:none", "nonsense"):
        root = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set=spec)
        assert error_code(root) == "noRecordsMatch"
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="1999-01-01")
    assert error_code(root) == "noRecordsMatch"


def test_a_harvester_asking_too_often_is_told_when_to_come_back(
    client: Client, settings: object
) -> None:
    settings.OAI_RATE = "2/minute"  # type: ignore[attr-defined]

    statuses = [client.get("/oai/?verb=Identify").status_code for _ in range(3)]
    refused = client.get("/oai/?verb=Identify")

    assert statuses == [200, 200, 503]
    assert refused.status_code == 503 and 0 < int(refused["Retry-After"]) <= 60


def test_an_oversized_request_is_refused_before_it_is_read(client: Client) -> None:
    form = "application/x-www-form-urlencoded"

    too_long = client.post("/oai/", "verb=Identify&x=" + "a" * 5000, content_type=form)
    not_a_form = client.post("/oai/", {"verb": "Identify"})  # multipart
    put = client.put("/oai/", "verb=Identify", content_type=form)

    assert (too_long.status_code, not_a_form.status_code, put.status_code) == (400, 400, 405)
