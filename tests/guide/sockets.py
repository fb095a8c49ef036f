"""A guide WebSocket for tests: the whole ASGI application, origin validator included."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from channels.testing import WebsocketCommunicator
from django.conf import settings

from exhibition.models import CollectionObject, Visibility
from tests.builders import make_agent, make_object

SITE_ORIGIN = b"http://testserver"
# The first answer may load the answerer's models: minutes on a cold, busy machine are
# not the guide's latency (bench_guide measures that), only a wait before the test goes on.
ANSWER_TIMEOUT = 120.0


def asgi_application() -> Any:
    # Importing the ASGI entry point would start warming up search on a thread that
    # outlives the test: tests never want that.
    settings.SEARCH_WARM_UP = False
    from config.asgi import application

    return application


class GuideSocket:
    def __init__(self, communicator: WebsocketCommunicator) -> None:
        self.communicator = communicator
        self.received: list[dict[str, Any]] = []

    async def send(self, message: dict[str, Any]) -> None:
        await self.communicator.send_json_to(message)

    async def send_text(self, text: str) -> None:
        await self.communicator.send_to(text_data=text)

    async def receive(self, timeout: float = ANSWER_TIMEOUT) -> dict[str, Any]:
        message: dict[str, Any] = await self.communicator.receive_json_from(timeout=timeout)
        self.received.append(message)
        return message

    async def ask(
        self, question: str, ask_id: str = "q1"
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """The streamed chunks and the final answer (or error) of one question."""
        await self.send({"type": "ask", "id": ask_id, "question": question})
        chunks = []
        while (message := await self.receive())["type"] == "answer_chunk":
            chunks.append(message)
        return chunks, message


@asynccontextmanager
async def guide_socket(
    path: str = "/ws/guide/",
    *,
    client: str = "192.0.2.10",
    origin: bytes = SITE_ORIGIN,
) -> AsyncIterator[GuideSocket]:
    """A connected guide socket; its ``ready`` message is the first in ``received``."""
    communicator = WebsocketCommunicator(asgi_application(), path, headers=[(b"origin", origin)])
    communicator.scope["client"] = [client, 50000]
    connected, _ = await communicator.connect(timeout=ANSWER_TIMEOUT)
    assert connected
    socket = GuideSocket(communicator)
    await socket.receive()
    try:
        yield socket
    finally:
        await communicator.disconnect()


def make_hay_wain() -> CollectionObject:
    return make_object(
        slug="the-hay-wain",
        title="The Hay Wain",
        creator=make_agent("John Constable"),
        date_display="1821",
        date_start=1821,
        date_end=1821,
        medium="Oil on canvas",
        description="A hay wain crosses the River Stour in Suffolk.",
    )


def make_great_wave() -> CollectionObject:
    return make_object(
        slug="the-great-wave",
        title="The Great Wave off Kanagawa",
        creator=make_agent("Katsushika Hokusai"),
        object_type="print",
        date_display="about 1831",
        date_start=1829,
        date_end=1833,
        medium="Woodblock print",
        description="A great wave towers over three boats, Mount Fuji small beyond.",
    )


def make_restricted() -> CollectionObject:
    return make_object(
        slug="a-restricted-letter",
        title="A Restricted Letter",
        creator=make_agent("Someone Private"),
        visibility=Visibility.RESTRICTED,
    )
