"""A visitor's history: what they like, viewed, skipped and picked for a tour.

Only public objects are ever returned: an object made restricted or draft after a visitor
liked it drops out of every list here (its interactions stay until the retention purge).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum

from exhibition.models import CollectionObject
from exhibition.selectors import public_objects
from tours.models import Interaction, InteractionKind, VisitorProfile

LIKE_KINDS = (InteractionKind.LIKE, InteractionKind.UNLIKE)


@dataclass(frozen=True)
class ViewedObject:
    collection_object: CollectionObject
    views: int
    dwell_seconds: int  # over all views, those without a dwell time counting 0
    last_viewed_at: datetime


@dataclass(frozen=True)
class VisitorHistory:
    """Ids of public objects, the latest first: what a recommender or planner takes in."""

    liked_ids: tuple[int, ...]
    added_to_tour_ids: tuple[int, ...]
    skipped_ids: tuple[int, ...]
    viewed_ids: tuple[int, ...]


@dataclass(frozen=True)
class ObjectStates:
    """What a page needs to show its buttons: which of the objects asked about are liked and
    already picked for a tour."""

    liked: frozenset[str]
    added_to_tour: frozenset[str]


def _latest(profile: VisitorProfile, kinds: Collection[str]) -> QuerySet[Interaction]:
    return Interaction.objects.filter(
        profile=profile, collection_object=OuterRef("pk"), kind__in=kinds
    ).order_by("-created_at", "-pk")


def _touched(profile: VisitorProfile, kinds: Collection[str]) -> QuerySet[CollectionObject]:
    """Public objects with an interaction of these kinds, the latest one's first."""
    latest = _latest(profile, kinds)
    return (
        public_objects()
        .filter(
            pk__in=Interaction.objects.filter(profile=profile, kind__in=kinds).values(
                "collection_object"
            )
        )
        .annotate(
            latest_kind=Subquery(latest.values("kind")[:1]),
            latest_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("-latest_at", "-pk")
    )


def liked_objects(*, profile: VisitorProfile) -> QuerySet[CollectionObject]:
    """Objects the visitor likes now: liked, and not unliked since; latest like first."""
    # Q: the annotation made in _touched is not visible to django-stubs here.
    return _touched(profile, LIKE_KINDS).filter(Q(latest_kind=InteractionKind.LIKE))


def skipped_objects(*, profile: VisitorProfile) -> QuerySet[CollectionObject]:
    return _touched(profile, [InteractionKind.SKIP])


def added_to_tour_objects(*, profile: VisitorProfile) -> QuerySet[CollectionObject]:
    """Objects the visitor asked to have on their tour ("Add to my tour")."""
    return _touched(profile, [InteractionKind.ADD_TO_TOUR])


def viewed_objects(*, profile: VisitorProfile, limit: int = 200) -> list[ViewedObject]:
    """Objects viewed, most recent first, with the number of views and total dwell time."""
    rows = list(
        Interaction.objects.filter(
            profile=profile,
            kind=InteractionKind.VIEW,
            collection_object__in=public_objects(),
        )
        .values("collection_object")
        .annotate(views=Count("pk"), dwell=Sum("dwell_seconds"), last=Max("created_at"))
        .order_by("-last", "-collection_object")[:limit]
    )
    objects = public_objects().in_bulk([row["collection_object"] for row in rows])
    return [
        ViewedObject(
            objects[row["collection_object"]], row["views"], row["dwell"] or 0, row["last"]
        )
        for row in rows
        if row["collection_object"] in objects
    ]


def visitor_history(*, profile: VisitorProfile, limit: int = 200) -> VisitorHistory:
    def ids(objects: QuerySet[CollectionObject]) -> tuple[int, ...]:
        return tuple(objects.values_list("pk", flat=True)[:limit])

    return VisitorHistory(
        liked_ids=ids(liked_objects(profile=profile)),
        added_to_tour_ids=ids(added_to_tour_objects(profile=profile)),
        skipped_ids=ids(skipped_objects(profile=profile)),
        viewed_ids=tuple(
            v.collection_object.pk for v in viewed_objects(profile=profile, limit=limit)
        ),
    )


def object_states(*, profile: VisitorProfile | None, slugs: Collection[str]) -> ObjectStates:
    if profile is None or not slugs:
        return ObjectStates(frozenset(), frozenset())
    liked = liked_objects(profile=profile).filter(slug__in=slugs).values_list("slug", flat=True)
    added = (
        added_to_tour_objects(profile=profile).filter(slug__in=slugs).values_list("slug", flat=True)
    )
    return ObjectStates(frozenset(liked), frozenset(added))
