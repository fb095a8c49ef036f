"""Renders benchmark figures as a plain-text table for people."""

from collections.abc import Sequence

TARGET_RATIO = 3.0
COLUMNS = (
    ("scenario", "scenario", 22),
    ("requests", "n", 5),
    ("failures", "fail", 4),
    ("throughput_rps", "req/s", 7),
    ("client_p50_ms", "p50 ms", 8),
    ("client_p95_ms", "p95 ms", 8),
    ("client_p50_ratio", "p50 x", 6),
    ("client_p95_ratio", "p95 x", 6),
    ("server_p50_ms", "srv p50", 8),
    ("server_p95_ms", "srv p95", 8),
    ("server_p50_ratio", "srv50 x", 7),
    ("server_p95_ratio", "srv95 x", 7),
)


def format_table(rows: Sequence[dict[str, object]]) -> str:
    header = "  ".join(_cell(label, width, left=key == "scenario") for key, label, width in COLUMNS)
    lines = [header, "-" * len(header)]
    for row in rows:
        cells = [
            _cell(_show(row.get(key)), width, left=key == "scenario") for key, _, width in COLUMNS
        ]
        lines.append("  ".join(cells) + _verdict(row))
    return "\n".join(lines)


def within_target(row: dict[str, object]) -> bool | None:
    """Whether both client-side ratios are within the target; None when unknown."""
    ratios = [row.get("client_p50_ratio"), row.get("client_p95_ratio")]
    if any(not isinstance(value, float | int) for value in ratios):
        return None
    return all(float(value) <= TARGET_RATIO for value in ratios)  # type: ignore[arg-type]


def _verdict(row: dict[str, object]) -> str:
    verdict = within_target(row)
    if verdict is None or row.get("baseline"):
        return ""
    return "  ok" if verdict else f"  OVER {TARGET_RATIO:g}x"


def _show(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _cell(text: str, width: int, *, left: bool) -> str:
    return text.ljust(width) if left else text.rjust(width)
