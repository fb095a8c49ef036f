"""Query strings with NUL characters are refused before any view runs.

No record holds a NUL, PostgreSQL refuses one in any query it is sent (a 500 where SQLite
said nothing), and browsers never send one: such a request is a 400, as JSON under /api/
(see config.error_views). The API schema says the same of every string parameter.
"""

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

NUL = "\x00"
NO_NUL_PATTERN = r"^[^\u0000]*$"


class RefuseNulInQueryStringMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name, values in request.GET.lists():
            if NUL in name or any(NUL in value for value in values):
                raise BadRequest("A query parameter holds a NUL character.")
        return self.get_response(request)


def no_nul_in_string_parameters(result: dict, **kwargs: object) -> dict:  # type: ignore[type-arg]
    """drf-spectacular hook: every string query parameter states that it holds no NUL."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                schema = parameter.get("schema", {})
                target = schema.get("items", {}) if schema.get("type") == "array" else schema
                if target.get("type") == "string" and "pattern" not in target:
                    target["pattern"] = NO_NUL_PATTERN
    return result
