"""What the repository holds: public objects as records, withdrawn ones as deleted records.

Public records come only through exhibition's public selectors, so restricted and draft
material can never be disseminated. A deleted record is known from the append-only audit
log: every write to an object (admin edit or deletion, import) records its visibility
before and after, so "was public, is no longer" is read from there, including for
withdrawals made before this endpoint existed. An object that was never public leaves no
trace here at all: not even its identifier is given out.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Min, Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from exhibition.models import AuditLogEntry, CollectionObject, ObjectCreator, SectionObject
from exhibition.models import Visibility as _Visibility
from exhibition.selectors import public_exhibitions, public_objects
from exhibition.whole_numbers import natural_int
from interop.oai.arguments import DateRange

OBJECT_LABEL = CollectionObject._meta.label_lower
TYPE_SET, EXHIBITION_SET = "type", "exhibition"


@dataclass
class Record:
    """One item of the repository: a public object, or the header of a withdrawn one."""

    pk: int
    slug: str
    datestamp: datetime
    object_type: str
    obj: CollectionObject | None = None
    exhibitions: list[str] = field(default_factory=list)

    @property
    def deleted(self) -> bool:
        return self.obj is None

    @property
    def set_specs(self) -> list[str]:
        specs = [f"{TYPE_SET}:{slugify(self.object_type)}"] if slugify(self.object_type) else []
        return specs + [f"{EXHIBITION_SET}:{slug}" for slug in self.exhibitions]


@dataclass(frozen=True)
class SetFilter:
    """A setSpec resolved to what it selects; ``None`` selects everything on that axis."""

    object_types: frozenset[str] | None = None
    exhibition_slugs: frozenset[str] | None = None


def all_sets() -> list[tuple[str, str]]:
    """(setSpec, setName) of every set: the two roots, each object type, each exhibition."""
    sets = [(TYPE_SET, "Object types"), (EXHIBITION_SET, "Exhibitions")]
    names_by_slug: dict[str, str] = {}
    for object_type in public_objects().values_list("object_type", flat=True).distinct():
        names_by_slug.setdefault(slugify(object_type), object_type[:1].upper() + object_type[1:])
    sets += [(f"{TYPE_SET}:{s}", n) for s, n in sorted(names_by_slug.items()) if s]
    for slug, title in public_exhibitions().order_by("slug").values_list("slug", "title"):
        sets.append((f"{EXHIBITION_SET}:{slug}", title))
    return sets


def resolve_set(spec: str | None) -> SetFilter | None:
    """The records a setSpec selects; None when no such set exists (so nothing matches)."""
    if spec is None or spec == TYPE_SET:
        return SetFilter()
    exhibitions = set(public_exhibitions().values_list("slug", flat=True))
    if spec == EXHIBITION_SET:
        return SetFilter(exhibition_slugs=frozenset(exhibitions))
    axis, _, value = spec.partition(":")
    if axis == EXHIBITION_SET and value in exhibitions:
        return SetFilter(exhibition_slugs=frozenset({value}))
    if axis == TYPE_SET and value:
        # A withdrawn object's type too: a harvester of the set must hear of its deletion.
        types = set(public_objects().values_list("object_type", flat=True).distinct())
        types |= {record.object_type for record in withdrawn_records()}
        matching = frozenset(t for t in types if slugify(t) == value)
        return SetFilter(object_types=matching) if matching else None
    return None


def _public_records(dates: DateRange, sets: SetFilter) -> QuerySet[CollectionObject]:
    objects = public_objects()
    if dates.start is not None:
        objects = objects.filter(updated_at__gte=dates.start)
    if dates.end is not None:
        # Datestamps are to the second: an inclusive end takes in that whole second.
        objects = objects.filter(updated_at__lt=dates.end + timedelta(seconds=1))
    if sets.object_types is not None:
        objects = objects.filter(object_type__in=sets.object_types)
    if sets.exhibition_slugs is not None:
        shown = SectionObject.objects.filter(
            section__exhibition__in=public_exhibitions().filter(slug__in=sets.exhibition_slugs)
        )
        objects = objects.filter(pk__in=shown.values("collection_object_id"))
    return objects


def _with_metadata(objects: QuerySet[CollectionObject]) -> QuerySet[CollectionObject]:
    return objects.select_related("place").prefetch_related(
        Prefetch("creator_links", queryset=ObjectCreator.objects.select_related("agent")),
        "tags",
    )


def _as_record(obj: CollectionObject) -> Record:
    return Record(
        pk=obj.pk, slug=obj.slug, datestamp=obj.updated_at, object_type=obj.object_type, obj=obj
    )


def _in_range(record: Record, dates: DateRange, sets: SetFilter) -> bool:
    stamp = record.datestamp.replace(microsecond=0)
    if (dates.start and stamp < dates.start) or (dates.end and stamp > dates.end):
        return False
    if sets.object_types is not None and record.object_type not in sets.object_types:
        return False
    wanted = sets.exhibition_slugs
    return wanted is None or bool(wanted & set(record.exhibitions))


def record_page(
    *, dates: DateRange, sets: SetFilter, after_pk: int, limit: int
) -> tuple[list[Record], int]:
    """Up to ``limit`` records with a primary key above ``after_pk``, in key order, and how
    many match in all.

    The order is by key, not by datestamp, so that a record edited during a harvest neither
    jumps ahead (and is sent twice) nor drops out: it comes once, where it always was.
    """
    public = _public_records(dates, sets)
    withdrawn = [r for r in withdrawn_records() if _in_range(r, dates, sets)]
    following = public.filter(pk__gt=after_pk).order_by("pk")[:limit]
    page = [_as_record(obj) for obj in _with_metadata(following)]
    page += [r for r in withdrawn if r.pk > after_pk]
    page = sorted(page, key=lambda r: r.pk)[:limit]
    _attach_exhibitions([r for r in page if not r.deleted])
    return page, public.count() + len(withdrawn)


def find_record(slug: str) -> Record | None:
    """The public record or the deleted-record header for this slug, or None."""
    obj = _with_metadata(public_objects()).filter(slug=slug).first()
    if obj is not None:
        record = _as_record(obj)
        _attach_exhibitions([record])
        return record
    return next((r for r in withdrawn_records() if r.slug == slug), None)


def earliest_datestamp() -> datetime:
    earliest = public_objects().aggregate(first=Min("updated_at"))["first"]
    stamps = [r.datestamp for r in withdrawn_records()] + ([earliest] if earliest else [])
    return min(stamps, default=timezone.now())


def _attach_exhibitions(records: list[Record]) -> None:
    by_pk = {r.pk: r for r in records}
    for object_id, slug in _exhibition_links(by_pk):
        by_pk[object_id].exhibitions.append(slug)


def _exhibition_links(object_ids: Iterable[int]) -> list[tuple[int, str]]:
    return list(
        SectionObject.objects.filter(
            collection_object_id__in=list(object_ids),
            section__exhibition__in=public_exhibitions(),
        )
        .values_list("collection_object_id", "section__exhibition__slug")
        .order_by("section__exhibition__slug")
        .distinct()
    )


def withdrawn_records() -> list[Record]:
    """Headers of objects that were public and now are not (restricted, draft or deleted),
    dated by their latest withdrawal, in key order."""
    withdrawn_at: dict[int, datetime] = {}
    entries = AuditLogEntry.objects.filter(
        target_model=OBJECT_LABEL, changes__visibility__old=_Visibility.PUBLIC
    ).values_list("target_pk", "at")
    for pk_text, at in entries:
        pk = natural_int(pk_text)
        if pk is not None and (pk not in withdrawn_at or at > withdrawn_at[pk]):
            withdrawn_at[pk] = at
    if not withdrawn_at:
        return []
    records = [r for r in _withdrawn_headers(withdrawn_at) if r is not None]
    public_slugs = set(
        public_objects().filter(slug__in=[r.slug for r in records]).values_list("slug", flat=True)
    )
    latest: dict[str, Record] = {}
    for record in records:
        kept = latest.get(record.slug)
        if record.slug not in public_slugs and (kept is None or record.datestamp > kept.datestamp):
            latest[record.slug] = record
    _attach_exhibitions(list(latest.values()))
    return sorted(latest.values(), key=lambda r: r.pk)


def _withdrawn_headers(withdrawn_at: dict[int, datetime]) -> list[Record | None]:
    # Objects still here give their slug and type; deleted ones, their deletion's entry.
    stored = CollectionObject.objects.filter(pk__in=withdrawn_at).values_list(
        "pk", "slug", "object_type", "visibility"
    )
    known = {pk: (slug, kind, visibility) for pk, slug, kind, visibility in stored}
    gone = [str(pk) for pk in withdrawn_at if pk not in known]
    deleted: dict[int, tuple[str, str]] = defaultdict(lambda: ("", ""))
    for pk_text, changes in AuditLogEntry.objects.filter(
        target_model=OBJECT_LABEL, action=AuditLogEntry.Action.DELETED, target_pk__in=gone
    ).values_list("target_pk", "changes"):
        old = {name: (value or {}).get("old") for name, value in (changes or {}).items()}
        deleted[int(pk_text)] = (str(old.get("slug") or ""), str(old.get("object_type") or ""))
    headers: list[Record | None] = []
    for pk, at in withdrawn_at.items():
        if pk in known and known[pk][2] == _Visibility.PUBLIC:
            continue  # public again: an ordinary record
        slug, kind = known[pk][:2] if pk in known else deleted[pk]
        headers.append(Record(pk=pk, slug=slug, datestamp=at, object_type=kind) if slug else None)
    return headers
