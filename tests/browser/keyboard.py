"""Keyboard-only navigation helpers: Tab until something is focused, and check it shows."""

from playwright.sync_api import Page

MAX_TABS = 80

# A focus indicator counts when the focused element draws an outline or box-shadow, or
# (for card links) when a close ancestor outlines itself through :focus-within.
FOCUS_IS_VISIBLE = """
(element) => {
  const outlined = (style) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const own = getComputedStyle(element);
  if (outlined(own) || own.boxShadow !== "none") return true;
  let ancestor = element.parentElement;
  for (let depth = 0; ancestor && depth < 4; depth += 1, ancestor = ancestor.parentElement) {
    if (ancestor.matches(":focus-within") && outlined(getComputedStyle(ancestor))) return true;
  }
  return false;
}
"""
DESCRIBE_FOCUS = """
() => {
  const el = document.activeElement;
  if (!el) return "nothing";
  const name = el.getAttribute("href") || el.textContent.trim().slice(0, 40);
  return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " " + name;
}
"""


def tab_until(page: Page, selector: str) -> list[str]:
    """Presses Tab until the focused element matches ``selector``; returns the path taken."""
    path: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        path.append(page.evaluate(DESCRIBE_FOCUS))
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return path
    raise AssertionError(f"{MAX_TABS} Tabs never reached {selector}; focus went: {path}")


def focus_is_visible(page: Page) -> bool:
    return bool(page.evaluate(f"() => ({FOCUS_IS_VISIBLE})(document.activeElement)"))
