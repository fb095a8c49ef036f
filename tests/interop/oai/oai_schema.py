"""The OAI-PMH 2.0 response schema (OAI-PMH.xsd) and oai_dc.xsd, as structural checks.

No schema is fetched in the tests; this follows the XSD's sequences, cardinalities,
enumerations and patterns for every element the repository sends.
"""

import re
import xml.etree.ElementTree as ET

OAI = "{http://www.openarchives.org/OAI/2.0/}"
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}"
DC = "{http://purl.org/dc/elements/1.1/}"
UTC_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
SET_SPEC = re.compile(r"([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*")
PREFIX = re.compile(r"[A-Za-z0-9\-_\.!~\*'\(\)]+")
ERROR_CODES = {
    "cannotDisseminateFormat", "idDoesNotExist", "badArgument", "badVerb",
    "noMetadataFormats", "noRecordsMatch", "badResumptionToken", "noSetHierarchy",
}  # fmt: skip
REQUEST_ATTRIBUTES = {"verb", "identifier", "metadataPrefix", "from", "until", "set",
                      "resumptionToken"}  # fmt: skip
DC_ELEMENTS = {"title", "creator", "subject", "description", "publisher", "contributor",
               "date", "type", "format", "identifier", "source", "language", "relation",
               "coverage", "rights"}  # fmt: skip


def tags(element: ET.Element) -> list[str]:
    return [child.tag.removeprefix(OAI) for child in element]


def assert_sequence(element: ET.Element, pattern: str) -> None:
    """The children's names, joined by spaces, match ``pattern`` (the XSD's sequence)."""
    names = " ".join(tags(element))
    assert re.fullmatch(pattern, names), f"{element.tag}: {names!r} is not {pattern!r}"


def assert_valid_response(root: ET.Element) -> None:
    assert root.tag == f"{OAI}OAI-PMH"
    assert_sequence(root, r"responseDate request (error( error)*|\w+)")
    assert UTC_DATETIME.fullmatch(root[0].text or "")
    assert set(root[1].attrib) <= REQUEST_ATTRIBUTES and (root[1].text or "").startswith("http")
    body = root[2]
    if body.tag == f"{OAI}error":
        assert all(e.attrib["code"] in ERROR_CODES for e in root[2:])
        return
    assert body.tag.removeprefix(OAI) == root[1].attrib["verb"]
    CHECKS[body.tag.removeprefix(OAI)](body)


def _identify(body: ET.Element) -> None:
    assert_sequence(
        body,
        r"repositoryName baseURL protocolVersion adminEmail( adminEmail)* earliestDatestamp"
        r" deletedRecord granularity( compression)*( description)*",
    )
    values = {child.tag.removeprefix(OAI): child.text for child in body}
    assert values["protocolVersion"] == "2.0"
    assert values["deletedRecord"] in {"no", "persistent", "transient"}
    assert values["granularity"] in {"YYYY-MM-DD", "YYYY-MM-DDThh:mm:ssZ"}
    assert UTC_DATETIME.fullmatch(values["earliestDatestamp"] or "")


def _formats(body: ET.Element) -> None:
    assert_sequence(body, r"metadataFormat( metadataFormat)*")
    for fmt in body:
        assert_sequence(fmt, r"metadataPrefix schema metadataNamespace")
        assert PREFIX.fullmatch(fmt[0].text or "")


def _sets(body: ET.Element) -> None:
    assert_sequence(body, r"set( set)*( resumptionToken)?")
    for entry in body.findall(f"{OAI}set"):
        assert_sequence(entry, r"setSpec setName( setDescription)*")
        assert SET_SPEC.fullmatch(entry[0].text or "")


def _header(header: ET.Element) -> None:
    assert header.tag == f"{OAI}header"
    assert set(header.attrib) <= {"status"} and header.attrib.get("status", "deleted") == "deleted"
    assert_sequence(header, r"identifier datestamp( setSpec)*")
    assert UTC_DATETIME.fullmatch(header[1].text or "")
    assert all(SET_SPEC.fullmatch(spec.text or "") for spec in header[2:])


def _record(record: ET.Element) -> None:
    assert_sequence(record, r"header( metadata)?( about)*")
    _header(record[0])
    if len(record) > 1:
        assert len(record[1]) == 1 and not record[1][0].tag.startswith(OAI)
        if record[1][0].tag == f"{OAI_DC}dc":
            assert all(child.tag.removeprefix(DC) in DC_ELEMENTS for child in record[1][0])


def _token(body: ET.Element) -> None:
    token = body.find(f"{OAI}resumptionToken")
    if token is not None:
        assert set(token.attrib) <= {"expirationDate", "completeListSize", "cursor"}


def _list_identifiers(body: ET.Element) -> None:
    assert_sequence(body, r"header( header)*( resumptionToken)?")
    for header in body.findall(f"{OAI}header"):
        _header(header)
    _token(body)


def _list_records(body: ET.Element) -> None:
    assert_sequence(body, r"record( record)*( resumptionToken)?")
    for record in body.findall(f"{OAI}record"):
        _record(record)
    _token(body)


def _get_record(body: ET.Element) -> None:
    assert_sequence(body, r"record")
    _record(body[0])


CHECKS = {
    "Identify": _identify,
    "ListMetadataFormats": _formats,
    "ListSets": _sets,
    "ListIdentifiers": _list_identifiers,
    "ListRecords": _list_records,
    "GetRecord": _get_record,
}
