"""A small client for an OpenAI-compatible chat endpoint (``/chat/completions``).

Used only by the rephrasing answerer, and only when ``GUIDE_LLM_URL`` is set. Nothing
connects at import. Each call is bounded: a total time limit (not only per socket read,
so a server that trickles bytes cannot hold a visitor's answer), a response size limit,
http(s) URLs only. Every failure — refused, timed out, an HTTP error, an oversized or
malformed reply — is one ``ChatError`` the caller falls back from.
"""

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

MAX_RESPONSE_BYTES = 64 * 1024
MAX_REPLY_TOKENS = 120  # one sentence
_CHUNK_BYTES = 8 * 1024


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error: the endpoint named in the settings is the only one used."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


# Built once; it opens nothing until called.
_OPENER = urllib.request.build_opener(_NoRedirects)


class ChatError(Exception):
    """The endpoint gave no usable reply; the message says why."""


@dataclass(frozen=True)
class ChatEndpoint:
    base_url: str  # e.g. "http://127.0.0.1:8080/v1"
    model: str
    timeout_seconds: float
    max_response_bytes: int = MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        scheme = urllib.parse.urlsplit(self.base_url).scheme
        if scheme not in {"http", "https"}:
            raise ValueError(f"The chat endpoint must be an http(s) URL, not {self.base_url!r}.")

    def complete(self, *, system: str, user: str) -> str:
        """The model's reply to one system and one user message."""
        deadline = time.monotonic() + self.timeout_seconds
        body = json.dumps(
            {
                "model": self.model,
                "messages": [
                    {"role": "system", "content": system},
                    {"role": "user", "content": user},
                ],
                "temperature": 0,
                "max_tokens": MAX_REPLY_TOKENS,
                "stream": False,
            }
        ).encode()
        # The scheme is checked in __post_init__ (http or https only).
        request = urllib.request.Request(  # noqa: S310
            f"{self.base_url.rstrip('/')}/chat/completions",
            data=body,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with _OPENER.open(request, timeout=self.timeout_seconds) as response:
                raw = self._read_bounded(response, deadline)
        except urllib.error.HTTPError as exc:
            raise ChatError(f"The chat endpoint answered HTTP {exc.code}.") from None
        except (urllib.error.URLError, OSError) as exc:  # refused, reset, timed out
            raise ChatError(f"The chat endpoint could not be reached: {exc}") from None
        return _reply_text(raw)

    def _read_bounded(self, response: Any, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise ChatError("The chat endpoint took too long.")
            chunk = response.read(_CHUNK_BYTES)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_response_bytes:
                raise ChatError(
                    f"The chat endpoint's reply exceeds {self.max_response_bytes} bytes."
                )
            chunks.append(chunk)


def _reply_text(raw: bytes) -> str:
    """The first choice's message content of a chat completion."""
    try:
        document = json.loads(raw)
        content = document["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise ChatError("The chat endpoint's reply is not a chat completion.") from None
    if not isinstance(content, str):
        raise ChatError("The chat endpoint's reply has no text.")
    return content
