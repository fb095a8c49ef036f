"""The first step of every search: what a visitor may ask, and how it is tidied."""

from django.utils.translation import gettext as _

MAX_QUERY_CHARS = 500
MAX_PAGE_SIZE = 50


class SearchInputError(ValueError):
    """A query the search cannot run (empty, too long, bad page); the message says why."""


def clean_query(query: str) -> str:
    """The query with its spaces collapsed; SearchInputError when empty or too long."""
    cleaned = " ".join(query.split())
    if not cleaned:
        raise SearchInputError(_("Type some words to search for."))
    if len(query) > MAX_QUERY_CHARS:
        raise SearchInputError(
            _("A search is at most %(limit)d characters long.") % {"limit": MAX_QUERY_CHARS}
        )
    return cleaned


def check_page(page: int, page_size: int) -> None:
    if page < 1:
        raise SearchInputError(_("'page' must be 1 or more."))
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise SearchInputError(
            _("'page_size' must be between 1 and %(limit)d.") % {"limit": MAX_PAGE_SIZE}
        )
