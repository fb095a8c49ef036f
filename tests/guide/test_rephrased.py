"""The rephrasing answerer against a fake OpenAI-compatible endpoint the tests start.

A faithful rewording is used under the same citation; one that adds a fact, runs to two
sentences, or fails to arrive is dropped and the grounded sentence stays.
"""

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from guide.answerers.base import Answerer
from guide.answerers.grounded import GroundedAnswerer
from guide.answerers.llm_client import ChatEndpoint, ChatError
from guide.answerers.rephrased import RephrasedAnswerer
from guide.answers import Answer, AnswerSentence, Citation, Conversation
from tests.builders import make_agent, make_object

MAKER = Citation(
    "the-hay-wain", "The Hay Wain", "maker", "John Constable", "/objects/the-hay-wain/"
)
DATE = Citation("the-hay-wain", "The Hay Wain", "date", "1821", "/objects/the-hay-wain/")


class FakeChat(BaseHTTPRequestHandler):
    """Answers /chat/completions the way ``mode`` says; keeps what it was asked."""

    mode: ClassVar[str] = "faithful"
    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeChat.requests.append({"path": self.path, **body})
        passage = body["messages"][1]["content"].split("Passage: ")[1].split("\n")[0]
        replies = {
            "faithful": f"According to the record: {passage}.",
            "invented": f"It is by {passage}, who painted it in 1740 in Venice.",
            "two_sentences": f"It is by {passage}. It is famous.",
        }
        if self.mode == "error":
            self._send(500, b'{"error": "overloaded"}')
        elif self.mode == "slow":
            time.sleep(1.5)
            self._send(200, _completion("It is by someone."))
        elif self.mode == "huge":
            self._send(200, _completion("x" * 100_000))
        elif self.mode == "not_json":
            self._send(200, b"<html>Bad gateway</html>")
        else:
            self._send(200, _completion(replies[self.mode]))

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The client may have given up already (the timeout test).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _completion(text: str) -> bytes:
    return json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()


@pytest.fixture
def fake_chat(settings: Any) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeChat.mode = "faithful"
    FakeChat.requests = []
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    settings.GUIDE_LLM_URL = url
    settings.GUIDE_LLM_MODEL = "fake-model"
    settings.GUIDE_LLM_TIMEOUT_SECONDS = 1
    yield url
    server.shutdown()
    server.server_close()
    thread.join()


class FixedAnswerer(Answerer):
    """Gives back one prepared answer, as the grounded answerer would."""

    name = "fixed"
    version = "1"

    def __init__(self, answer: Answer) -> None:
        self.fixed = answer

    def answer(self, question: str, conversation: Conversation) -> Answer:
        return self.fixed


GROUNDED = Answer(
    question="Who painted it and when?",
    intent="maker",
    sentences=(
        AnswerSentence("The Hay Wain is by John Constable.", MAKER),
        AnswerSentence("It is dated 1821.", DATE),
    ),
    abstained=False,
    confidence=0.9,
    about="the-hay-wain",
)


def _ask(grounded: Answer = GROUNDED) -> Answer:
    answerer = RephrasedAnswerer(grounded=FixedAnswerer(grounded))
    return answerer.answer(grounded.question, Conversation(page_object="the-hay-wain"))


def test_a_faithful_rephrasing_is_used_under_the_same_citation(fake_chat: str) -> None:
    answer = _ask()

    assert [s.text for s in answer.sentences] == [
        "According to the record: John Constable.",
        "According to the record: 1821.",
    ]
    assert [s.citation for s in answer.sentences] == [MAKER, DATE]
    asked = FakeChat.requests[0]
    assert asked["path"] == "/v1/chat/completions"
    assert asked["model"] == "fake-model"
    assert "only the given passage" in asked["messages"][0]["content"]
    assert "Passage: John Constable" in asked["messages"][1]["content"]


def test_a_rephrasing_with_an_invented_fact_is_rejected(fake_chat: str) -> None:
    FakeChat.mode = "invented"

    answer = _ask()

    assert answer.sentences == GROUNDED.sentences
    assert "1740" not in answer.text


def test_a_rephrasing_of_more_than_one_sentence_is_rejected(fake_chat: str) -> None:
    FakeChat.mode = "two_sentences"

    assert _ask().sentences == GROUNDED.sentences


@pytest.mark.parametrize("mode", ["error", "not_json", "huge"])
def test_an_endpoint_failure_gives_the_grounded_answer(fake_chat: str, mode: str) -> None:
    FakeChat.mode = mode

    answer = _ask()

    assert answer == GROUNDED
    assert len(FakeChat.requests) == 1  # not asked again for the next sentence


def test_a_slow_endpoint_gives_the_grounded_answer_within_the_time_limit(fake_chat: str) -> None:
    FakeChat.mode = "slow"

    started = time.monotonic()
    answer = _ask()

    assert answer == GROUNDED
    assert time.monotonic() - started < 1.4  # the budget is 1 s for the whole answer


def test_an_abstention_is_never_sent_to_the_model(fake_chat: str) -> None:
    abstention = Answer(
        question="Who owned it before 1900?",
        intent="other",
        sentences=(),
        abstained=True,
        confidence=0.1,
        notice="The collection's records do not tell.",
    )

    assert _ask(abstention) == abstention
    assert FakeChat.requests == []


def test_without_an_endpoint_the_grounded_answer_is_given(settings: Any) -> None:
    settings.GUIDE_LLM_URL = ""

    assert _ask() == GROUNDED


def test_only_http_endpoints_are_used() -> None:
    with pytest.raises(ValueError, match="http"):
        ChatEndpoint(base_url="file:///etc", model="m", timeout_seconds=1)


def test_a_refused_connection_is_a_chat_error() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeChat)
    port = server.server_address[1]
    server.server_close()  # nothing listens there now
    endpoint = ChatEndpoint(base_url=f"http://127.0.0.1:{port}", model="m", timeout_seconds=1)

    with pytest.raises(ChatError, match="could not be reached"):
        endpoint.complete(system="s", user="u")


@pytest.mark.django_db
def test_the_grounded_answer_from_the_records_is_reworded_under_its_citations(
    fake_chat: str,
) -> None:
    make_object(
        title="The Hay Wain",
        slug="the-hay-wain",
        date_display="1821",
        creator=make_agent("John Constable"),
    )
    grounded = GroundedAnswerer().answer("Who painted The Hay Wain?", Conversation())

    answer = RephrasedAnswerer().answer("Who painted The Hay Wain?", Conversation())

    assert grounded.sentences and "Constable" in grounded.text
    assert [s.citation for s in answer.sentences] == [s.citation for s in grounded.sentences]
    assert [s.text for s in answer.sentences] == [
        f"According to the record: {s.citation.span}." for s in grounded.sentences
    ]
    assert answer.source_slugs == ["the-hay-wain"]
