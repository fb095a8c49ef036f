"""Scaled out: the guide under the Redis channel layer, its per-client limits kept in Redis.

Runs when Redis answers at REDIS_URL (or redis://127.0.0.1:6379/). Only keys of a fresh,
made-up client address are written, and they expire within a minute: nothing is flushed.
"""

import os
import runpy
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import redis
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels_redis.core import RedisChannelLayer
from django.conf import settings as django_settings

from tests.guide.sockets import guide_socket, make_hay_wain

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/"


def _redis_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except (redis.RedisError, ValueError):
        return False


pytestmark = [
    pytest.mark.scaleout,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not _redis_answers(REDIS_URL), reason=f"no Redis at {REDIS_URL}"),
]


def _settings_with_redis(url: str) -> dict[str, Any]:
    """config/settings.py as a worker started with REDIS_URL reads it."""
    with mock.patch.dict(os.environ, {"REDIS_URL": url, "THROTTLE_REDIS_URL": url}):
        return runpy.run_path(str(Path(django_settings.BASE_DIR) / "config" / "settings.py"))


@pytest.fixture
def redis_scaled_out(settings: Any) -> None:
    """The channel layer and the throttle cache of the site started with REDIS_URL."""
    scaled_out = _settings_with_redis(REDIS_URL)
    settings.CHANNEL_LAYERS = scaled_out["CHANNEL_LAYERS"]
    # Only the throttle cache: the default one is cleared between tests, which on Redis
    # would empty the whole database.
    settings.CACHES = {
        **settings.CACHES,
        settings.THROTTLE_CACHE: scaled_out["CACHES"][settings.THROTTLE_CACHE],
    }


def _ask_from_another_process(client: str) -> str:
    """One ask counted by a separate Python process, configured as a worker with REDIS_URL."""
    env = {**os.environ, "REDIS_URL": REDIS_URL, "THROTTLE_REDIS_URL": REDIS_URL}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    code = (
        "import django; django.setup()\n"
        "from guide.rate_limits import ClientWindow\n"
        f"print(ClientWindow(client={client!r}, limit=100).hit())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip()


def test_connections_to_two_workers_share_one_addresss_allowance_through_redis(
    redis_scaled_out: None, settings: Any
) -> None:
    settings.GUIDE_RATE_PER_CLIENT = 3
    make_hay_wain()
    visitor = f"2001:db8::{uuid.uuid4().hex[:4]}"  # a fresh address: no earlier run's counts
    # Another worker process has already answered this visitor once.
    assert _ask_from_another_process(visitor) == "None"

    async def conversation() -> list[str]:
        assert isinstance(get_channel_layer(), RedisChannelLayer)
        kinds = []
        async with (
            guide_socket("/ws/guide/?object=the-hay-wain", client=visitor) as on_worker_one,
            guide_socket("/ws/guide/?object=the-hay-wain", client=visitor) as on_worker_two,
        ):
            for socket in (on_worker_one, on_worker_two, on_worker_one):
                _, reply = await socket.ask("Who made this?")
                kinds.append(reply.get("code", reply["type"]))
                if reply["type"] == "answer":
                    assert "Constable" in reply["text"]
        return kinds

    # The other process's ask counted: the third here is the fourth from this address.
    assert async_to_sync(conversation)() == ["answer", "answer", "rate_limited"]
    counters = redis.Redis.from_url(REDIS_URL).keys(f"throttle:*guide-ask:{visitor}:*")
    assert counters, "the counts live in Redis, where every worker reads them"


def test_a_connection_quiet_for_longer_than_a_redis_poll_still_answers(
    redis_scaled_out: None,
) -> None:
    # The Redis layer polls for channel messages in blocking reads of 5 s: a client socket
    # timeout as short as that tore every quiet connection down (redis-py 8's default).
    make_hay_wain()

    async def conversation() -> dict[str, Any]:
        async with guide_socket("/ws/guide/?object=the-hay-wain") as socket:
            await socket.communicator.receive_nothing(timeout=7, interval=0.5)
            _, answer = await socket.ask("Who made this?")
            return answer

    answer = async_to_sync(conversation)()
    assert answer["type"] == "answer" and "Constable" in answer["text"]
