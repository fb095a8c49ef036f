"""This page's address in every interface language: the switcher and hreflang links.

Pages carry their language in the URL (English at the root, French under /fr/), so the
other language's version of a page is the same route reversed under that language.
Pages outside the language prefixes (the API, IIIF) have no other-language versions.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


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
    path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if code != current and url == path:
            return []  # not a per-language page
        links.append(LanguageLink(code=code, name=name, url=url, current=code == current))
    return links
