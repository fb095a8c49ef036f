"""Template helpers for tour pages: durations as a visitor reads them."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(seconds: int | float | None) -> str:
    """Seconds as "41 min" or "1 h 5 min", rounded up to the minute."""
    total = max(0, int(seconds or 0))
    minutes = -(-total // 60)
    if minutes < 60:
        return _("%(minutes)d min") % {"minutes": minutes}
    hours, rest = divmod(minutes, 60)
    if rest:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    return _("%(hours)d h") % {"hours": hours}
