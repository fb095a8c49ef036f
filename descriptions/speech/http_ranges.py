"""A stored file as an HTTP response with single byte ranges, ETag and 304 (RFC 9110).

Audio players seek with ``Range: bytes=N-``; Safari will not play audio served without
ranges. Several ranges in one request are answered with the whole file (allowed, and no
player asks for them); a range past the end is 416 with ``Content-Range: bytes */size``.
"""

import re
from collections.abc import Iterator
from pathlib import Path

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _chunks(path: Path, start: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as stream:
        stream.seek(start)
        while length > 0:
            block = stream.read(min(CHUNK, length))
            if not block:
                return
            length -= len(block)
            yield block


class _Unsatisfiable(Exception):
    pass


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) inclusive, or None to send the whole file; raises _Unsatisfiable."""
    match = _RANGE.match(header.replace(" ", ""))
    if match is None or match.group(1) == match.group(2) == "":
        return None  # not a single byte range: ignore it
    first_text, last_text = match.groups()
    if first_text == "":  # "bytes=-N": the last N bytes
        suffix = int(last_text)
        if not suffix or not size:
            raise _Unsatisfiable
        return max(0, size - suffix), size - 1
    first = int(first_text)
    if last_text and int(last_text) < first:
        return None  # syntactically invalid: ignore it
    if first >= size:
        raise _Unsatisfiable
    last = int(last_text) if last_text else size - 1
    return first, min(last, size - 1)


def _body_response(
    request: HttpRequest, *, path: Path, size: int, content_type: str, quoted_etag: str
) -> HttpResponseBase:
    wanted = request.headers.get("Range", "")
    # If-Range: the client's copy is another version, so a piece of this one is no use.
    if not wanted or request.headers.get("If-Range", quoted_etag) != quoted_etag:
        byte_range = None
    else:
        try:
            byte_range = _byte_range(wanted, size)
        except _Unsatisfiable:
            refusal = HttpResponse(status=416, content_type="text/plain")
            refusal["Content-Range"] = f"bytes */{size}"
            return refusal
    if byte_range is None:
        response = StreamingHttpResponse(_chunks(path, 0, size), content_type=content_type)
        response["Content-Length"] = str(size)
        return response
    first, last = byte_range
    length = last - first + 1
    response = StreamingHttpResponse(
        _chunks(path, first, length), status=206, content_type=content_type
    )
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(length)
    return response


def ranged_file_response(
    request: HttpRequest, *, path: Path, content_type: str, etag: str
) -> HttpResponseBase:
    """The file (or the one range asked for) with Accept-Ranges and ETag; 304 if unchanged."""
    quoted = f'"{etag}"'
    matches = {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}
    if quoted in matches or "*" in matches:
        response: HttpResponseBase = HttpResponse(status=304)
    else:
        size = path.stat().st_size
        response = _body_response(
            request, path=path, size=size, content_type=content_type, quoted_etag=quoted
        )
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = quoted
    return response
