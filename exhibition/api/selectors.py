"""Reads the API needs beyond ``exhibition.selectors``: agents, places and counts.

Every count is of public objects only, and an agent or place none of whose objects is
public is left out altogether, so nothing about restricted or draft material (not
even that a maker has some) can be learnt here.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from exhibition.models import (
    Agent,
    Exhibition,
    ExhibitionSection,
    Place,
    Visibility,
)
from exhibition.selectors import exhibition_section_objects, public_exhibitions

_PUBLIC_VIA_LINKS = Q(object_links__collection_object__visibility=Visibility.PUBLIC)
_PUBLIC_VIA_OBJECTS = Q(collection_objects__visibility=Visibility.PUBLIC)


def public_agents() -> QuerySet[Agent]:
    return (
        Agent.objects.annotate(
            object_count=Count(
                "object_links__collection_object", filter=_PUBLIC_VIA_LINKS, distinct=True
            )
        )
        .filter(object_count__gt=0)
        .order_by("name", "pk")
    )


def get_public_agent(slug: str) -> Agent:
    try:
        return public_agents().get(slug=slug)
    except Agent.DoesNotExist:
        raise Http404(f"No agent '{slug}' with public objects.") from None


def public_places() -> QuerySet[Place]:
    return (
        Place.objects.annotate(
            object_count=Count("collection_objects", filter=_PUBLIC_VIA_OBJECTS, distinct=True)
        )
        .filter(object_count__gt=0)
        .order_by("name", "pk")
    )


def get_public_place(slug: str) -> Place:
    try:
        return public_places().get(slug=slug)
    except Place.DoesNotExist:
        raise Http404(f"No place '{slug}' with public objects.") from None


def public_exhibitions_with_counts() -> QuerySet[Exhibition]:
    public_in_sections = Q(
        sections__section_objects__collection_object__visibility=Visibility.PUBLIC
    )
    # An aggregate drops the model's default ordering, so it is restated.
    return (
        public_exhibitions()
        .annotate(
            object_count=Count(
                "sections__section_objects__collection_object",
                filter=public_in_sections,
                distinct=True,
            )
        )
        .order_by("order", "title", "pk")
    )


def get_public_exhibition_with_counts(slug: str) -> Exhibition:
    try:
        return public_exhibitions_with_counts().get(slug=slug)
    except Exhibition.DoesNotExist:
        raise Http404(f"No public exhibition '{slug}'.") from None


def exhibition_sections(*, exhibition: Exhibition) -> list[ExhibitionSection]:
    """The exhibition's sections in order, each with ``public_items``: its public objects."""
    items = list(exhibition_section_objects(exhibition=exhibition))
    sections = list(ExhibitionSection.objects.filter(exhibition=exhibition).order_by("order", "pk"))
    by_section: dict[int, list[object]] = {section.pk: [] for section in sections}
    for item in items:
        by_section[item.section_id].append(item)
    for section in sections:
        section.public_items = by_section[section.pk]  # type: ignore[attr-defined]
    return sections
