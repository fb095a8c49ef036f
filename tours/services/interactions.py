"""Recording what visitors did with objects: views (with dwell time), likes, skips, tour picks.

One batch comes from one visitor's browser (object pages, search results, tour pages) or
from an API client. Each item is checked on its own: an unknown, restricted or draft object
or a bad value is reported for that item and the rest of the batch is kept. Restricted and
draft objects answer exactly as unknown ones, so the answer never reveals that they exist.
"""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from exhibition.selectors import public_object_ids
from tours.models import Interaction, InteractionKind, InteractionSource, VisitorProfile

# A view longer than this is a tab left open (or a kiosk left alone), not a visitor looking.
MAX_DWELL_SECONDS = 4 * 3600
MAX_SLUG_LENGTH = 200  # CollectionObject.slug's length
# Simulated interactions are written by the evaluation's own command, never by visitors.
VISITOR_SOURCES = frozenset(InteractionSource.values) - {InteractionSource.SIMULATED.value}
NOT_PUBLIC = "No public object has this slug."


class BatchTooLarge(ValueError):
    """More items than TOURS_INTERACTIONS_MAX_BATCH in one call."""


@dataclass(frozen=True)
class InteractionItem:
    object_slug: str
    kind: str
    source: str
    dwell_seconds: int | None = None


@dataclass(frozen=True)
class ItemResult:
    """What became of one item, by its position in the batch; ``reason`` when refused."""

    index: int
    object_slug: str
    recorded: bool
    reason: str = ""


def interaction_item_problem(item: InteractionItem, *, sources: Collection[str]) -> str | None:
    """Why this item cannot be recorded (its object aside), or None."""
    if not item.object_slug or len(item.object_slug) > MAX_SLUG_LENGTH:
        return f"The object slug must be 1 to {MAX_SLUG_LENGTH} characters."
    if item.kind not in InteractionKind.values:
        return f"Unknown kind {item.kind[:40]!r}; one of {', '.join(InteractionKind.values)}."
    if item.source not in sources:
        return f"Unknown source {item.source[:40]!r}; one of {', '.join(sorted(sources))}."
    if item.dwell_seconds is None:
        return None
    if item.kind != InteractionKind.VIEW:
        return "dwell_seconds is for views only."
    if not 0 <= item.dwell_seconds <= MAX_DWELL_SECONDS:
        return f"dwell_seconds must be 0 to {MAX_DWELL_SECONDS} (4 hours)."
    return None


def interactions_record(
    *,
    profile: VisitorProfile,
    items: Sequence[InteractionItem],
    sources: Collection[str] = VISITOR_SOURCES,
    at: datetime | None = None,
) -> list[ItemResult]:
    """Record the acceptable items for ``profile``; one result per item, in order.

    Items of one batch share one time (``at``, default now); within it they keep their
    order, so a like followed by an unlike in the same batch ends unliked.
    """
    limit = settings.TOURS_INTERACTIONS_MAX_BATCH
    if len(items) > limit:
        raise BatchTooLarge(f"At most {limit} interactions at once; got {len(items)}.")
    problems = [interaction_item_problem(item, sources=sources) for item in items]
    wanted = {
        item.object_slug for item, problem in zip(items, problems, strict=True) if problem is None
    }
    object_ids = public_object_ids(slugs=wanted)
    when = at or timezone.now()
    rows: list[Interaction] = []
    results: list[ItemResult] = []
    for index, (item, problem) in enumerate(zip(items, problems, strict=True)):
        reason = problem or ("" if item.object_slug in object_ids else NOT_PUBLIC)
        results.append(ItemResult(index, item.object_slug, recorded=not reason, reason=reason))
        if not reason:
            rows.append(_row(profile, object_ids[item.object_slug], item, when))
    if rows:
        with transaction.atomic():
            Interaction.objects.bulk_create(rows)
            # Retention counts from a visitor's last activity (see interactions_purge).
            VisitorProfile.objects.filter(pk=profile.pk).update(last_seen_at=timezone.now())
    return results


def _row(
    profile: VisitorProfile, object_id: int, item: InteractionItem, at: datetime
) -> Interaction:
    return Interaction(
        profile=profile,
        collection_object_id=object_id,
        kind=item.kind,
        source=item.source,
        dwell_seconds=item.dwell_seconds,
        created_at=at,
    )
