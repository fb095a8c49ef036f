"""Resumption tokens: where a list harvest stands, signed so that it cannot be forged.

A token carries everything needed to continue the list (the verb, the format, the set,
the original from/until, the key of the last record sent, and how many went before), so
the server keeps no state per harvest. Records come in key order (see
``selectors.record_page``): a record edited during a harvest keeps its place, so it is
neither lost nor sent twice. The signature is timestamped: a token older than
``OAI_TOKEN_HOURS`` is refused, as is any token altered by a byte.
"""

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing

from interop.oai.errors import OaiError

_SALT = "interop.oai.resumption-token"


@dataclass(frozen=True)
class ListPosition:
    verb: str
    metadata_prefix: str
    set_spec: str | None
    from_text: str | None
    until_text: str | None
    after_pk: int
    sent: int


def token_lifetime() -> timedelta:
    return timedelta(hours=settings.OAI_TOKEN_HOURS)


def issue_token(position: ListPosition) -> str:
    return signing.dumps(asdict(position), salt=_SALT, compress=True)


def read_token(token: str, *, verb: str) -> ListPosition:
    """The position a token names, or badResumptionToken (forged, garbled, expired or
    issued for another verb)."""
    try:
        data: Any = signing.loads(token, salt=_SALT, max_age=token_lifetime())
        position = ListPosition(**data)
    except (signing.BadSignature, TypeError, ValueError):
        message = "The resumption token is invalid or expired."
        raise OaiError("badResumptionToken", message) from None
    if position.verb != verb:
        raise OaiError("badResumptionToken", f"The resumption token is not one for {verb}.")
    return position


def token_expiry(now: datetime) -> datetime:
    return now + token_lifetime()
