"""What one standard's check found: how many things it checked, and why each failure failed."""

import time
from dataclasses import dataclass, field
from typing import Any

# Failures kept with their reasons (the counts stay exact beyond it).
MAX_KEPT_FAILURES = 50


@dataclass
class CheckResult:
    standard: str
    validator: str
    checked: int = 0
    passed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    failed: int = 0
    # Said beside the row: what was not checked, and why (a missing validator, a time limit).
    notes: list[str] = field(default_factory=list)

    def record(self, subject: str, problems: list[str]) -> None:
        """One subject checked: passed when it has no problems."""
        self.checked += 1
        if not problems:
            self.passed += 1
            return
        self.failed += 1
        if len(self.failures) < MAX_KEPT_FAILURES:
            self.failures.append((subject, "; ".join(problems)[:500]))

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.checked > 0

    def as_json(self) -> dict[str, Any]:
        return {
            "standard": self.standard,
            "validator": self.validator,
            "checked": self.checked,
            "passed": self.passed,
            "failed": self.failed,
            "failures": [{"subject": s, "reason": r} for s, r in self.failures],
            "notes": self.notes,
        }


class Deadline:
    """A check's time limit: subjects left when it passes are counted as failed, not skipped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.ends

    def remaining(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def reason(self) -> str:
        return f"not checked: the {self.seconds:g} s time limit passed"
