"""Whole numbers read from URLs and query strings, refused rather than crashing.

``str.isdigit()`` also accepts characters such as "²" or "৩" that ``int()`` refuses, and
an unbounded run of digits makes a number no page or row has; both used to end in 500s.
"""

MAX_DIGITS = 9


def natural_int(raw: str) -> int | None:
    """``raw`` as a whole number from 0, or None when it is anything else."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_DIGITS:
        return None
    return int(raw)


def positive_int(raw: str) -> int | None:
    """``raw`` as a whole number from 1, or None when it is anything else."""
    value = natural_int(raw)
    return value if value is not None and value >= 1 else None
