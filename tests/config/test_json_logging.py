"""LOG_FORMAT=json: one JSON object a line per request, with no query string in it."""

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from config.json_logging import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("vitrine.request")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_is_one_json_line_with_its_fields(
    client: Client, json_lines: io.StringIO
) -> None:
    response = client.get("/readyz/?email=visitor%40example.org&q=secret")

    (line,) = _lines(json_lines)
    assert line["request_id"] == response["X-Request-ID"]
    assert line["view"] == "readyz"
    assert line["method"] == "GET"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["path"] == "/readyz/"
    assert line["level"] == "INFO"
    assert line["logger"] == "vitrine.request"
    raw = json_lines.getvalue()
    assert "example.org" not in raw
    assert "secret" not in raw
    assert "email" not in raw


def test_a_well_formed_request_id_from_the_proxy_is_kept(
    client: Client, json_lines: io.StringIO
) -> None:
    response = client.get("/healthz/", HTTP_X_REQUEST_ID="lb-0123456789abcdef")

    assert response["X-Request-ID"] == "lb-0123456789abcdef"
    assert _lines(json_lines)[0]["request_id"] == "lb-0123456789abcdef"


def test_a_made_up_request_id_is_replaced(client: Client, json_lines: io.StringIO) -> None:
    response = client.get("/healthz/", HTTP_X_REQUEST_ID='x"}\n{"forged": 1')

    assert response["X-Request-ID"] != 'x"}\n{"forged": 1'
    assert len(response["X-Request-ID"]) == 32
    assert all("forged" not in line for line in _lines(json_lines))


def test_a_line_logged_during_a_request_names_the_request() -> None:
    from config.json_logging import request_id_var

    token = request_id_var.set("req-00000001")
    try:
        record = logging.LogRecord("search", logging.WARNING, __file__, 1, "slow %s", ("x",), None)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)

    assert line == {
        "time": line["time"],
        "level": "WARNING",
        "logger": "search",
        "message": "slow x",
        "request_id": "req-00000001",
    }


def test_log_format_json_turns_the_sites_logs_into_json_lines(tmp_path: Path) -> None:
    script = "import django, logging; django.setup(); logging.getLogger('search').warning('hi')"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}

    as_json = subprocess.run(
        [sys.executable, "-c", script],
        env={**environment, "LOG_FORMAT": "json"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    as_text = subprocess.run(
        [sys.executable, "-c", script],
        env={key: value for key, value in environment.items() if key != "LOG_FORMAT"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    line = json.loads(as_json.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "search", "hi")
    assert as_text.stderr.strip().splitlines()[-1] == "hi"
