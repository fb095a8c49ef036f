"""The results as the closing-note table (plain text) or as JSON."""

import json

from interop.conformance.results import CheckResult

HEADINGS = ("standard", "validator or client", "checked", "passed", "failed")
# Failures printed under a row; --json has the first MAX_KEPT_FAILURES of each.
SHOWN_FAILURES = 3
VALIDATOR_WIDTH = 60


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def as_table(results: list[CheckResult]) -> str:
    rows = [
        (r.standard, _cut(r.validator, VALIDATOR_WIDTH), str(r.checked), str(r.passed),
         str(r.failed))
        for r in results
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in [HEADINGS, *rows]) for i in range(len(HEADINGS))]

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(
            cell.rjust(width) if i >= 2 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(HEADINGS), "-+-".join("-" * w for w in widths)]
    for result, row in zip(results, rows, strict=True):
        out.append(line(row))
        for subject, reason in result.failures[:SHOWN_FAILURES]:
            out.append(f"    ✗ {_cut(subject, 60)}: {_cut(reason, 200)}")
        if result.failed > SHOWN_FAILURES:
            out.append(f"    … and {result.failed - SHOWN_FAILURES} more failed")
        out.extend(f"    note: {note}" for note in result.notes)
    return "\n".join(out)


def as_json(results: list[CheckResult]) -> str:
    ok = all(r.ok for r in results)
    return json.dumps(
        {"ok": ok, "checks": [r.as_json() for r in results]}, ensure_ascii=False, indent=2
    )
