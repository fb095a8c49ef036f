"""The protocol's own error conditions, answered as <error code="…"> with HTTP 200."""


class OaiError(Exception):
    """One OAI-PMH error: ``code`` is the protocol's name for it (badArgument, …)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def bad_argument(message: str) -> OaiError:
    return OaiError("badArgument", message)
