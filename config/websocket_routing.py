"""All WebSocket routes of the site, gathered from each app's ``routing.py``."""

from typing import Any

# Apps add their ``websocket_urlpatterns`` here as they gain consumers (the guide, in tours).
websocket_urlpatterns: list[Any] = []
