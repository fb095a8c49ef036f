"""PostgreSQL, the Redis cache and the Redis channel layer, for real."""

import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection

from exhibition.browse import browse_objects, parse_browse_params
from tests import builders


def test_database_is_postgresql() -> None:
    assert connection.vendor == "postgresql"


def test_cache_round_trips_through_redis() -> None:
    key = f"vitrine-test-{uuid.uuid4()}"
    cache.set(key, {"answer": 42}, 30)
    assert cache.get(key) == {"answer": 42}
    from django.core.cache import caches

    assert type(caches["default"]).__name__ == "RedisCache"


def test_channel_layer_delivers_a_message_through_redis() -> None:
    layer = get_channel_layer()
    assert type(layer).__name__ == "RedisChannelLayer"
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.send)(channel, {"type": "guide.answer", "text": "hello"})
    assert async_to_sync(layer.receive)(channel) == {"type": "guide.answer", "text": "hello"}


@pytest.mark.django_db
def test_browse_facets_and_century_filter_work_on_postgresql() -> None:
    from django.http import QueryDict

    builders.make_object(title="Old", date_start=1503, date_end=1519)
    builders.make_object(title="New", date_start=1890, date_end=1890)
    query = parse_browse_params(QueryDict("century=16"))
    assert [o.title for o in browse_objects(query)] == ["Old"]
