"""The start page's form: what it offers (choices) and what a visitor sent (the form's values).

The form posts plain fields so that it works without JavaScript: interest chips and liked
objects are checkboxes, the time budget is a preset (radio) or "other" with a number of
minutes, and a free theme may be typed ("shipwrecks"). ``ask_arguments`` turns the values into
the keyword arguments of ``tours.tour_requests.read_tour_ask``, which checks them.
"""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from exhibition.models import CollectionObject
from tours.gallery import selectors as gallery
from tours.models import InterestKind, Room, TourMode, VisitorProfile
from tours.recommending.interests import MAX_THEME_CHARS, InterestChoices
from tours.selectors.history import added_to_tour_objects, liked_objects

BUDGET_PRESETS = (30, 60, 90, 120)
CUSTOM = "custom"
DEFAULT_BUDGET = "60"
# Pace multiplies viewing times: the choices a visitor understands, as tour_requests bounds it.
PACES: tuple[tuple[str, str | Promise], ...] = (
    ("0.75", pgettext_lazy("pace", "Brisk")),
    ("1", pgettext_lazy("pace", "Typical")),
    ("1.5", pgettext_lazy("pace", "Unhurried")),
)
MAX_LIKED_SHOWN = 24
MAX_FIELD_CHARS = 200


@dataclass(frozen=True)
class Chip:
    key: str  # "kind:value", as the form posts it
    label: str
    objects: int


@dataclass(frozen=True)
class ChipGroup:
    legend: str | Promise  # a lazy label, worded in the page's language when shown
    chips: list[Chip]


@dataclass
class StartForm:
    """The values of the start form, as sent (re-shown as they were when it is refused)."""

    interests: list[str] = field(default_factory=list)
    theme_words: str = ""
    liked: list[str] = field(default_factory=list)
    budget: str = DEFAULT_BUDGET
    custom_minutes: str = ""
    pace: str = "1"
    step_free: bool = False
    start_room: str = ""
    end_room: str = ""
    mode: str = str(TourMode.BUILDING)

    @classmethod
    def from_post(cls, data: QueryDict) -> "StartForm":
        def text(name: str, default: str = "") -> str:
            return str(data.get(name, default)).strip()[:MAX_FIELD_CHARS]

        return cls(
            interests=data.getlist("interest"),
            theme_words=text("theme_words"),
            liked=data.getlist("liked"),
            budget=text("budget"),
            custom_minutes=text("custom_minutes"),
            pace=text("pace", "1"),
            step_free=text("step_free") in {"on", "true", "1"},
            start_room=text("start_room"),
            end_room=text("end_room"),
            mode=text("mode", str(TourMode.BUILDING)),
        )

    @property
    def budget_minutes(self) -> str:
        """A preset's minutes, or the number typed for "other" (read_tour_ask checks it)."""
        if self.budget == CUSTOM or not self.budget:
            return self.custom_minutes
        return self.budget

    def ask_arguments(self, choices: InterestChoices) -> dict[str, Any]:
        interests = list(self.interests)
        if self.theme_words:
            interests.append(f"{InterestKind.THEME}:{self.theme_words[:MAX_THEME_CHARS]}")
        return {
            "mode": self.mode,
            "budget_minutes": self.budget_minutes,
            "interests": interests,
            "liked": self.liked,
            "pace": self.pace,
            "step_free": self.step_free,
            "start_room": self.start_room,
            "end_room": self.end_room,
            "choices": choices,
        }


@dataclass(frozen=True)
class StartChoices:
    """What the start page offers: interest chips, liked objects, the map's ways in and out."""

    chip_groups: list[ChipGroup]
    liked: list[CollectionObject]
    starts: list[Room]
    ends: list[Room]
    has_map: bool
    budget_presets: tuple[int, ...] = BUDGET_PRESETS
    paces: tuple[tuple[str, str | Promise], ...] = PACES


def start_choices(*, choices: InterestChoices, profile: VisitorProfile | None) -> StartChoices:
    gallery_map = gallery.current_map()
    labels = dict(InterestKind.choices)
    groups = [
        ChipGroup(
            legend=labels.get(kind, kind),
            chips=[Chip(f"{c.kind}:{c.value}", c.label, c.objects) for c in chips],
        )
        for kind, chips in choices.chips().items()
        if chips
    ]
    return StartChoices(
        chip_groups=groups,
        liked=_liked_objects(profile),
        starts=gallery.entrances(gallery_map=gallery_map) if gallery_map else [],
        ends=gallery.exits(gallery_map=gallery_map) if gallery_map else [],
        has_map=gallery_map is not None,
    )


def _liked_objects(profile: VisitorProfile | None) -> list[CollectionObject]:
    """Objects the visitor added to their tour, then those they like (public now, latest
    first)."""
    if profile is None:
        return []
    # Titles are shown in the page's language: their translations come in one query.
    added = list(
        added_to_tour_objects(profile=profile).prefetch_related("translations")[:MAX_LIKED_SHOWN]
    )
    liked = [
        o
        for o in liked_objects(profile=profile).prefetch_related("translations")[:MAX_LIKED_SHOWN]
        if o not in added
    ]
    return (added + liked)[:MAX_LIKED_SHOWN]


def initial_start_form(profile: VisitorProfile | None) -> StartForm:
    """A blank form, with the objects the visitor added to their tour already ticked."""
    if profile is None:
        return StartForm()
    added = added_to_tour_objects(profile=profile)[:MAX_LIKED_SHOWN]
    return StartForm(liked=[obj.slug for obj in added])
