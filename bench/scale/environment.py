"""The scale benchmark's services: PostgreSQL and Redis, with a database and a Redis DB of its own.

The benchmark never reads or writes the site's data: it creates its own PostgreSQL
database on the configured server (dropped at the end, and first if a crashed run left
it) and uses its own Redis DB number, emptied before and after (never the site's).
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
import redis
from django.conf import settings

DATABASE_NAME = "vitrine_bench_scale"
REDIS_DB = 9
SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
CONNECT_SECONDS = 3


class ScaleBenchUnavailable(RuntimeError):
    """PostgreSQL or Redis is not configured or does not answer."""


@dataclass(frozen=True)
class BenchServices:
    database_url: str
    database_name: str
    redis_url: str
    server: dict[str, Any]  # how to reach the PostgreSQL server (its maintenance database)


def bench_services(
    *, database_name: str = DATABASE_NAME, redis_db: int = REDIS_DB
) -> BenchServices:
    """The benchmark's database and Redis DB on the site's servers, once both answer."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise ScaleBenchUnavailable(
            "bench_scale measures the scaled-out site: set DATABASE_URL=postgres://… "
            f"(this run's database is {db['ENGINE'].rsplit('.', 1)[-1]})."
        )
    if not settings.REDIS_URL:
        raise ScaleBenchUnavailable("bench_scale needs Redis: set REDIS_URL=redis://host:port/N.")
    if not SAFE_NAME.match(database_name) or database_name == db["NAME"]:
        raise ScaleBenchUnavailable(
            f"{database_name!r} cannot be the benchmark's database (a plain lower-case name, "
            "not the site's own)."
        )
    redis_url = _redis_db_url(settings.REDIS_URL, redis_db)
    if redis_url == _redis_db_url(settings.REDIS_URL, _db_number(settings.REDIS_URL)):
        raise ScaleBenchUnavailable(f"Redis DB {redis_db} is the site's own: choose another.")
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": int(db["PORT"] or 5432),
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
        "connect_timeout": CONNECT_SECONDS,
    }
    _check_postgres(server)
    _check_redis(redis_url)
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    database_url = (
        f"postgres://{quote(db['USER'], safe='')}{password}@{server['host']}:{server['port']}"
        f"/{database_name}"
    )
    return BenchServices(database_url, database_name, redis_url, server)


@contextmanager
def own_database_and_redis(services: BenchServices) -> Iterator[None]:
    """A fresh database and an empty Redis DB for the run; both gone afterwards."""
    _drop_database(services)
    _execute(services, f'CREATE DATABASE "{services.database_name}"')
    _flush(services.redis_url)
    try:
        yield
    finally:
        _flush(services.redis_url)
        _drop_database(services)


def _drop_database(services: BenchServices) -> None:
    _execute(services, f'DROP DATABASE IF EXISTS "{services.database_name}" WITH (FORCE)')


def _execute(services: BenchServices, statement: str) -> None:
    # The name was checked against SAFE_NAME: CREATE/DROP DATABASE take no parameters.
    with psycopg.connect(**services.server, autocommit=True) as connection:
        connection.execute(statement.encode())


def _check_postgres(server: dict[str, Any]) -> None:
    try:
        with psycopg.connect(**server, autocommit=True) as connection:
            connection.execute(b"SELECT 1")
    except psycopg.Error as exc:
        raise ScaleBenchUnavailable(
            f"PostgreSQL at {server['host']}:{server['port']} does not answer: {exc}"
        ) from None


def _check_redis(url: str) -> None:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=CONNECT_SECONDS).ping()
    except (redis.RedisError, ValueError) as exc:
        raise ScaleBenchUnavailable(f"Redis does not answer: {exc}") from None


def _flush(url: str) -> None:
    redis.Redis.from_url(url, socket_connect_timeout=CONNECT_SECONDS).flushdb()


def _db_number(url: str) -> int:
    path = urlsplit(url).path.strip("/")
    return int(path) if path.isdigit() else 0


def _redis_db_url(url: str, number: int) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{number}", "", ""))
