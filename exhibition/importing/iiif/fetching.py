"""Read a IIIF document or image from a file or an http(s) URL, within byte and time bounds.

A manifest names further URLs (collections' members, image services, images): only
http and https are followed from a document fetched over the network, and ``file:`` only
from a document that was itself a local file the operator named. A redirect may never
change to another scheme, so a server cannot make the importer read local files.
"""

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urljoin, urlsplit

from exhibition.importing.records import RecordError

USER_AGENT = "Vitrine-IIIF-importer/1.0 (+https://github.com/vitrine)"
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_INFO_BYTES = 256 * 1024
TIMEOUT_SECONDS = 20.0
_MAX_REDIRECTS = 5
_WEB_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


class FetchError(RecordError):
    """A document or image that could not be read; the message says why."""


class TooLarge(FetchError):
    """More bytes than the bound allows."""


@dataclass(frozen=True)
class Location:
    """Where a document came from: its URL or file path, and whether it is local."""

    address: str
    local: bool

    def resolve(self, reference: str) -> "Location":
        """A URL named inside this document, refused when its scheme is not allowed here."""
        scheme = urlsplit(reference).scheme.lower()
        if scheme in _WEB_SCHEMES:
            return Location(reference, local=False)
        if scheme == "file" and self.local:
            return Location(reference, local=True)
        allowed = "http, https or file" if self.local else "http or https"
        raise FetchError(f"'{_short(reference)}' is not an {allowed} URL")


def location_for_source(source: str) -> Location:
    """A command-line SOURCE: an http(s) URL, a file: URL or a path."""
    scheme = urlsplit(source).scheme.lower()
    if scheme in _WEB_SCHEMES:
        return Location(source, local=False)
    if scheme == "file" or len(scheme) <= 1:  # "C:\…" has a one-letter scheme
        return Location(source, local=True)
    raise FetchError(f"'{_short(source)}' is not a file, nor an http or https URL")


def fetch_bytes(location: Location, *, max_bytes: int) -> bytes:
    """The whole body at ``location``, refused beyond ``max_bytes`` or TIMEOUT_SECONDS."""
    if location.local:
        return _read_file(_file_path(location.address), max_bytes=max_bytes)
    # Only http(s) reaches here (Location), and _OPENER has no other handlers.
    request = urllib.request.Request(  # noqa: S310
        location.address, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            _check_length(response.headers, max_bytes)
            return _read_bounded(response, max_bytes=max_bytes)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{_short(location.address)} answered HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{_short(location.address)} could not be read: {exc.reason}") from None
    except (TimeoutError, OSError, ValueError) as exc:
        raise FetchError(f"{_short(location.address)} could not be read: {exc}") from None


def fetch_json(location: Location, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> dict[str, Any]:
    """A JSON object at ``location``."""
    raw = fetch_bytes(location, max_bytes=max_bytes)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FetchError("document is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FetchError(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(data, dict):
        raise FetchError("document is not a JSON object")
    return data


class _SameSchemeRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = _MAX_REDIRECTS

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> Any:
        # Checked before urllib's own handling, which would allow ftp: and hide the target.
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urlsplit(target).scheme.lower() not in _WEB_SCHEMES:
            raise FetchError(f"{_short(req.full_url)} redirects to '{_short(target)}', refused")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


# Only the web and its redirects: no ftp:, no file:, no data: handlers behind a URL.
_OPENER = urllib.request.OpenerDirector()
for _handler in (
    urllib.request.HTTPHandler(),
    urllib.request.HTTPSHandler(),
    urllib.request.HTTPDefaultErrorHandler(),
    urllib.request.HTTPErrorProcessor(),
    _SameSchemeRedirects(),
):
    _OPENER.add_handler(_handler)


def _check_length(headers: Message, max_bytes: int) -> None:
    declared = headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{int(declared):,} bytes, over the limit of {max_bytes:,}")


def _read_bounded(stream: IO[bytes], *, max_bytes: int) -> bytes:
    """Read in chunks, so neither a lying Content-Length nor a slow server is trusted."""
    deadline = time.monotonic() + TIMEOUT_SECONDS * 3
    parts: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"more than {max_bytes:,} bytes, over the limit")
        if time.monotonic() > deadline:
            raise FetchError(f"took longer than {TIMEOUT_SECONDS * 3:.0f} s")
        parts.append(chunk)
    return b"".join(parts)


def _file_path(address: str) -> Path:
    split = urlsplit(address)
    if split.scheme.lower() == "file":
        return Path(unquote(split.path))
    return Path(address)


def _read_file(path: Path, *, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            raise FetchError(f"file not found: {path}")
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLarge(f"{path} has {size:,} bytes, over the limit of {max_bytes:,}")
        with path.open("rb") as fh:
            return _read_bounded(fh, max_bytes=max_bytes)
    except OSError as exc:
        raise FetchError(f"{path} could not be read: {exc.strerror or exc}") from None


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
