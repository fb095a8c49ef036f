"""What visitors did, as rows a recommender learns from: from the database or from a file.

The same rows come from recorded interactions (public objects only) or from a simulated
log written by ``manage.py simulate_visitors`` (JSON Lines, objects named by slug), so that
the strategies the site serves are the ones the evaluation measures.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from exhibition.selectors import public_objects
from tours.models import Interaction, VisitorProfile

# How much one action says about a visitor's liking, and the dwell that makes a view count.
LIKE_WEIGHT = 3.0
ADD_TO_TOUR_WEIGHT = 2.0
LONG_VIEW_WEIGHT = 1.0
GLANCE_WEIGHT = 0.25
SKIP_WEIGHT = -1.0
LONG_VIEW_SECONDS = 30
POSITIVE = 1.0  # a preference at least this strong counts as "liked" for co-occurrence


@dataclass(frozen=True)
class InteractionRow:
    visitor: str
    object_id: int
    kind: str
    dwell_seconds: int | None
    at: datetime


def action_weight(row: InteractionRow) -> float:
    if row.kind == "unlike":
        return -LIKE_WEIGHT
    if row.kind == "like":
        return LIKE_WEIGHT
    if row.kind == "add_to_tour":
        return ADD_TO_TOUR_WEIGHT
    if row.kind == "skip":
        return SKIP_WEIGHT
    if row.kind == "view":
        long_view = (row.dwell_seconds or 0) >= LONG_VIEW_SECONDS
        return LONG_VIEW_WEIGHT if long_view else GLANCE_WEIGHT
    return 0.0


@dataclass
class InteractionLog:
    """Interaction rows in time order, and each simulated visitor's declared interests."""

    rows: list[InteractionRow]
    interests: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    dropped: int = 0  # rows naming objects that are not (or no longer) public

    def __post_init__(self) -> None:
        self.rows = sorted(self.rows, key=lambda row: (row.at, row.visitor, row.object_id))

    def by_visitor(self) -> dict[str, list[InteractionRow]]:
        grouped: dict[str, list[InteractionRow]] = defaultdict(list)
        for row in self.rows:
            grouped[row.visitor].append(row)
        return dict(grouped)

    def preferences(self) -> dict[str, dict[int, float]]:
        """Each visitor's liking of each object they met: actions summed, a like taken back
        undone, capped to [-1, 3] so one eager visitor cannot outweigh others."""
        liking: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        for row in self.rows:
            liking[row.visitor][row.object_id] += action_weight(row)
        return {
            visitor: {oid: max(-1.0, min(LIKE_WEIGHT, value)) for oid, value in objects.items()}
            for visitor, objects in liking.items()
        }

    def positive_sets(self) -> dict[str, set[int]]:
        return {
            visitor: {oid for oid, value in objects.items() if value >= POSITIVE}
            for visitor, objects in self.preferences().items()
        }

    def without(self, removed: Iterable[InteractionRow]) -> "InteractionLog":
        gone = set(removed)
        return InteractionLog(
            rows=[row for row in self.rows if row not in gone], interests=self.interests
        )


def log_from_database(*, since: datetime | None = None) -> InteractionLog:
    """Recorded interactions with public objects, visitors keyed by their profile's id."""
    rows = Interaction.objects.filter(collection_object__in=public_objects())
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    values = rows.values_list(
        "profile_id", "collection_object_id", "kind", "dwell_seconds", "created_at"
    )
    found = [
        InteractionRow(f"profile-{pid}", oid, kind, dwell, at)
        for pid, oid, kind, dwell, at in values.iterator()
    ]
    profiles = VisitorProfile.objects.filter(pk__in=rows.values("profile_id"))  # a subquery
    return InteractionLog(rows=found, interests=_chosen_interests(profiles))


def _chosen_interests(profiles: QuerySet[VisitorProfile]) -> dict[str, list[dict[str, str]]]:
    """The interest chips of these profiles (what visitors of a kind choose, for the groups)."""
    chosen: dict[str, list[dict[str, str]]] = {}
    for pid, interests in profiles.values_list("pk", "interests").iterator():
        if isinstance(interests, list):
            chosen[f"profile-{pid}"] = [
                {"kind": str(i.get("kind", "")), "value": str(i.get("value", ""))}
                for i in interests
                if isinstance(i, dict)
            ]
    return chosen


def first_liked(rows: Iterable[InteractionRow]) -> list[tuple[datetime, int]]:
    """(when, object) for each object one visitor came to like, in that order (rows in time
    order); "like" as ``InteractionLog.positive_sets`` counts it."""
    liking: dict[int, float] = defaultdict(float)
    moments: dict[int, datetime] = {}
    for row in rows:
        liking[row.object_id] += action_weight(row)
        if row.object_id not in moments and liking[row.object_id] >= POSITIVE:
            moments[row.object_id] = row.at
    return sorted((at, oid) for oid, at in moments.items())


class LogFileError(ValueError):
    """A log file that is not a Vitrine interaction log."""


def read_log_header(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        first = handle.readline()
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise LogFileError(f"{path}: the first line is not JSON ({exc}).") from None
    if not isinstance(header, dict) or "synthetic" not in header:
        raise LogFileError(f"{path}: the first line must be a header that says if it is synthetic.")
    return header


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        next(handle, None)  # the header
        for number, line in enumerate(handle, start=2):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LogFileError(f"{path}, line {number}: not JSON ({exc}).") from None
            if not isinstance(record, dict):
                raise LogFileError(f"{path}, line {number}: expected an object.")
            yield record


def log_from_file(path: Path) -> InteractionLog:
    """A log written by ``simulate_visitors``: a header line, then visitors and interactions.

    Objects are named by slug; rows naming an object that is not public are dropped and
    counted, so a log outlives changes to the collection.
    """
    read_log_header(path)
    ids = dict(public_objects().values_list("slug", "pk"))
    rows, interests, dropped = [], {}, 0
    for record in _records(path):
        try:
            if record.get("type") == "visitor":
                interests[str(record["visitor"])] = list(record.get("interests", []))
                continue
            oid = ids.get(str(record["object"]))
            if oid is None:
                dropped += 1
                continue
            rows.append(_row(record, oid))
        except (KeyError, TypeError, ValueError) as exc:
            raise LogFileError(f"{path}: a row is incomplete or malformed ({exc}).") from None
    return InteractionLog(rows=rows, interests=interests, dropped=dropped)


def _row(record: dict[str, Any], object_id: int) -> InteractionRow:
    dwell = record.get("dwell")
    return InteractionRow(
        visitor=str(record["visitor"]),
        object_id=object_id,
        kind=str(record["kind"]),
        dwell_seconds=None if dwell is None else int(dwell),
        at=datetime.fromisoformat(str(record["at"])),
    )
