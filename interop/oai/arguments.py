"""A request's arguments checked against the verb's grammar (OAI-PMH 2.0, section 3.1.1).

Everything wrong with the request itself (unknown verb, a missing, repeated or unknown
argument, a date that is not a date) is found here, before any record is read.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import QueryDict

from interop.oai.errors import OaiError, bad_argument

# Longest accepted value of any argument: identifiers and tokens are far shorter.
MAX_ARGUMENT_CHARS = 1000

REQUIRED: dict[str, frozenset[str]] = {
    "Identify": frozenset(),
    "ListMetadataFormats": frozenset(),
    "ListSets": frozenset(),
    "GetRecord": frozenset({"identifier", "metadataPrefix"}),
    "ListIdentifiers": frozenset({"metadataPrefix"}),
    "ListRecords": frozenset({"metadataPrefix"}),
}
OPTIONAL: dict[str, frozenset[str]] = {
    "Identify": frozenset(),
    "ListMetadataFormats": frozenset({"identifier"}),
    "ListSets": frozenset(),
    "GetRecord": frozenset(),
    "ListIdentifiers": frozenset({"from", "until", "set"}),
    "ListRecords": frozenset({"from", "until", "set"}),
}
# Verbs whose resumptionToken, when given, must be the only argument besides the verb.
RESUMABLE = frozenset({"ListSets", "ListIdentifiers", "ListRecords"})

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict[str, str]

    def get(self, name: str) -> str | None:
        return self.arguments.get(name)


def parse_request(query: QueryDict) -> OaiRequest:
    """The verb and its arguments, or the badVerb / badArgument error the request earns."""
    verbs = query.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in REQUIRED:
        detail = "repeated" if len(verbs) > 1 else "missing" if not verbs else "not a verb"
        raise OaiError("badVerb", f"The verb argument is {detail}.")
    verb = verbs[0]
    arguments: dict[str, str] = {}
    for name, values in query.lists():
        if name == "verb":
            continue
        if len(values) != 1:
            raise bad_argument(f"The argument {name!r} is repeated.")
        if len(values[0]) > MAX_ARGUMENT_CHARS:
            raise bad_argument(f"The argument {name!r} is too long.")
        arguments[name] = values[0]
    _check_names(verb, arguments)
    return OaiRequest(verb=verb, arguments=arguments)


def _check_names(verb: str, arguments: dict[str, str]) -> None:
    names = set(arguments)
    if "resumptionToken" in names and verb in RESUMABLE:
        if names != {"resumptionToken"}:
            raise bad_argument("resumptionToken is an exclusive argument.")
        return
    allowed = REQUIRED[verb] | OPTIONAL[verb]
    illegal = sorted(names - allowed)
    if illegal:
        raise bad_argument(f"{verb} does not take {', '.join(illegal)}.")
    missing = sorted(REQUIRED[verb] - names)
    if missing:
        raise bad_argument(f"{verb} needs {', '.join(missing)}.")


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds on a record's datestamp, to the second, in UTC."""

    start: datetime | None
    end: datetime | None


def parse_date_range(from_text: str | None, until_text: str | None) -> DateRange:
    """from/until as UTC bounds; a day-granular until takes in the whole day."""
    texts = [text for text in (from_text, until_text) if text is not None]
    if len({_granularity(text) for text in texts}) > 1:
        raise bad_argument("from and until must have the same granularity.")
    start = _parse_date(from_text, "from") if from_text is not None else None
    end = _parse_date(until_text, "until") if until_text is not None else None
    if end is not None and until_text is not None and _DAY.fullmatch(until_text):
        end += timedelta(days=1, seconds=-1)
    if start is not None and end is not None and start > end:
        raise bad_argument("from is later than until.")
    return DateRange(start=start, end=end)


def _granularity(text: str) -> str:
    return "day" if _DAY.fullmatch(text) else "second" if _SECOND.fullmatch(text) else "bad"


def _parse_date(text: str, name: str) -> datetime:
    granularity = _granularity(text)
    try:
        if granularity == "day":
            return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
        if granularity == "second":
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        pass
    raise bad_argument(f"{name} must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not {text!r}.")
