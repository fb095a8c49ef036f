"""The guide's WebSocket protocol: client frames in, server messages out.

Parsing turns a text frame into an ``Ask`` or a ``Context``, or raises ``ProtocolError``
with the error code the client is sent (the connection stays open). The builders turn an
``Answer`` into the streamed ``answer_chunk`` messages and the final ``answer``. The JSON
Schema in ``guide/protocol.schema.json`` describes the same messages; a test keeps the two
in step.
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from guide.answers import Answer, AnswerSentence, Citation, Media

# Error codes (the README's "Guide" section lists them for client authors).
MESSAGE_TOO_LARGE = "message_too_large"
BAD_JSON = "bad_json"
BAD_MESSAGE = "bad_message"
UNKNOWN_TYPE = "unknown_type"
RATE_LIMITED = "rate_limited"
UNKNOWN_OBJECT = "unknown_object"
IDLE_TIMEOUT = "idle_timeout"
UNAVAILABLE = "unavailable"

# 4000-4999 are for applications; 4008 mirrors HTTP's 408 Request Timeout.
IDLE_CLOSE_CODE = 4008

MAX_CONTEXT_OBJECTS = 50
ASK_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
# CollectionObject.slug is a SlugField of at most 200 characters.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")

CLIENT_TYPES = ("ask", "context")


class ProtocolError(Exception):
    """A client frame the guide cannot take; ``code`` and ``message`` go back to the client."""

    def __init__(
        self,
        code: str,
        message: str,
        ask_id: str | None = None,
        *,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.ask_id = ask_id
        self.retry_after = retry_after


@dataclass(frozen=True)
class Ask:
    ask_id: str
    question: str


@dataclass(frozen=True)
class Context:
    object_slug: str | None
    objects: tuple[str, ...]


def refuse_oversize(*, text: str | None, data: bytes | None, max_bytes: int) -> None:
    """Raise ``message_too_large`` for a frame over ``max_bytes`` (UTF-8 bytes of a text
    frame), before anything parses it."""
    if text is not None:
        # A character is at least one byte: a frame with more characters is too large
        # without encoding it (a huge frame is never copied once more).
        size = len(text) if len(text) > max_bytes else len(text.encode("utf-8", "surrogatepass"))
    else:
        size = len(data or b"")
    if size > max_bytes:
        raise ProtocolError(
            MESSAGE_TOO_LARGE, f"A message may be at most {max_bytes} bytes of UTF-8 text."
        )


def parse_client_message(text: str, *, max_question_chars: int) -> Ask | Context:
    """The message in a text frame (already checked for size), or ``ProtocolError``."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError(BAD_JSON, "The message is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ProtocolError(BAD_MESSAGE, 'A message is a JSON object with a "type".')
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ProtocolError(BAD_MESSAGE, 'A message needs a "type" string.')
    if kind == "ask":
        return _parse_ask(data, max_question_chars=max_question_chars)
    if kind == "context":
        return _parse_context(data)
    raise ProtocolError(
        UNKNOWN_TYPE, f"Unknown message type; the guide understands {', '.join(CLIENT_TYPES)}."
    )


def _parse_ask(data: dict[str, Any], *, max_question_chars: int) -> Ask:
    ask_id = data.get("id")
    if not isinstance(ask_id, str) or not ASK_ID.fullmatch(ask_id):
        raise ProtocolError(
            BAD_MESSAGE, "An ask needs an \"id\" of 1 to 40 letters, digits, '-' or '_'."
        )
    _refuse_other_keys(data, {"type", "id", "question"}, ask_id)
    question = data.get("question")
    if (
        not isinstance(question, str)
        or not question.strip()
        or len(question) > max_question_chars
        or "\x00" in question
    ):
        raise ProtocolError(
            BAD_MESSAGE,
            f'An ask needs a "question" of 1 to {max_question_chars} characters.',
            ask_id,
        )
    return Ask(ask_id=ask_id, question=question.strip())


