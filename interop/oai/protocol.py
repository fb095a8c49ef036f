"""The six verbs: each turns a checked request into the element that answers it.

Reads go through ``interop.oai.selectors``; the XML around the answer is
``interop.oai.envelope``'s. Any protocol error is raised as ``OaiError`` and answered as
such, with HTTP 200 as the protocol asks.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import QueryDict
from django.utils.text import slugify

from interop.oai import selectors
from interop.oai.arguments import OaiRequest, parse_date_range, parse_request
from interop.oai.envelope import error_body, q, response, utc_datestamp
from interop.oai.errors import OaiError
from interop.oai.formats import METADATA_FORMATS, MetadataFormat, PageUrl
from interop.oai.tokens import ListPosition, issue_token, read_token, token_expiry
from interop.oai.xmltext import sub

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
# The audit log that deleted records are read from is append-only and kept for good.
DELETED_RECORD_POLICY = "persistent"


@dataclass(frozen=True)
class Repository:
    """What a response needs to know about where it is served from."""

    base_url: str
    # The middle part of every identifier: oai:<identifier_host>:<slug>.
    identifier_host: str
    page_url: PageUrl
    now: datetime

    def identifier(self, slug: str) -> str:
        return f"oai:{self.identifier_host}:{slug}"

    def slug_of(self, identifier: str) -> str | None:
        prefix = f"oai:{self.identifier_host}:"
        slug = identifier.removeprefix(prefix)
        valid = identifier.startswith(prefix) and slug and slugify(slug) == slug
        return slug if valid else None


def respond(query: QueryDict, *, repository: Repository) -> bytes:
    """The complete OAI-PMH response document to one request."""
    try:
        request = parse_request(query)
    except OaiError as error:
        return _document(repository, None, error_body(error))
    try:
        body = VERBS[request.verb](request, repository)
    except OaiError as error:
        if error.code == "badArgument":
            return _document(repository, None, error_body(error))
        body = error_body(error)
    return _document(repository, request, body)


def _document(repository: Repository, request: OaiRequest | None, body: ET.Element) -> bytes:
    return response(now=repository.now, base_url=repository.base_url, request=request, body=body)


def identify(request: OaiRequest, repository: Repository) -> ET.Element:
    element = ET.Element(q("Identify"))
    sub(element, q("repositoryName"), settings.OAI_REPOSITORY_NAME)
    sub(element, q("baseURL"), repository.base_url)
    sub(element, q("protocolVersion"), "2.0")
    sub(element, q("adminEmail"), settings.OAI_ADMIN_EMAIL)
    sub(element, q("earliestDatestamp"), utc_datestamp(selectors.earliest_datestamp()))
    sub(element, q("deletedRecord"), DELETED_RECORD_POLICY)
    sub(element, q("granularity"), GRANULARITY)
    return element


def list_metadata_formats(request: OaiRequest, repository: Repository) -> ET.Element:
    identifier = request.get("identifier")
    if identifier is not None:
        _find(identifier, repository)
    element = ET.Element(q("ListMetadataFormats"))
    for fmt in METADATA_FORMATS.values():
        entry = sub(element, q("metadataFormat"))
        sub(entry, q("metadataPrefix"), fmt.prefix)
        sub(entry, q("schema"), fmt.schema_url(page_url=repository.page_url))
        sub(entry, q("metadataNamespace"), fmt.namespace)
    return element


def list_sets(request: OaiRequest, repository: Repository) -> ET.Element:
    if request.get("resumptionToken") is not None:
        # Every set is sent in the first response: no token for sets was ever issued.
        raise OaiError("badResumptionToken", "ListSets is never split; no token applies.")
    element = ET.Element(q("ListSets"))
    for spec, name in selectors.all_sets():
        entry = sub(element, q("set"))
        sub(entry, q("setSpec"), spec)
        sub(entry, q("setName"), name)
    return element


def get_record(request: OaiRequest, repository: Repository) -> ET.Element:
    fmt = _format(request.get("metadataPrefix"))
    record = _find(request.get("identifier") or "", repository)
    element = ET.Element(q("GetRecord"))
    element.append(_record(record, fmt, repository))
    return element


def list_identifiers(request: OaiRequest, repository: Repository) -> ET.Element:
    return _list(request, repository, with_metadata=False)


def list_records(request: OaiRequest, repository: Repository) -> ET.Element:
    return _list(request, repository, with_metadata=True)


def _list(request: OaiRequest, repository: Repository, *, with_metadata: bool) -> ET.Element:
    position = _position(request)
    fmt = _format(position.metadata_prefix)
    dates = parse_date_range(position.from_text, position.until_text)
    sets = selectors.resolve_set(position.set_spec)
    page_size: int = settings.OAI_PAGE_SIZE
    # One record more than a page, to know whether a token is needed at all.
    records, total = (
        selectors.record_page(
            dates=dates, sets=sets, after_pk=position.after_pk, limit=page_size + 1
        )
        if sets is not None
        else ([], 0)
    )
    if not records:
        raise OaiError("noRecordsMatch", "No records match the request.")
    page, more = records[:page_size], len(records) > page_size
    element = ET.Element(q(request.verb))
    for record in page:
        element.append(
            _record(record, fmt, repository) if with_metadata else _header(record, repository)
        )
    if more or request.get("resumptionToken") is not None:
        _append_token(element, position, page, total, more, repository)
    return element


def _position(request: OaiRequest) -> ListPosition:
    token = request.get("resumptionToken")
    if token is not None:
        return read_token(token, verb=request.verb)
    return ListPosition(
        verb=request.verb,
        metadata_prefix=request.get("metadataPrefix") or "",
        set_spec=request.get("set"),
        from_text=request.get("from"),
        until_text=request.get("until"),
        after_pk=0,
        sent=0,
    )


def _append_token(
    element: ET.Element,
    position: ListPosition,
    page: list[selectors.Record],
    total: int,
    more: bool,
    repository: Repository,
) -> None:
    attributes = {"completeListSize": str(total), "cursor": str(position.sent)}
    if not more:
        # The last part of a list ends with an empty token, as the protocol asks.
        sub(element, q("resumptionToken"), None, **attributes)
        return
    following = ListPosition(
        **{**position.__dict__, "after_pk": page[-1].pk, "sent": position.sent + len(page)}
    )
    attributes["expirationDate"] = utc_datestamp(token_expiry(repository.now))
    sub(element, q("resumptionToken"), issue_token(following), **attributes)


def _format(prefix: str | None) -> MetadataFormat:
    fmt = METADATA_FORMATS.get(prefix or "")
    if fmt is None:
        raise OaiError("cannotDisseminateFormat", f"No metadata format {prefix!r} here.")
    return fmt


def _find(identifier: str, repository: Repository) -> selectors.Record:
    slug = repository.slug_of(identifier)
    record = selectors.find_record(slug) if slug else None
    if record is None:
        raise OaiError("idDoesNotExist", f"No item {identifier!r} in this repository.")
    return record


def _header(record: selectors.Record, repository: Repository) -> ET.Element:
    header = ET.Element(q("header"), {"status": "deleted"} if record.deleted else {})
    sub(header, q("identifier"), repository.identifier(record.slug))
    sub(header, q("datestamp"), utc_datestamp(record.datestamp))
    for spec in record.set_specs:
        sub(header, q("setSpec"), spec)
    return header


def _record(record: selectors.Record, fmt: MetadataFormat, repository: Repository) -> ET.Element:
    element = ET.Element(q("record"))
    element.append(_header(record, repository))
    if record.obj is not None:  # a deleted record is its header alone, never its data
        metadata = sub(element, q("metadata"))
        metadata.append(fmt.metadata(record.obj, page_url=repository.page_url))
    return element


VERBS: dict[str, Callable[[OaiRequest, Repository], ET.Element]] = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
