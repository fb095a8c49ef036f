"""JSON-lines logs (`LOG_FORMAT=json`), one object a line, for a log shipper to parse.

Each line has the time (UTC, ISO 8601), level, logger and message, the id of the request
being served when there is one, and the request fields that `config.metrics_middleware`
logs (view name, method, status, duration). Only fields named here are written: a record's
other attributes (Django attaches the whole request to some) could carry query strings or
cookies.
"""

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

# Set for the time a request is served (config.metrics_middleware), so every line logged
# meanwhile, by any module, names its request.
request_id_var: ContextVar[str | None] = ContextVar("vitrine_request_id", default=None)

REQUEST_FIELDS = ("view", "method", "status", "duration_ms", "path")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            line["request_id"] = request_id
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if isinstance(value, str | int | float):
                line[field] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
