"""Template helpers for tour pages: durations as a visitor reads them."""

from django import template

register = template.Library()


@register.filter
def duration(seconds: int | float | None) -> str:
    """Seconds as "41 min" or "1 h 5 min", rounded up to the minute."""
    total = max(0, int(seconds or 0))
    minutes = -(-total // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
