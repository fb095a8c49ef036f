"""Reads only the API needs beyond ``exhibition.selectors``: exhibitions with counts.

Every count is of public objects only.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from exhibition.models import Exhibition, Visibility
from exhibition.selectors import public_exhibitions


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
