"""The interests a visitor can pick, and the checking of interests a visitor sent.

Chips come from the public collection: themes from its tags, object types, periods by
century and cultures (culture groups, as browsing facets them). A theme may also be free
words ("shipwrecks"), which the content strategy matches by meaning; the other kinds must
name something the collection has, or they are reported as unknown.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from exhibition.browse import century_label
from exhibition.selectors import public_objects
from tours.models import InterestKind
from tours.recommending.base import Interest
from tours.recommending.catalogue import ObjectFacts

MAX_INTERESTS = 20
MAX_THEME_CHARS = 60
MIN_THEME_OBJECTS = 2  # a tag on a single object makes a poor chip
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class InterestChip:
    kind: str
    value: str
    label: str
    objects: int  # how many public objects it matches


def interest_label(interest: Interest) -> str:
    """What a visitor reads for an interest: "17th century", "painting", "Japan"."""
    if interest.kind == InterestKind.PERIOD:
        century = _century(interest.value)
        return century_label(century) if century is not None else interest.value
    return interest.value


def matches_record(facts: ObjectFacts, interest: Interest) -> bool:
    """Whether an object's record fields match an interest (a theme by its tags)."""
    value = interest.value.strip().lower()
    if interest.kind == InterestKind.OBJECT_TYPE:
        return facts.object_type == value
    if interest.kind == InterestKind.CULTURE:
        return facts.culture.lower() == value
    if interest.kind == InterestKind.PERIOD:
        return facts.century is not None and facts.century == _century(value)
    return value in facts.tags


def _century(value: str) -> int | None:
    try:
        century = int(value.strip())
    except ValueError:
        return None
    return century if century != 0 and -100 <= century <= 30 else None


def _collection_counts() -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in InterestKind.values}
    fields = ("object_type", "culture", "date_start", "date_end")
    for obj in public_objects().only(*fields):
        counts[InterestKind.OBJECT_TYPE][obj.object_type.strip().lower()] += 1
        if obj.culture_group:
            counts[InterestKind.CULTURE][obj.culture_group] += 1
        if obj.century is not None:
            counts[InterestKind.PERIOD][str(obj.century)] += 1
    tags = public_objects().values_list("tags__name", flat=True)
    counts[InterestKind.THEME].update(tag.strip().lower() for tag in tags if tag)
    return counts


@dataclass(frozen=True)
class InterestChoices:
    """What the public collection offers to be interested in, with how many objects each."""

    counts: dict[str, Counter[str]]

    def normalised(self, interest: Interest) -> Interest | None:
        """The interest as the recommender matches it, or None when the collection lacks it."""
        value = " ".join(interest.value.split())
        if interest.kind == InterestKind.THEME:
            fits = 0 < len(value) <= MAX_THEME_CHARS and _HAS_LETTER.search(value)
            return Interest(interest.kind, value.lower()) if fits else None
        if interest.kind == InterestKind.OBJECT_TYPE:
            found = value.lower() in self.counts[interest.kind]
            return Interest(interest.kind, value.lower()) if found else None
        if interest.kind == InterestKind.CULTURE:
            cultures = {culture.lower(): culture for culture in self.counts[interest.kind]}
            culture = cultures.get(value.lower())
            return Interest(interest.kind, culture) if culture else None
        if interest.kind == InterestKind.PERIOD:
            century = _century(value)
            found = century is not None and str(century) in self.counts[interest.kind]
            return Interest(interest.kind, str(century)) if found else None
        return None

    def knows(self, interest: Interest) -> bool:
        return self.normalised(interest) is not None

    def chips(self, *, per_kind: int = 24) -> dict[str, list[InterestChip]]:
        """The chips a start page offers, by kind, the most common first (periods in order)."""
        chips: dict[str, list[InterestChip]] = {}
        for kind, counts in self.counts.items():
            common = [
                (value, n)
                for value, n in counts.most_common()
                if value and (kind != InterestKind.THEME or n >= MIN_THEME_OBJECTS)
            ][:per_kind]
            if kind == InterestKind.PERIOD:
                common.sort(key=lambda item: int(item[0]))
            chips[kind] = [
                InterestChip(kind, value, interest_label(Interest(kind, value)), n)
                for value, n in common
            ]
        return chips


def interest_choices() -> InterestChoices:
    """The interests the public collection offers now (a few queries)."""
    return InterestChoices(counts=_collection_counts())


def parse_interest(raw: str) -> Interest | None:
    """ "theme:shipwrecks" -> Interest("theme", "shipwrecks"); None when not of that form."""
    kind, sep, value = raw.partition(":")
    value = " ".join(value.split())
    if not sep or kind not in InterestKind.values or not value:
        return None
    return Interest(kind, value)


def validate_interests(
    interests: Iterable[Interest], *, choices: InterestChoices | None = None
) -> tuple[list[Interest], list[str]]:
    """(known interests, normalised, without repeats; unknown ones as "kind:value")."""
    choices = choices or interest_choices()
    kept: dict[str, Interest] = {}
    unknown: list[str] = []
    for interest in interests:
        normal = choices.normalised(interest)
        if normal is None:
            unknown.append(interest.key)
        else:
            kept.setdefault(normal.key, normal)
    return list(kept.values())[:MAX_INTERESTS], unknown
