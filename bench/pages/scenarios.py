"""Which URLs each benchmark scenario requests, chosen from the public collection."""

from dataclasses import dataclass
from itertools import zip_longest
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse

from exhibition.models import CollectionObject, ObjectImage, ObjectModel3D
from exhibition.selectors import public_objects
from exhibition.views.browse import PAGE_SIZE as BROWSE_PAGE_SIZE

BASELINE = "minimal view"
MAX_OBJECT_PATHS = 60


class NothingToBenchmark(RuntimeError):
    """The configured database holds no public objects."""


@dataclass(frozen=True)
class Scenario:
    name: str
    paths: tuple[str, ...]


def build_scenarios() -> list[Scenario]:
    """The baseline first, then object pages (image, 3D) and the browse mix."""
    objects = public_objects()
    if not objects.exists():
        raise NothingToBenchmark("No public objects: import the collection first.")
    with_image = _slugs(objects.filter(pk__in=ObjectImage.objects.values("collection_object")))
    with_model = _slugs(objects.filter(pk__in=ObjectModel3D.objects.values("collection_object")))
    scenarios = [Scenario(BASELINE, (reverse("healthz"),))]
    if with_image:
        scenarios.append(Scenario("object page (image)", _object_paths(with_image)))
    if with_model:
        scenarios.append(Scenario("object page (3D)", _object_paths(with_model)))
    mixed = [slug for pair in zip_longest(with_image, with_model) for slug in pair if slug]
    if mixed:
        scenarios.append(Scenario("object page (mix)", _object_paths(mixed)))
    scenarios.append(Scenario("browse page (mix)", browse_paths()))
    return scenarios


def browse_paths() -> tuple[str, ...]:
    """Page 1, a facet filter on the commonest type, page 3 (or the last), sorted by date."""
    base = reverse("exhibition:browse")
    commonest = (
        public_objects()
        .values("object_type")
        .annotate(n=Count("pk"))
        .order_by("-n", "object_type")
        .first()
    )
    pages = max(1, -(-public_objects().count() // BROWSE_PAGE_SIZE))
    paths = [base, f"{base}?page={min(3, pages)}", f"{base}?sort=date"]
    if commonest:
        paths.insert(1, f"{base}?{urlencode({'type': commonest['object_type']})}")
    return tuple(paths)


def _slugs(queryset: QuerySet[CollectionObject]) -> list[str]:
    return list(queryset.order_by("slug").values_list("slug", flat=True)[:MAX_OBJECT_PATHS])


def _object_paths(slugs: list[str]) -> tuple[str, ...]:
    return tuple(reverse("exhibition:object-detail", kwargs={"slug": slug}) for slug in slugs)
