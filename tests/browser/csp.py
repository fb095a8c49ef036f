"""Records what the Content-Security-Policy blocks in a page, as the browser reports it."""

from playwright.sync_api import ConsoleMessage, Page

# Installed before any page script runs; violations inside shadow roots bubble up to the
# document too (the event is composed).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || "page"}:${event.lineNumber})`
  );
}, true);
"""
POLICY_WORDS = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class PolicyRecorder:
    """Collects securitypolicyviolation events and the browser's policy console messages.

    Console messages also catch what a worker (the Draco decoder runs in one) is refused,
    which never reaches the page's event listener.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)

    def _on_console(self, message: ConsoleMessage) -> None:
        if any(word in message.text for word in POLICY_WORDS):
            self.console.append(f"{message.type}: {message.text}")

    def violations(self) -> list[str]:
        events: list[str] = self.page.evaluate("() => window.__cspViolations || []")
        return events + self.console
