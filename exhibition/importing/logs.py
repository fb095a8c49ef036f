"""Quieter logs while a command imports: its own summary says what happened."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

# In-process Celery logs a line per task and kombu warns about the in-memory broker's
# missing hostname.
CHATTY_LOGGERS = ("celery.app.trace", "kombu.connection")


@contextmanager
def quiet_import_logs(names: tuple[str, ...] = CHATTY_LOGGERS) -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
