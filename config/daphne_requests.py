"""Daphne hands request bodies to Django untouched.

Twisted's HTTP request, which daphne builds on, parses multipart and URL-encoded POST
bodies into ``request.args`` by default. Daphne never reads them (Django parses the
body itself), so that parse only doubles the memory every upload costs, and a
malformed multipart body is answered by Twisted with a bare 400 and no body, before
Django can say what was wrong in the API's JSON.
"""

from typing import Any


def hand_bodies_to_django_unparsed() -> None:
    try:
        from daphne.http_protocol import WebRequest
    except ImportError:  # another ASGI server: nothing to do
        return
    original_init = WebRequest.__init__
    if getattr(original_init, "leaves_bodies_unparsed", False):
        return

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("parsePOSTFormSubmission", False)
        original_init(self, *args, **kwargs)

    __init__.leaves_bodies_unparsed = True  # type: ignore[attr-defined]
    WebRequest.__init__ = __init__
