"""The curators' admin in the curator's own language.

Visitors' pages take their language from the URL (/fr/…); an unprefixed address is English,
which Django's LocaleMiddleware enforces when the default language has no prefix. The admin
has one address for every language, so there the language comes from the language cookie or
the browser (Accept-Language) instead. LocaleMiddleware, which this follows, still adds
``Vary: Accept-Language`` and ``Content-Language`` to the response, from the active language.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils import translation


class AdminLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self._admin_prefix: str | None = None  # resolved on the first request, URLs loaded

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        if request.path_info.startswith(self._admin_prefix):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
