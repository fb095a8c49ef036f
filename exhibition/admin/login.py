"""Brute-force protection for the curators' sign-in.

Failed sign-ins are counted per user name and address, and per address alone (which
catches one address trying many user names). Past either limit every attempt — even
with the right password — is refused with a clear message and HTTP 429 until the
window has passed. Counts live in the throttle cache, so they are shared by every
worker when scaled out and never evicted by cached pages.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext
from rest_framework.throttling import BaseThrottle

from config.throttling import throttle_cache

LOCKED_CODE = "too_many_attempts"


def _client_address(request: HttpRequest) -> str:
    # DRF's reading honours NUM_PROXIES, as the API throttle does.
    return str(BaseThrottle().get_ident(request))  # type: ignore[arg-type]


def _keys(username: str, address: str) -> tuple[str, str]:
    user = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
    return f"login-failures:user:{user}:{address}", f"login-failures:address:{address}"


def login_is_locked(*, username: str, address: str) -> bool:
    user_key, address_key = _keys(username, address)
    counts = throttle_cache().get_many([user_key, address_key])
    return (
        counts.get(user_key, 0) >= settings.VITRINE_LOGIN_MAX_FAILURES
        or counts.get(address_key, 0) >= settings.VITRINE_LOGIN_MAX_FAILURES_PER_ADDRESS
    )


def login_failed(*, username: str, address: str) -> None:
    cache = throttle_cache()
    for key in _keys(username, address):
        # The window starts at the first failure; add() is a no-op once it has.
        cache.add(key, 0, settings.VITRINE_LOGIN_LOCKOUT_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, settings.VITRINE_LOGIN_LOCKOUT_SECONDS)


def login_succeeded(*, username: str, address: str) -> None:
    user_key, _ = _keys(username, address)
    throttle_cache().delete(user_key)


class RateLimitedLoginForm(AdminAuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = _client_address(self.request)  # type: ignore[arg-type]
        if login_is_locked(username=username, address=address):
            minutes = max(1, settings.VITRINE_LOGIN_LOCKOUT_SECONDS // 60)
            raise ValidationError(
                ngettext(
                    "Too many failed sign-in attempts. For your account's safety, sign-in is "
                    "paused for up to %(minutes)d minute; please try again later.",
                    "Too many failed sign-in attempts. For your account's safety, sign-in is "
                    "paused for up to %(minutes)d minutes; please try again later.",
                    minutes,
                )
                % {"minutes": minutes},
                code=LOCKED_CODE,
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            login_failed(username=username, address=address)
            raise
        login_succeeded(username=username, address=address)
        return cleaned


View = Callable[..., HttpResponse]


def _answer_429_when_locked(login_view: View) -> View:
    def login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = login_view(request, extra_context)
        form = (getattr(response, "context_data", None) or {}).get("form")
        if form is not None and form.has_error(NON_FIELD_ERRORS, code=LOCKED_CODE):
            response.status_code = 429
            response["Retry-After"] = str(settings.VITRINE_LOGIN_LOCKOUT_SECONDS)
        return response

    return login


def protect_admin_login(site: admin.AdminSite) -> None:
    site.login_form = RateLimitedLoginForm
    site.login = _answer_429_when_locked(site.login)  # type: ignore[method-assign]
