"""The scale-out path runs only against real PostgreSQL and Redis (see `make test`)."""

import os

import pytest
from django.db import connection


def _scaled_out() -> bool:
    return bool(os.environ.get("REDIS_URL")) and connection.vendor == "postgresql"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/scaleout/" in str(item.fspath):
            item.add_marker(pytest.mark.scaleout)


@pytest.fixture(autouse=True)
def _require_scaled_out() -> None:
    if not _scaled_out():
        pytest.skip(
            "scale-out path: needs DATABASE_URL=postgres://… and REDIS_URL (make test runs it)"
        )
