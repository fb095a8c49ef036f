"""Content-Security-Policy and Permissions-Policy on every response.

The policies come from settings (``VITRINE_CSP``, ``VITRINE_CSP_PATH_OVERRIDES``,
``VITRINE_PERMISSIONS_POLICY``); this module only turns them into headers, once per
process. A view that sets either header itself keeps its own.
"""

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

CSP_HEADER = "Content-Security-Policy"
CSP_REPORT_ONLY_HEADER = "Content-Security-Policy-Report-Only"
PERMISSIONS_HEADER = "Permissions-Policy"
# Django's own debug pages (DEBUG only) are built with inline styles and scripts; they
# carry this meta tag, which no page of ours does.
DEBUG_PAGE_MARKER = b'<meta name="robots" content="NONE,NOARCHIVE">'

Policy = Mapping[str, Sequence[str]]


def csp_header_value(policy: Policy, overrides: Policy | None = None) -> str:
    """``default-src 'self'; img-src 'self' data:`` from ``{directive: [sources]}``.

    A directive in ``overrides`` replaces the policy's own (a hash beside 'unsafe-inline'
    would switch 'unsafe-inline' off, so adding sources is not enough).
    """
    merged = {**policy, **(overrides or {})}
    return "; ".join(" ".join([name, *sources]) for name, sources in merged.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        policy: Policy = settings.VITRINE_CSP
        self.csp = csp_header_value(policy)
        # Longest prefix first, so a nested prefix wins over the one that contains it.
        self.path_csp = sorted(
            (
                (prefix, csp_header_value(policy, overrides))
                for prefix, overrides in settings.VITRINE_CSP_PATH_OVERRIDES.items()
            ),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self.csp_header = CSP_REPORT_ONLY_HEADER if settings.VITRINE_CSP_REPORT_ONLY else CSP_HEADER
        self.permissions: str = settings.VITRINE_PERMISSIONS_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if self.csp_header not in response and not self._is_debug_page(response):
            response[self.csp_header] = self._csp_for(request.path)
        if PERMISSIONS_HEADER not in response:
            response[PERMISSIONS_HEADER] = self.permissions
        return response

    def _csp_for(self, path: str) -> str:
        for prefix, value in self.path_csp:
            if path.startswith(prefix):
                return value
        return self.csp

    @staticmethod
    def _is_debug_page(response: HttpResponseBase) -> bool:
        # A developer's traceback must stay readable; with DEBUG off these pages never exist.
        return (
            settings.DEBUG
            and response.status_code >= 400
            and isinstance(response, HttpResponse)
            and DEBUG_PAGE_MARKER in response.content[:2000]
        )
