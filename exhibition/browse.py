"""Browse filters, facets and sorting, shared by the browse page and the objects API.

Parameters are validated strictly: an unknown parameter or a bad value raises
``BrowseParamError`` with a message a person can act on (the API answers 400 with it).
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from exhibition.models import CollectionObject, ObjectModel3D, Restoration, ReviewStatus
from exhibition.models.collection import culture_group
from exhibition.selectors import public_objects_with_media

SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "date": ("sort_year", "title", "pk"),
    "-date": ("-sort_year", "title", "pk"),
    "recent": ("-created_at", "-pk"),
}
# Lazy: the page shows them in the visitor's language, the API schema in English.
SORT_LABELS = {
    "title": gettext_lazy("Title A–Z"),
    "-title": gettext_lazy("Title Z–A"),
    "date": gettext_lazy("Oldest first"),
    "-date": gettext_lazy("Newest first"),
    "recent": gettext_lazy("Recently added"),
}
MULTI_PARAMS = ("type", "culture", "century")
SINGLE_PARAMS = ("has_3d", "has_restoration", "agent", "place", "date_from", "date_to", "sort")
PAGING_PARAMS = ("page", "page_size", "format", "cursor")
KNOWN_PARAMS = frozenset(MULTI_PARAMS + SINGLE_PARAMS + PAGING_PARAMS)
MIN_YEAR, MAX_YEAR = -10_000, 3_000


class BrowseParamError(ValueError):
    """A browse parameter that cannot be honoured; the message says why."""


@dataclass(frozen=True)
class BrowseQuery:
    object_types: tuple[str, ...] = ()
    cultures: tuple[str, ...] = ()
    centuries: tuple[int, ...] = ()
    has_3d: bool | None = None
    has_restoration: bool | None = None
    agent: str = ""
    place: str = ""
    date_from: int | None = None
    date_to: int | None = None
    sort: str = "title"

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.object_types
            or self.cultures
            or self.centuries
            or self.has_3d is not None
            or self.has_restoration is not None
            or self.agent
            or self.place
            or self.date_from is not None
            or self.date_to is not None
        )


def _parse_bool(name: str, raw: str) -> bool | None:
    value = raw.strip().lower()
    if value == "":
        return None
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise BrowseParamError(
        _("'%(name)s' must be true or false, not '%(raw)s'.") % {"name": name, "raw": raw}
    )


def _parse_year(name: str, raw: str) -> int | None:
    if raw.strip() == "":
        return None
    try:
        year = int(raw)
    except ValueError:
        raise BrowseParamError(
            _("'%(name)s' must be a whole year such as 1850, not '%(raw)s'.")
            % {"name": name, "raw": raw}
        ) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BrowseParamError(
            _("'%(name)s' must be between %(min)s and %(max)s.")
            % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return year


def _parse_century(raw: str) -> int:
    try:
        century = int(raw)
    except ValueError:
        raise BrowseParamError(
            _("'century' must be a whole number such as 19 (1801–1900), not '%(raw)s'.")
            % {"raw": raw}
        ) from None
    if century == 0 or not -100 <= century <= 30:
        raise BrowseParamError(_("'century' must be between -100 and 30, and not 0."))
    return century


def parse_browse_params(params: QueryDict, *, allow_unknown: bool = False) -> BrowseQuery:
    unknown = sorted(set(params.keys()) - KNOWN_PARAMS)
    if unknown and not allow_unknown:
        known = ", ".join(sorted(KNOWN_PARAMS - {"format"}))
        raise BrowseParamError(
            _("Unknown filter %(unknown)s. Known filters: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": known}
        )
    sort = params.get("sort", "") or "title"
    if sort not in SORTS:
        raise BrowseParamError(
            _("'sort' must be one of %(sorts)s, not '%(sort)s'.")
            % {"sorts": ", ".join(SORTS), "sort": sort}
        )
    date_from = _parse_year("date_from", params.get("date_from", ""))
    date_to = _parse_year("date_to", params.get("date_to", ""))
    if date_from is not None and date_to is not None and date_from > date_to:
        # "From 1900 to 1800" means the same years as "from 1800 to 1900".
        date_from, date_to = date_to, date_from
    return BrowseQuery(
        object_types=tuple(v for v in params.getlist("type") if v),
        cultures=tuple(v for v in params.getlist("culture") if v),
        centuries=tuple(_parse_century(v) for v in params.getlist("century") if v),
        has_3d=_parse_bool("has_3d", params.get("has_3d", "")),
        has_restoration=_parse_bool("has_restoration", params.get("has_restoration", "")),
        agent=params.get("agent", "").strip(),
        place=params.get("place", "").strip(),
        date_from=date_from,
        date_to=date_to,
        sort=sort,
    )


def _century_expression() -> Case:
    year = Coalesce(F("date_start"), F("date_end"))
    return Case(
        When(
            Q(date_start__gt=0) | Q(date_start__isnull=True, date_end__gt=0),
            then=(year - 1) / 100 + 1,
        ),
        When(
            Q(date_start__lte=0) | Q(date_start__isnull=True, date_end__lte=0),
            then=-((-year - 1) / 100 + 1),
        ),
        default=Value(None),
        output_field=IntegerField(),
    )


def annotated_public_objects() -> QuerySet[CollectionObject]:
    has_3d = ObjectModel3D.objects.filter(collection_object=OuterRef("pk"))
    has_restoration = Restoration.objects.filter(
        source_image__collection_object=OuterRef("pk"),
        machine_output__status=ReviewStatus.APPROVED,
    )
    return public_objects_with_media().annotate(
        century_value=_century_expression(),
        sort_year=Coalesce(F("date_start"), F("date_end"), Value(MAX_YEAR + 1)),
        has_3d=Exists(has_3d),
        has_restoration=Exists(has_restoration),
    )


# Annotations are filtered through Q objects: the type checker only knows model fields.
def _apply_filters(
    queryset: QuerySet[CollectionObject], query: BrowseQuery, *, skip: str = ""
) -> QuerySet[CollectionObject]:
    if query.object_types and skip != "type":
        queryset = queryset.filter(object_type__in=query.object_types)
    if query.cultures and skip != "culture":
        queryset = queryset.filter(culture_filter(query.cultures))
    if query.centuries and skip != "century":
        queryset = queryset.filter(Q(century_value__in=query.centuries))
    if query.has_3d is not None and skip != "has_3d":
        queryset = queryset.filter(Q(has_3d=query.has_3d))
    if query.has_restoration is not None and skip != "has_restoration":
        queryset = queryset.filter(Q(has_restoration=query.has_restoration))
    if query.agent:
        queryset = queryset.filter(creator_links__agent__slug=query.agent)
    if query.place:
        queryset = queryset.filter(place__slug=query.place)
    # An object dated 1503–1519 matches any range it overlaps.
    if query.date_from is not None:
        queryset = queryset.filter(
            Q(date_end__gte=query.date_from)
            | Q(date_end__isnull=True, date_start__gte=query.date_from)
        )
    if query.date_to is not None:
        queryset = queryset.filter(
            Q(date_start__lte=query.date_to)
            | Q(date_start__isnull=True, date_end__lte=query.date_to)
        )
    return queryset.distinct() if query.agent else queryset


def culture_filter(cultures: tuple[str, ...]) -> Q:
    """Objects of any of these cultures: "Dutch Republic" includes "Dutch Republic (Delft)".

    A detailed value ("Dutch Republic (Delft)", from links made before cultures were
    grouped) still matches exactly that culture.
    """
    condition = Q(pk__in=[])
    for culture in cultures:
        condition |= Q(culture=culture) | Q(culture__startswith=f"{culture} (")
    return condition


def browse_objects(query: BrowseQuery) -> QuerySet[CollectionObject]:
    return _apply_filters(annotated_public_objects(), query).order_by(*SORTS[query.sort])


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def _facet(
    query: BrowseQuery, field_name: str, param: str, selected: tuple[Any, ...]
) -> list[FacetValue]:
    # Each facet counts with every *other* filter applied, so a visitor sees how many
    # results picking one more value of the same facet would add.
    rows = (
        _apply_filters(annotated_public_objects(), query, skip=param)
        .exclude(**{f"{field_name}__isnull": True})
        .order_by()
        .values(field_name)
        .annotate(n=Count("pk", distinct=True))
    )
    values = []
    for row in rows:
        raw = row[field_name]
        if raw == "" or raw is None:
            continue
        values.append(
            FacetValue(
                value=str(raw),
                label=facet_label(param, raw),
                count=row["n"],
                selected=raw in selected,
            )
        )
    if param == "century":
        values.sort(key=lambda v: int(v.value))
    else:
        values.sort(key=lambda v: (-v.count, v.label))
    return values


def _culture_facet(query: BrowseQuery) -> list[FacetValue]:
    """Cultures grouped by the part before " (", so "Dutch Republic (Delft)" counts under
    "Dutch Republic"; a selected detailed value keeps its own entry."""
    rows = (
        _apply_filters(annotated_public_objects(), query, skip="culture")
        .exclude(culture="")
        .order_by()
        .values_list("culture")
        .annotate(n=Count("pk", distinct=True))
    )
    groups: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    for culture, n in rows:
        groups[culture_group(culture)] += n
        exact[culture] += n
    values = [
        FacetValue(value=name, label=name, count=n, selected=name in query.cultures)
        for name, n in groups.items()
        if name
    ]
    values += [
        FacetValue(value=culture, label=culture, count=exact[culture], selected=True)
        for culture in query.cultures
        if culture not in groups and culture in exact
    ]
    values.sort(key=lambda v: (-v.count, v.label))
    return values


def _boolean_facet(query: BrowseQuery, param: str, selected: bool | None) -> list[FacetValue]:
    counts = (
        _apply_filters(annotated_public_objects(), query, skip=param)
        .order_by()
        .values(param)
        .annotate(n=Count("pk", distinct=True))
    )
    return boolean_values({row[param]: row["n"] for row in counts}, selected)


def boolean_values(counts: dict[Any, int], selected: bool | None) -> list[FacetValue]:
    """A yes/no facet's two values, Yes first, from its counts keyed by True and False."""
    return [
        FacetValue(
            value="true",
            label=pgettext("filter value", "Yes"),
            count=counts.get(True, 0),
            selected=selected is True,
        ),
        FacetValue(
            value="false",
            label=pgettext("filter value", "No"),
            count=counts.get(False, 0),
            selected=selected is False,
        ),
    ]


