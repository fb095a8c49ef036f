"""Reading an evaluation file: JSON Lines of {"query", "relevant", optional "grades"}."""

import json
from dataclasses import dataclass
from pathlib import Path


class QueryFileError(ValueError):
    """A query file that cannot be read; the message names the line."""


@dataclass(frozen=True)
class EvalQuery:
    query: str
    grades: dict[str, float]  # slug -> grade (> 0 means relevant)


def _parse_line(number: int, line: str) -> EvalQuery:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise QueryFileError(f"line {number}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise QueryFileError(f"line {number}: expected an object")
    query, relevant = record.get("query"), record.get("relevant")
    if not isinstance(query, str) or not query.strip():
        raise QueryFileError(f"line {number}: 'query' must be a non-empty string")
    if not isinstance(relevant, list) or not all(isinstance(s, str) for s in relevant):
        raise QueryFileError(f"line {number}: 'relevant' must be a list of slugs")
    given = record.get("grades") or {}
    if not isinstance(given, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in given.values()
    ):
        raise QueryFileError(f"line {number}: 'grades' must map slugs to numbers")
    grades = {slug: 1.0 for slug in relevant}
    grades.update({str(slug): float(grade) for slug, grade in given.items()})
    return EvalQuery(query=query, grades=grades)


def read_queries(path: Path) -> list[EvalQuery]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryFileError(f"cannot read {path}: {exc}") from None
    queries = [
        _parse_line(number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not queries:
        raise QueryFileError(f"{path} holds no queries")
    return queries
