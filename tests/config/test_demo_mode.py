"""`make demo` serves with DEBUG off: the site's own error pages, never Django's debug page."""

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from config import urls as site_urls

ROOT = Path(__file__).resolve().parents[2]


def _demo_environment() -> dict[str, str]:
    """The variables the Makefile's demo target serves with (DEMO_ENV)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^DEMO_ENV = (.+)$", makefile, flags=re.MULTILINE)
    assert match, "the Makefile's demo target names its environment in DEMO_ENV"
    pairs = dict(item.split("=", 1) for item in shlex.split(match.group(1)))
    assert pairs.pop("SECRET_KEY") == "$$(cat var/secret-key)"
    return {**pairs, "SECRET_KEY": "a-demo-secret-key-made-by-the-makefile-0123456789"}


def test_the_demo_runs_with_debug_off_and_plain_http_on_the_loopback() -> None:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.DEBUG, s.STORAGES['staticfiles']['BACKEND'],"
        " getattr(s, 'SECURE_SSL_REDIRECT', False), s.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES']]))"
    )
    unset = {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG", "VITRINE_HTTPS", "SECRET_KEY"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(_demo_environment(), DJANGO_SETTINGS_MODULE="config.settings")
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    debug, storage, ssl_redirect, renderers = json.loads(out)
    assert debug is False
    assert storage == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert ssl_redirect is False  # served over http://127.0.0.1
    assert renderers == ["rest_framework.renderers.JSONRenderer"]  # no browsable API


@pytest.mark.django_db
def test_an_unknown_address_gets_the_sites_own_404_page(client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "URLconf" not in body and "DEBUG = True" not in body


def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


# The site's own patterns spliced in (not include()d: they hold i18n_patterns, which
# Django refuses inside an include).
urlpatterns = [path("broken/", _broken), *site_urls.urlpatterns]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_failing_page_gets_the_sites_own_500_page() -> None:
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert "Traceback" not in body and "RuntimeError" not in body
