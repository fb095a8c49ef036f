"""Every response carries the Content-Security-Policy and the Permissions-Policy."""

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from config.security_headers import csp_header_value

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_public_page_forbids_inline_and_foreign_scripts(client: Client) -> None:
    response = client.get(reverse("exhibition:home"))

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    # Inline styles: only OpenSeadragon's one rule, by its hash.
    assert policy["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["style-src"][1:])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]


def test_permissions_policy_denies_sensors_and_keeps_fullscreen_and_ar(client: Client) -> None:
    response = client.get(reverse("exhibition:home"))

    items = response["Permissions-Policy"].split(",")
    features = dict(item.strip().split("=", 1) for item in items)
    for denied in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[denied] == "()", denied
    assert features["fullscreen"] == "(self)"
    assert features["xr-spatial-tracking"] == "(self)"


def test_admin_allows_no_inline_style_but_djangos_one_hashed_block(client: Client) -> None:
    response = client.get(reverse("admin:login"))

    policy = directives(response["Content-Security-Policy"])
    public = directives(client.get("/").headers["Content-Security-Policy"])
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["style-src"][: len(public["style-src"])] == public["style-src"]
    [extra] = policy["style-src"][len(public["style-src"]) :]
    assert extra.startswith("'sha256-")
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]


def test_json_and_error_responses_carry_the_headers_too(client: Client) -> None:
    for url in ("/api/objects/", "/no-such-page/"):
        response = client.get(url)
        assert "script-src 'self'" in response["Content-Security-Policy"], url
        assert "camera=()" in response["Permissions-Policy"], url


def test_report_only_mode_uses_the_report_only_header(client: Client, settings: object) -> None:
    settings.VITRINE_CSP_REPORT_ONLY = True  # type: ignore[attr-defined]

    response = client.get(reverse("exhibition:home"))

    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_django_debug_page_stays_readable_in_development(client: Client, settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert b'content="NONE,NOARCHIVE"' in response.content
    assert "Content-Security-Policy" not in response


def test_path_overrides_replace_a_directive() -> None:
    value = csp_header_value(
        {"default-src": ["'self'"], "style-src": ["'self'", "'sha256-abc='"]},
        {"style-src": ["'self'", "'unsafe-inline'"]},
    )

    assert value == "default-src 'self'; style-src 'self' 'unsafe-inline'"


PUBLIC_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
TAG = re.compile(r"<(?P<name>[a-zA-Z][\w-]*)(?P<attributes>[^>]*)>", re.S)
DATA_SCRIPT = re.compile(r"""type=["']application/(ld\+)?json["']""")


def inline_code(template: Path) -> list[str]:
    """What the public policy would block: inline scripts, styles and event handlers."""
    found: list[str] = []
    for tag in TAG.finditer(template.read_text(encoding="utf-8")):
        name, attributes = tag["name"].lower(), tag["attributes"]
        if name == "style":
            found.append("<style> element")
        if name == "script" and "src=" not in attributes and not DATA_SCRIPT.search(attributes):
            found.append("inline <script>")
        if re.search(r"\sstyle\s*=", attributes):
            found.append(f"style attribute on <{name}>")
        if re.search(r"\son[a-z]+\s*=", attributes):
            found.append(f"event handler attribute on <{name}>")
    return found


def test_public_templates_carry_no_inline_script_or_style() -> None:
    # The admin is served with inline styles allowed (VITRINE_CSP_PATH_OVERRIDES).
    templates = [path for path in PUBLIC_TEMPLATES.rglob("*.html") if "admin" not in path.parts]
    assert templates

    offenders = {str(path): inline_code(path) for path in templates if inline_code(path)}

    assert offenders == {}


def test_template_check_finds_inline_code(tmp_path: Path) -> None:
    template = tmp_path / "bad.html"
    template.write_text(
        '<p style="color:red" onclick="go()">x</p><script>alert(1)</script>'
        '<script type="application/ld+json">{}</script><style>p{}</style>',
        encoding="utf-8",
    )

    assert inline_code(template) == [
        "style attribute on <p>",
        "event handler attribute on <p>",
        "inline <script>",
        "<style> element",
    ]
