"""What an import reports: each problem with its line, and the counts at the end."""

from collections.abc import Callable
from dataclasses import dataclass, field

# Every problem is reported as it is found (``on_problem``); the summary keeps the first
# ones only, so that a file of a million bad lines cannot fill memory.
MAX_LISTED_PROBLEMS = 1000


@dataclass(frozen=True)
class ImportProblem:
    line: int
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"line {self.line} (id {self.record_id or '?'}): {self.reason}"


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    tiles_generated: int = 0
    # Of those, tile sets linked from an image with the same bytes rather than cut.
    tiles_reused: int = 0
    tiles_queued: int = 0
    tiles_failed: int = 0
    seconds: float = 0.0
    problems: list[ImportProblem] = field(default_factory=list)
    problems_not_listed: int = 0
    # A run that resumed an interrupted one: the last line that run committed, and how
    # many records it had read by then (its counts are not repeated here).
    resumed_after_line: int = 0
    resumed_records: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.tiles_failed

    def add_problem(self, problem: ImportProblem) -> None:
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)
        else:
            self.problems_not_listed += 1

    def count(self, status: str) -> None:
        if status == "created":
            self.created += 1
        elif status == "updated":
            self.updated += 1
        else:
            self.unchanged += 1

    def __str__(self) -> str:
        tiles = f"tiles generated {self.tiles_generated}"
        if self.tiles_reused:
            tiles += f" ({self.tiles_reused} from identical images)"
        if self.tiles_queued:
            tiles += f", tile sets queued {self.tiles_queued}"
        if self.tiles_failed:
            tiles += f", tile sets failed {self.tiles_failed}"
        text = (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"failed {self.failed}; {tiles}; {self.seconds:.1f} s"
        )
        if self.resumed_after_line:
            text += (
                f"; resumed after line {self.resumed_after_line} "
                f"({self.resumed_records} records read by the interrupted run)"
            )
        return text


ProblemHandler = Callable[[ImportProblem], None]