def _parse_context(data: dict[str, Any]) -> Context:
    _refuse_other_keys(data, {"type", "object", "objects"}, None)
    if "object" not in data:
        raise ProtocolError(BAD_MESSAGE, 'A context needs an "object": a slug or null.')
    slug = data["object"]
    if slug is not None and not _is_slug(slug):
        raise ProtocolError(BAD_MESSAGE, "A context's \"object\" is an object's slug or null.")
    objects = data.get("objects", [])
    if (
        not isinstance(objects, list)
        or len(objects) > MAX_CONTEXT_OBJECTS
        or not all(_is_slug(item) for item in objects)
    ):
        raise ProtocolError(
            BAD_MESSAGE,
            f'A context\'s "objects" is a list of at most {MAX_CONTEXT_OBJECTS} slugs.',
        )
    return Context(object_slug=slug, objects=tuple(dict.fromkeys(objects)))


def _is_slug(value: object) -> bool:
    return isinstance(value, str) and SLUG.fullmatch(value) is not None


def _refuse_other_keys(data: dict[str, Any], allowed: set[str], ask_id: str | None) -> None:
    extra = sorted(set(data) - allowed)
    if extra:
        raise ProtocolError(
            BAD_MESSAGE, f"Unexpected field {json.dumps(extra[0])} in a {data['type']}.", ask_id
        )


# Server → client ------------------------------------------------------------------------


def ready_message(object_slug: str | None) -> dict[str, Any]:
    return {"type": "ready", "object": object_slug}


def context_message(object_slug: str | None) -> dict[str, Any]:
    return {"type": "context", "object": object_slug}


def error_message(error: ProtocolError) -> dict[str, Any]:
    message: dict[str, Any] = {"type": "error", "code": error.code, "message": error.message}
    if error.ask_id is not None:
        message["id"] = error.ask_id
    if error.retry_after is not None:
        message["retry_after"] = error.retry_after
    return message


def answer_messages(answer: Answer, *, ask_id: str, about: str | None) -> list[dict[str, Any]]:
    """One ``answer_chunk`` per sentence (the uncited notice of an abstention first), then
    the final ``answer``; a sentence's ``source`` indexes the answer's ``sources``."""
    sources = answer.citations
    index = {_citation_key(c): k for k, c in enumerate(sources)}
    sentences = [{"text": answer.notice, "source": None}] if answer.notice else []
    sentences.extend(_sentence(sentence, index) for sentence in answer.sentences)
    chunks = [
        {"type": "answer_chunk", "id": ask_id, "index": n, **sentence}
        for n, sentence in enumerate(sentences)
    ]
    final = {
        "type": "answer",
        "id": ask_id,
        "text": answer.text,
        "intent": answer.intent,
        "abstained": answer.abstained,
        "confidence": round(float(answer.confidence), 3),
        "about": about,
        "sentences": sentences,
        "sources": [_source(citation) for citation in sources],
        "media": [_media(item) for item in answer.media],
        "suggestions": list(answer.suggestions),
    }
    return [*chunks, final]


def _citation_key(citation: Citation) -> tuple[str, str, str]:
    return (citation.object_slug, citation.field, citation.span)


def _sentence(sentence: AnswerSentence, index: dict[tuple[str, str, str], int]) -> dict[str, Any]:
    return {"text": sentence.text, "source": index[_citation_key(sentence.citation)]}


def _source(citation: Citation) -> dict[str, Any]:
    return {
        # A museum-information citation (practical questions) belongs to no object.
        "object": citation.object_slug or None,
        "title": citation.object_title,
        "url": citation.url,
        "field": citation.field,
        "span": citation.span,
    }


def _media(media: Media) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": media.kind,
        "url": media.url,
        "alt": media.alt,
        "object": media.object_slug,
    }
    if media.kind == "reconstruction":
        item.update(label=media.label, provenance=media.provenance, review_state=media.review_state)
    return item
