"""What a visitor asks a tour for, read from a form or an API body and checked.

Bad numbers are refused with a message (budget ≤ 0 or over the maximum, a pace out of range,
an unknown mode); unknown interests and objects are not errors: they are reported back as
notices and left out, so a stale link or an old bookmark still gets a tour.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from exhibition.selectors import public_object_ids, public_objects
from tours.models import TourMode
from tours.recommending.base import Interest
from tours.recommending.interests import InterestChoices, parse_interest, validate_interests

MIN_PACE, MAX_PACE = 0.5, 2.0
MAX_INTERESTS = 20
MAX_LIKED = 50
MAX_ROOM_LENGTH = 100


class TourRequestError(ValueError):
    """The request cannot be planned as given; the message says why (HTTP 400)."""

    status_code = 400


@dataclass(frozen=True)
class TourAsk:
    """A checked request: what to plan, and what was left out of it and why (``notices``)."""

    mode: str
    budget_minutes: int
    interests: tuple[Interest, ...] = ()
    liked_ids: tuple[int, ...] = ()
    pace: float = 1.0
    step_free: bool = False
    start_room: str = ""
    end_room: str = ""
    notices: tuple[str, ...] = ()

    @property
    def budget_seconds(self) -> int:
        return self.budget_minutes * 60

    def as_json(self) -> dict[str, Any]:
        """What a tour keeps of its request, to re-plan from it."""
        return {
            "mode": self.mode,
            "budget_minutes": self.budget_minutes,
            "interests": [interest.key for interest in self.interests],
            "liked_ids": list(self.liked_ids),
            "pace": self.pace,
            "step_free": self.step_free,
            "start_room": self.start_room,
            "end_room": self.end_room,
        }


def read_tour_ask(
    *,
    mode: Any = TourMode.BUILDING,
    budget_minutes: Any,
    interests: Iterable[Any] = (),
    liked: Iterable[Any] = (),
    pace: Any = 1.0,
    step_free: Any = False,
    start_room: Any = "",
    end_room: Any = "",
    choices: InterestChoices | None = None,
) -> TourAsk:
    """Checks a request; ``liked`` are object slugs, ``interests`` "kind:value" strings."""
    notices: list[str] = []
    chosen = _interests(list(interests), choices, notices)
    liked_ids = _liked_ids(list(liked), notices)
    return TourAsk(
        mode=_mode(mode),
        budget_minutes=_budget(budget_minutes),
        interests=chosen,
        liked_ids=liked_ids,
        pace=_pace(pace),
        step_free=_flag(step_free),
        start_room=_room(start_room, "start_room"),
        end_room=_room(end_room, "end_room"),
        notices=tuple(notices),
    )


def tour_ask_from_json(data: Mapping[str, Any]) -> TourAsk:
    """A stored request (``TourAsk.as_json``) read back, for a re-plan; its objects re-checked."""
    liked_ids = [oid for oid in data.get("liked_ids", []) if isinstance(oid, int)]
    visible = set(public_objects().filter(pk__in=liked_ids).values_list("pk", flat=True))
    return TourAsk(
        mode=str(data.get("mode", TourMode.BUILDING)),
        budget_minutes=int(data.get("budget_minutes", 60)),
        interests=tuple(
            interest
            for key in data.get("interests", [])
            if (interest := parse_interest(str(key))) is not None
        ),
        liked_ids=tuple(oid for oid in liked_ids if oid in visible),
        pace=float(data.get("pace", 1.0)),
        step_free=bool(data.get("step_free", False)),
        start_room=str(data.get("start_room", "")),
        end_room=str(data.get("end_room", "")),
    )


def _mode(value: Any) -> str:
    if value in (None, ""):
        return str(TourMode.BUILDING)
    if value not in TourMode.values:
        raise TourRequestError(
            _("mode must be one of %(modes)s, not %(value)r")
            % {"modes": ", ".join(TourMode.values), "value": str(value)[:40]}
        )
    return str(value)


def _budget(value: Any) -> int:
    most = settings.TOURS_MAX_BUDGET_MINUTES
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        raise TourRequestError(_("budget_minutes must be a number of minutes")) from None
    if not minutes > 0:
        raise TourRequestError(_("budget_minutes must be more than 0 minutes"))
    if minutes > most:
        raise TourRequestError(
            _("budget_minutes can be at most %(most)d minutes (%(hours)d hours)")
            % {"most": most, "hours": most // 60}
        )
    return max(1, round(minutes))


def _pace(value: Any) -> float:
    try:
        pace = float(value if value not in (None, "") else 1.0)
    except (TypeError, ValueError):
        raise TourRequestError(_("pace must be a number (1 is a typical visitor)")) from None
    if not MIN_PACE <= pace <= MAX_PACE:
        raise TourRequestError(
            _("pace must be from %(low)s (brisk) to %(high)s (unhurried), not %(pace)s")
            % {"low": MIN_PACE, "high": MAX_PACE, "pace": f"{pace:g}"}
        )
    return pace


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"on", "true", "1", "yes"}


def _room(value: Any, name: str) -> str:
    # A null character is in no room's slug (and PostgreSQL refuses it in a query): replaced,
    # the room is then reported as unknown like any other.
    room = "" if value is None else str(value).strip().replace("\x00", "\ufffd")
    if len(room) > MAX_ROOM_LENGTH:
        raise TourRequestError(_("%(field)s is too long") % {"field": name})
    return room


def _interests(
    values: list[Any], choices: InterestChoices | None, notices: list[str]
) -> tuple[Interest, ...]:
    if len(values) > MAX_INTERESTS:
        raise TourRequestError(_("choose at most %(count)d interests") % {"count": MAX_INTERESTS})
    parsed: list[Interest] = []
    for value in values:
        interest = None if "\x00" in str(value) else parse_interest(str(value)[:200])
        if interest is None:
            notices.append(_unknown_interest(str(value)[:200]))
        else:
            parsed.append(interest)
    kept, unknown = validate_interests(parsed, choices=choices)
    notices.extend(_unknown_interest(key) for key in unknown)
    return tuple(kept)


def _unknown_interest(key: str) -> str:
    return _("Unknown interest %(key)r was left out.") % {"key": key}


def _liked_ids(slugs: list[Any], notices: list[str]) -> tuple[int, ...]:
    if len(slugs) > MAX_LIKED:
        raise TourRequestError(_("name at most %(count)d liked objects") % {"count": MAX_LIKED})
    wanted = [str(slug)[:200] for slug in slugs]
    # A null character cannot be in a slug (and PostgreSQL refuses it in a query).
    findable = [slug for slug in wanted if "\x00" not in slug]
    found = public_object_ids(slugs=findable)
    for slug in wanted:
        if slug not in found:
            notices.append(_("Unknown object %(slug)r was left out.") % {"slug": slug})
    return tuple(dict.fromkeys(found[slug] for slug in wanted if slug in found))
