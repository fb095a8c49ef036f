"""The guide's WebSocket consumer: parse, rate-limit, route; the answering lives elsewhere.

One conversation per connection. Every frame is checked for size before it is parsed; a
frame the guide cannot take is answered with an ``error`` and the connection stays open.
Answers are computed off the event loop (``database_sync_to_async``) and streamed one
sentence at a time before the final ``answer``. A connection with no client message for
``GUIDE_IDLE_TIMEOUT_SECONDS`` is told so and closed with 4008.
"""

import asyncio
import json
import logging
import time
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings

from exhibition.selectors import public_object_ids
from guide.answers import Conversation
from guide.asking import ask_guide
from guide.messages import (
    BAD_MESSAGE,
    IDLE_CLOSE_CODE,
    IDLE_TIMEOUT,
    RATE_LIMITED,
    SLUG,
    UNAVAILABLE,
    UNKNOWN_OBJECT,
    Ask,
    Context,
    ProtocolError,
    answer_messages,
    context_message,
    error_message,
    parse_client_message,
    ready_message,
    refuse_oversize,
)
from guide.rate_limits import ClientWindow, ConnectionWindow, client_address

logger = logging.getLogger(__name__)


class GuideConsumer(AsyncWebsocketConsumer):
    conversation: Conversation
    connection_window: ConnectionWindow
    client_window: ClientWindow
    last_message_at: float
    idle_watch: "asyncio.Task[None] | None" = None

    async def connect(self) -> None:
        self.conversation = Conversation()
        self.connection_window = ConnectionWindow(limit=settings.GUIDE_RATE_PER_CONNECTION)
        self.client_window = ClientWindow(
            client=client_address(self.scope), limit=settings.GUIDE_RATE_PER_CLIENT
        )
        self.last_message_at = time.monotonic()
        await self.accept()
        slug = _query_object(self.scope)
        try:
            public = await _public_slugs([slug]) if slug else []
        except Exception:
            # The guide still answers about the whole collection; questions will say
            # "unavailable" themselves if the database stays out of reach.
            logger.exception("The guide could not look up the page's object")
            public = []
        self.conversation.switch_page(slug if slug in public else None)
        await self.send_message(ready_message(self.conversation.page_object))
        self.idle_watch = asyncio.create_task(self._close_when_idle())

    async def disconnect(self, code: int) -> None:
        if self.idle_watch is not None:
            self.idle_watch.cancel()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        self.last_message_at = time.monotonic()
        try:
            message = _parse_frame(text_data, bytes_data)
            if isinstance(message, Ask):
                await self._answer(message)
            else:
                await self._switch_context(message)
        except ProtocolError as error:
            await self.send_message(error_message(error))

    async def send_message(self, message: dict[str, Any]) -> None:
        # ``default=str``: a provenance date or path is sent as its text, never a crash.
        await self.send(text_data=json.dumps(message, ensure_ascii=False, default=str))

    async def _answer(self, ask: Ask) -> None:
        await self._check_rate(ask)
        try:
            answer = await database_sync_to_async(ask_guide)(
                question=ask.question, conversation=self.conversation, channel="websocket"
            )
            messages = answer_messages(answer, ask_id=ask.ask_id, about=self.conversation.about)
        except Exception:
            # The visitor gets plain words, never a traceback; the log gets the traceback.
            logger.exception("The guide could not answer %r", ask.question)
            raise ProtocolError(
                UNAVAILABLE, "The guide cannot answer just now; please ask again.", ask.ask_id
            ) from None
        for message in messages:
            await self.send_message(message)

    async def _check_rate(self, ask: Ask) -> None:
        now = time.monotonic()
        wait = self.connection_window.retry_after(now)
        if wait is None:
            # The shared counter may be Redis: its round trips stay off the event loop.
            wait = await sync_to_async(self.client_window.hit, thread_sensitive=False)()
        if wait is not None:
            raise ProtocolError(
                RATE_LIMITED,
                f"Too many questions; please wait {wait:.0f} seconds.",
                ask.ask_id,
                retry_after=wait,
            )
        self.connection_window.record(now)

    async def _switch_context(self, context: Context) -> None:
        slugs = [context.object_slug] if context.object_slug else []
        try:
            public = await _public_slugs([*slugs, *context.objects])
        except Exception:
            logger.exception("The guide could not look up a context's objects")
            raise ProtocolError(UNAVAILABLE, "The guide cannot switch objects just now.") from None
        slug = context.object_slug if context.object_slug in public else None
        objects = tuple(item for item in context.objects if item in public)
        self.conversation.switch_page(slug, objects)
        if context.object_slug is not None and slug is None:
            # Restricted, draft and missing objects all look the same: absent.
            await self.send_message(
                error_message(
                    ProtocolError(
                        UNKNOWN_OBJECT,
                        "The guide knows no public object by that name; "
                        "it will answer about the whole collection.",
                    )
                )
            )
        await self.send_message(context_message(slug))

    async def _close_when_idle(self) -> None:
        timeout = float(settings.GUIDE_IDLE_TIMEOUT_SECONDS)
        # One task per connection whose deadline moves with each message (no task per message).
        while (remaining := self.last_message_at + timeout - time.monotonic()) > 0:
            await asyncio.sleep(remaining)
        minutes = f"{timeout / 60:g} minutes" if timeout >= 60 else f"{timeout:g} seconds"
        await self.send_message(
            error_message(
                ProtocolError(IDLE_TIMEOUT, f"No question for {minutes}: the guide has closed.")
            )
        )
        await self.close(code=IDLE_CLOSE_CODE)


def _parse_frame(text: str | None, data: bytes | None) -> Ask | Context:
    refuse_oversize(text=text, data=data, max_bytes=settings.GUIDE_MAX_MESSAGE_BYTES)
    if text is None:
        raise ProtocolError(BAD_MESSAGE, "The guide takes JSON in text frames, not binary ones.")
    return parse_client_message(text, max_question_chars=settings.GUIDE_MAX_QUESTION_CHARS)


def _query_object(scope: dict[str, Any]) -> str | None:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    slug = (query.get("object") or [""])[0]
    return slug if SLUG.fullmatch(slug) else None


@database_sync_to_async
def _public_slugs(slugs: list[str]) -> list[str]:
    return list(public_object_ids(slugs=slugs)) if slugs else []
