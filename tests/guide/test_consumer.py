"""The guide over a WebSocket, through the site's whole ASGI application."""

import json
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from config.websocket_fallback import NO_SUCH_ENDPOINT
from guide.messages import IDLE_CLOSE_CODE
from tests.guide.sockets import (
    asgi_application,
    guide_socket,
    make_great_wave,
    make_hay_wain,
    make_restricted,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _oversize_ask() -> str:
    """An ask of 2049 bytes of UTF-8 in far fewer characters: bytes are what count."""
    head, tail = '{"type": "ask", "id": "big", "question": "', '"}'
    room = 2049 - len(head) - len(tail)
    frame = head + "é" * (room // 2) + "a" * (room % 2) + tail
    assert len(frame.encode()) == 2049 and len(frame) < 2048
    return frame


def test_a_question_on_an_object_page_is_streamed_then_answered_with_its_sources() -> None:
    make_hay_wain()

    async def conversation() -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            chunks, answer = await socket.ask("Who made this?")
            return socket.received[:1], chunks, answer

    (ready,), chunks, answer = async_to_sync(conversation)()
    assert ready == {"type": "ready", "object": "the-hay-wain"}
    assert answer["type"] == "answer" and answer["id"] == "q1"
    assert "Constable" in answer["text"] and not answer["abstained"]
    assert [source["object"] for source in answer["sources"]] == ["the-hay-wain"]
    assert answer["about"] == "the-hay-wain"
    # One chunk per sentence, in order, each citing what the final answer cites.
    assert [(c["index"], c["text"], c["source"]) for c in chunks] == [
        (n, s["text"], s["source"]) for n, s in enumerate(answer["sentences"])
    ]
    for sentence in answer["sentences"]:
        assert answer["sources"][sentence["source"]]["span"]
    assert answer["sources"][0]["url"] == "/objects/the-hay-wain/"


def test_a_follow_up_resolves_to_the_object_under_discussion() -> None:
    make_hay_wain()
    make_great_wave()

    async def conversation() -> dict[str, Any]:
        async with guide_socket() as socket:
            _, first = await socket.ask("Who painted The Hay Wain?", "q1")
            assert "Constable" in first["text"]
            _, follow_up = await socket.ask("And when was it made?", "q2")
            return follow_up

    follow_up = async_to_sync(conversation)()
    assert follow_up["id"] == "q2" and not follow_up["abstained"]
    assert "1821" in follow_up["text"]
    assert [source["object"] for source in follow_up["sources"]] == ["the-hay-wain"]


def test_a_context_message_switches_the_object_questions_are_about() -> None:
    make_hay_wain()
    make_great_wave()

    async def conversation() -> tuple[dict[str, Any], dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            await socket.send({"type": "context", "object": "the-great-wave"})
            ack = await socket.receive()
            _, answer = await socket.ask("Who made this?")
            return ack, answer

    ack, answer = async_to_sync(conversation)()
    assert ack == {"type": "context", "object": "the-great-wave"}
    assert "Hokusai" in answer["text"] and "Constable" not in answer["text"]
    assert [source["object"] for source in answer["sources"]] == ["the-great-wave"]


def test_a_restricted_object_looks_exactly_like_a_missing_one() -> None:
    make_hay_wain()
    make_restricted()

    async def replies(slug: str) -> list[dict[str, Any]]:
        async with guide_socket(f"/ws/guide/?object={slug}") as socket:
            await socket.send({"type": "context", "object": slug})
            await socket.receive()
            await socket.receive()
            return socket.received

    restricted = async_to_sync(replies)("a-restricted-letter")
    missing = async_to_sync(replies)("no-such-object")
    assert restricted == missing
    assert restricted[0] == {"type": "ready", "object": None}
    assert restricted[1]["code"] == "unknown_object"
    assert restricted[2] == {"type": "context", "object": None}


@pytest.mark.parametrize(
    ("frame", "code", "ask_id"),
    [
        ("{not json", "bad_json", None),
        ('{"type": "dance"}', "unknown_type", None),
        ('["ask"]', "bad_message", None),
        (
            '{"type": "ask", "id": "no spaces allowed", "question": "Who made this?"}',
            "bad_message",
            None,
        ),
        ('{"type": "ask", "id": "q9", "question": "   "}', "bad_message", "q9"),
        (json.dumps({"type": "ask", "id": "q9", "question": "x" * 301}), "bad_message", "q9"),
        ('{"type": "context", "object": "../../etc"}', "bad_message", None),
        (_oversize_ask(), "message_too_large", None),
    ],
    ids=["bad-json", "unknown-type", "not-an-object", "bad-id", "blank", "long", "slug", "2049B"],
)
def test_a_frame_the_guide_cannot_take_gets_an_error_and_the_connection_still_answers(
    frame: str, code: str, ask_id: str | None
) -> None:
    make_hay_wain()

    async def conversation() -> tuple[dict[str, Any], dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            await socket.send_text(frame)
            error = await socket.receive()
            _, answer = await socket.ask("Who made this?", "after")
            return error, answer

    error, answer = async_to_sync(conversation)()
    assert error["type"] == "error" and error["code"] == code
    assert error.get("id") == ask_id
    assert error["message"]
    assert answer["type"] == "answer" and "Constable" in answer["text"]


def test_a_binary_frame_is_refused_in_words() -> None:
    async def conversation() -> dict[str, Any]:
        async with guide_socket() as socket:
            await socket.communicator.send_to(bytes_data=b'{"type": "ask"}')
            return await socket.receive()

    error = async_to_sync(conversation)()
    assert error["code"] == "bad_message" and "text" in error["message"]


def test_a_connection_asking_too_fast_is_told_when_it_may_ask_again(settings: Any) -> None:
    settings.GUIDE_RATE_PER_CONNECTION = 2
    make_hay_wain()

    async def conversation() -> list[dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            return [(await socket.ask("Who made this?", f"q{n}"))[1] for n in range(3)]

    first, second, third = async_to_sync(conversation)()
    assert first["type"] == second["type"] == "answer"
    assert third["type"] == "error" and third["code"] == "rate_limited"
    assert third["id"] == "q2"
    assert 1 <= third["retry_after"] <= 60


def test_one_address_shares_its_allowance_across_its_connections(settings: Any) -> None:
    settings.GUIDE_RATE_PER_CLIENT = 2
    make_hay_wain()

    async def conversation() -> list[str]:
        kinds = []
        async with (
            guide_socket(client="198.51.100.4") as tab_one,
            guide_socket(client="198.51.100.4") as tab_two,
            guide_socket(client="198.51.100.99") as neighbour,
        ):
            for socket in (tab_one, tab_two, tab_one, tab_two, neighbour):
                _, reply = await socket.ask("Who painted The Hay Wain?")
                kinds.append(reply.get("code", reply["type"]))
        return kinds

    assert async_to_sync(conversation)() == [
        "answer",
        "answer",
        "rate_limited",
        "rate_limited",
        "answer",
    ]


def test_a_failure_while_answering_is_unavailable_in_plain_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_hay_wain()

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("index file missing at /srv/secret/path")

    monkeypatch.setattr("guide.consumers.ask_guide", broken)

    async def conversation() -> tuple[dict[str, Any], dict[str, Any]]:
        async with guide_socket() as socket:
            _, error = await socket.ask("Who painted The Hay Wain?")
            await socket.send({"type": "context", "object": "the-hay-wain"})
            return error, await socket.receive()

    error, ack = async_to_sync(conversation)()
    assert error["code"] == "unavailable" and error["id"] == "q1"
    assert "secret" not in error["message"] and "RuntimeError" not in error["message"]
    assert ack == {"type": "context", "object": "the-hay-wain"}  # still connected


def test_a_page_from_a_foreign_origin_cannot_open_the_guide() -> None:
    async def handshake() -> bool:
        communicator = WebsocketCommunicator(
            asgi_application(), "/ws/guide/", headers=[(b"origin", b"https://evil.example")]
        )
        connected, _ = await communicator.connect()
        await communicator.disconnect()
        return bool(connected)

    assert async_to_sync(handshake)() is False


def test_an_idle_connection_is_told_then_closed_with_4008(settings: Any) -> None:
    settings.GUIDE_IDLE_TIMEOUT_SECONDS = 1

    async def conversation() -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
        async with guide_socket() as socket:
            # Messages keep it open past the timeout: each one moves the deadline.
            acks = []
            for _ in range(4):
                await socket.send({"type": "context", "object": None})
                acks.append(await socket.receive(timeout=5))
                await socket.communicator.receive_nothing(timeout=0.4)
            notice = await socket.receive(timeout=5)
            closing = await socket.communicator.receive_output(timeout=5)
            return acks, notice, closing

    acks, notice, closing = async_to_sync(conversation)()
    assert acks == [{"type": "context", "object": None}] * 4
    assert notice["type"] == "error" and notice["code"] == "idle_timeout"
    assert closing == {"type": "websocket.close", "code": IDLE_CLOSE_CODE}


def test_a_database_failure_on_connecting_still_opens_the_guide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreachable(**kwargs: Any) -> None:
        raise ConnectionError("database unreachable")

    monkeypatch.setattr("guide.consumers.public_object_ids", unreachable)

    async def conversation() -> tuple[dict[str, Any], dict[str, Any]]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            await socket.send({"type": "context", "object": "the-hay-wain"})
            return socket.received[0], await socket.receive()

    ready, reply = async_to_sync(conversation)()
    assert ready == {"type": "ready", "object": None}
    assert reply["code"] == "unavailable" and "database" not in reply["message"]


def test_the_benchmarks_echo_is_not_served_by_the_site() -> None:
    async def handshake() -> dict[str, Any]:
        communicator = WebsocketCommunicator(
            asgi_application(), "/ws/echo/", headers=[(b"origin", b"http://testserver")]
        )
        await communicator.connect()
        closing: dict[str, Any] = await communicator.receive_output(timeout=5)
        await communicator.wait()
        return closing

    assert async_to_sync(handshake)() == {
        "type": "websocket.close",
        "code": NO_SUCH_ENDPOINT,
        "reason": "No WebSocket endpoint at this address.",
    }
