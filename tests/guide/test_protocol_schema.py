"""guide/protocol.schema.json describes what the guide really sends and accepts."""

import json
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from jsonschema import Draft202012Validator

from guide.answers import Answer, AnswerSentence, Citation, Media
from guide.messages import ProtocolError, answer_messages, parse_client_message
from tests.guide.sockets import guide_socket, make_hay_wain, make_restricted

SCHEMA = json.loads((Path(settings.BASE_DIR) / "guide" / "protocol.schema.json").read_text())


def _validator(definition: str) -> Draft202012Validator:
    root = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"}
    return Draft202012Validator(root)


SERVER = _validator("server_message")
CLIENT = _validator("client_message")


def test_the_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.django_db(transaction=True)
def test_every_message_of_a_real_conversation_matches_the_schema(settings: Any) -> None:
    settings.GUIDE_RATE_PER_CONNECTION = 4
    make_hay_wain()
    make_restricted()

    async def conversation() -> list[dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            await socket.ask("Who made this?", "maker")
            await socket.ask("What is the weather in Paris?", "weather")
            for frame in ("{oops", '{"type": "sing"}', '{"type": "ask", "id": "x"}', "x" * 3000):
                await socket.send_text(frame)
                await socket.receive()
            for slug in ("a-restricted-letter", "the-hay-wain"):
                await socket.send({"type": "context", "object": slug, "objects": [slug]})
                while (await socket.receive())["type"] != "context":
                    pass
            await socket.ask("When was it made?", "date")
            await socket.ask("What is it made of?", "material")
            await socket.ask("Who made this?", "limited")
            return socket.received

    received = async_to_sync(conversation)()
    kinds = {m["type"] if m["type"] != "error" else m["code"] for m in received}
    assert kinds >= {"ready", "answer_chunk", "answer", "context", "bad_json", "unknown_type"}
    assert kinds >= {"bad_message", "message_too_large", "unknown_object", "rate_limited"}
    assert any(m["type"] == "answer" and m["abstained"] for m in received)
    for message in received:
        errors = [e.message for e in SERVER.iter_errors(message)]
        assert errors == [], (message, errors)


def _reconstruction_answer() -> Answer:
    citation = Citation("the-hay-wain", "The Hay Wain", "maker", "John Constable", "/objects/x/")
    return Answer(
        question="What did it look like before?",
        intent="restoration",
        sentences=(AnswerSentence("It was painted by John Constable.", citation),),
        abstained=False,
        confidence=0.8,
        media=(
            Media("image", "/media/a.jpg", "The Hay Wain", "the-hay-wain"),
            Media(
                "reconstruction",
                "/media/r.png",
                "A reconstruction of The Hay Wain",
                "the-hay-wain",
                label="AI reconstruction — not the original",
                provenance={"engine": "telea", "reviewed_by": "curator"},
                review_state="approved",
            ),
        ),
        suggestions=("When was it made?",),
        notice="Here is what the records say.",
    )


def test_an_answer_with_a_reconstruction_and_a_notice_matches_the_schema() -> None:
    *chunks, final = answer_messages(_reconstruction_answer(), ask_id="r1", about="the-hay-wain")
    for message in [*chunks, final]:
        assert list(SERVER.iter_errors(message)) == []
    # The notice comes first and cites nothing; the cited sentence points at its source.
    assert [c["source"] for c in chunks] == [None, 0]
    assert final["media"][1]["label"] == "AI reconstruction — not the original"


def test_the_schema_refuses_an_unlabelled_or_unreviewed_reconstruction() -> None:
    final = answer_messages(_reconstruction_answer(), ask_id="r1", about=None)[-1]
    reconstruction = final["media"][1]
    for broken in (
        {k: v for k, v in reconstruction.items() if k != "label"},
        {**reconstruction, "review_state": "draft"},
    ):
        assert not SERVER.is_valid({**final, "media": [broken]})


VALID_CLIENT = [
    {"type": "ask", "id": "q-1_a", "question": "Who made this?"},
    {"type": "ask", "id": "x" * 40, "question": "é" * 300},
    {"type": "context", "object": "the-hay-wain"},
    {"type": "context", "object": None, "objects": ["a", "b-2"]},
]
INVALID_CLIENT = [
    {"type": "ask", "id": "", "question": "Who?"},
    {"type": "ask", "id": "x" * 41, "question": "Who?"},
    {"type": "ask", "id": "q", "question": ""},
    {"type": "ask", "id": "q", "question": "  \t"},
    {"type": "ask", "id": "q", "question": "x" * 301},
    {"type": "ask", "id": "q", "question": "Who?\u0000"},
    {"type": "ask", "id": "q", "question": 7},
    {"type": "ask", "id": "q", "question": "Who?", "extra": 1},
    {"type": "context"},
    {"type": "context", "object": "no spaces"},
    {"type": "context", "object": None, "objects": ["a"] * 51},
    {"type": "context", "object": None, "objects": "a"},
    {"type": "hello"},
]


@pytest.mark.parametrize("message", VALID_CLIENT)
def test_a_client_message_the_schema_allows_the_guide_accepts(message: dict[str, Any]) -> None:
    assert list(CLIENT.iter_errors(message)) == []
    parse_client_message(json.dumps(message), max_question_chars=300)


@pytest.mark.parametrize("message", INVALID_CLIENT)
def test_a_client_message_the_schema_refuses_the_guide_refuses(message: dict[str, Any]) -> None:
    assert not CLIENT.is_valid(message)
    with pytest.raises(ProtocolError):
        parse_client_message(json.dumps(message), max_question_chars=300)
