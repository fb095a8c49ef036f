"""How a floor number reads to a visitor."""

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

NAMES: dict[int, Promise] = {
    -2: gettext_lazy("second basement"),
    -1: gettext_lazy("basement"),
    0: gettext_lazy("ground floor"),
    1: pgettext_lazy("building", "first floor"),
    2: pgettext_lazy("building", "second floor"),
    3: pgettext_lazy("building", "third floor"),
    4: pgettext_lazy("building", "fourth floor"),
}


def floor_name(floor: int) -> str:
    """'ground floor' for 0, 'first floor' for 1 (British usage, as on museum plans)."""
    name = NAMES.get(floor)
    return str(name) if name is not None else _("floor %(number)s") % {"number": floor}
