"""The guide's WebSocket routes (gathered by ``config/websocket_routing.py``)."""

from typing import Any

from django.conf import settings
from django.urls import re_path

from guide.consumers import GuideConsumer
from guide.echo import EchoConsumer

websocket_urlpatterns: list[Any] = [re_path(r"^ws/guide/$", GuideConsumer.as_asgi())]

if settings.GUIDE_BENCH_ECHO:
    # Only for bench_guide's own server: the baseline its figures are compared with.
    websocket_urlpatterns.append(re_path(r"^ws/echo/$", EchoConsumer.as_asgi()))
