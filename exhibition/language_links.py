"""This page's address in every interface language: the switcher and hreflang links.

Pages carry their language in the URL (English at the root, French under /fr/), so the
other language's version of a page is the same route reversed under that language.
Pages outside the language prefixes (the API, IIIF) have no other-language versions.

The query string goes along only on pages that show their query back anyway (search
terms, browse filters): elsewhere it may hold what a page must never echo (the guide's
page is asked about objects by slug, and a restricted object's slug is never named).
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation

QUERY_KEEPING_PAGES = frozenset({"search:search", "exhibition:browse"})


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return []
    current = translation.get_language()
    keeps_query = match.view_name in QUERY_KEEPING_PAGES
    path = request.get_full_path() if keeps_query else request.path
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code != current and url == path:
            return []  # not a per-language page
        links.append(LanguageLink(code=code, name=name, url=url, current=code == current))
    return links
