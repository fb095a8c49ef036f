"""The answer to a WebSocket handshake for an address no consumer serves.

Channels' URLRouter raises when no route matches, which the server turns into an error
(and a logged traceback). A visitor's browser, an old kiosk page or a probe asking for a
missing endpoint gets a clean close instead, with a code and reason that say why.
"""

from channels.generic.websocket import AsyncWebsocketConsumer

# 4000–4999 are for applications; 4404 mirrors HTTP's "not found".
NO_SUCH_ENDPOINT = 4404


class NoSuchEndpointConsumer(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        await self.accept()
        await self.close(code=NO_SUCH_ENDPOINT, reason="No WebSocket endpoint at this address.")