def facet_label(param: str, raw: Any) -> str:
    if param == "century":
        return century_label(int(raw))
    if param == "type":
        return str(raw).capitalize()
    return str(raw)


def century_label(century: int) -> str:
    """ "19th century" or "5th century BCE" in English, "XIXe siècle" in French."""
    number = abs(century)
    # Translators choose the numerals: French museums write centuries in roman ("XIXe").
    roman = pgettext("century numerals", "arabic") == "roman"
    ordinal = (_roman(number) if roman else str(number)) + _ordinal_suffix(number)
    label = pgettext("century", "%(ordinal)s century") % {"ordinal": ordinal}
    if century < 0:
        return pgettext("century", "%(century)s BCE") % {"century": label}
    return label


def _ordinal_suffix(number: int) -> str:
    # The first gets its own message: French writes "Ier" but "XXIe".
    if number == 1:
        return pgettext("ordinal suffix of 1", "st")
    if 10 <= number % 100 <= 20:
        return pgettext("ordinal suffix", "th")
    if number % 10 == 1:
        return pgettext("ordinal suffix", "st")
    if number % 10 == 2:
        return pgettext("ordinal suffix", "nd")
    if number % 10 == 3:
        return pgettext("ordinal suffix", "rd")
    return pgettext("ordinal suffix", "th")


def _roman(number: int) -> str:
    numerals = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX")]
    numerals += [(5, "V"), (4, "IV"), (1, "I")]
    roman = ""
    for value, numeral in numerals:
        count, number = divmod(number, value)
        roman += numeral * count
    return roman


def browse_facets(query: BrowseQuery) -> dict[str, list[FacetValue]]:
    return {
        "type": _facet(query, "object_type", "type", query.object_types),
        "culture": _culture_facet(query),
        "century": _facet(query, "century_value", "century", query.centuries),
        "has_3d": _boolean_facet(query, "has_3d", query.has_3d),
        "has_restoration": _boolean_facet(query, "has_restoration", query.has_restoration),
    }
