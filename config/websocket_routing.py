"""All WebSocket routes of the site, gathered from each app's ``routing.py``."""

from typing import Any

from django.urls import re_path

from config.websocket_fallback import NoSuchEndpointConsumer
from guide.routing import websocket_urlpatterns as guide_websocket_urlpatterns

# Apps add their ``websocket_urlpatterns`` before the fallback as they gain consumers.
app_websocket_urlpatterns: list[Any] = [*guide_websocket_urlpatterns]

websocket_urlpatterns: list[Any] = [
    *app_websocket_urlpatterns,
    # Last: any other address is closed cleanly rather than failing the handshake.
    re_path(r"", NoSuchEndpointConsumer.as_asgi()),
]
