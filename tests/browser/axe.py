"""Runs axe-core (served from static/vendor/) in a page and explains its violations."""

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => await axe.run(document, {runOnly: {type: "tag", values: tags}})"""


def axe_violations(page: Page, vendor_dir: Path) -> list[dict[str, Any]]:
    # Evaluated through the browser's debugging protocol rather than added as an inline
    # <script>, which the site's Content-Security-Policy (rightly) refuses.
    page.evaluate((vendor_dir / "axe.min.js").read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(RUN_AXE, WCAG_TAGS)
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """One paragraph per violation: id, impact, help and the nodes it names."""
    lines: list[str] = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"[{violation.get('helpUrl', '')}]"
        )
        for node in violation.get("nodes", []):
            lines.append(f"    {node.get('target')}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)
