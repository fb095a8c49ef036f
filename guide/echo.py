"""A bare echo consumer: the benchmark's baseline for what the server costs on its own.

Routed at ``/ws/echo/`` only when ``GUIDE_BENCH_ECHO`` is set (``bench_guide`` sets it for
the server it starts); the site never serves it otherwise.
"""

from channels.generic.websocket import AsyncWebsocketConsumer


class EchoConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        await self.accept()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(text_data=text_data, bytes_data=bytes_data)
