"""A server-rendered, self-contained reference page built from the OpenAPI schema.

Redoc and Swagger UI load their JavaScript from a CDN, which Vitrine never does; this
page lists every endpoint, its parameters and responses, and every response shape, as
plain accessible HTML from the same schema that ``/api/schema/`` serves.
"""

import functools
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from drf_spectacular.generators import SchemaGenerator

REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class TypeLabel:
    """A type read aloud: ``prefix`` + a linked component name (``ref``) + ``suffix``."""

    prefix: str
    ref: str = ""  # name of a component schema, linked on the page
    suffix: str = ""

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.ref}{self.suffix}"

    def around(self, prefix: str = "", suffix: str = "") -> "TypeLabel":
        return TypeLabel(prefix + self.prefix, self.ref, self.suffix + suffix)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    type: TypeLabel
    description: str


@dataclass(frozen=True)
class ResponseDoc:
    status: str
    description: str
    type: TypeLabel | None


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    description: str
    parameters: list[Parameter]
    responses: list[ResponseDoc]


@dataclass(frozen=True)
class Property:
    name: str
    type: TypeLabel
    required: bool
    description: str


@dataclass(frozen=True)
class Component:
    name: str
    description: str
    properties: list[Property] = field(default_factory=list)


def type_label(schema: dict[str, Any]) -> TypeLabel:
    """A short human reading of a JSON schema: 'array of Agent', 'string (uri), nullable'."""
    nullable = ", nullable" if schema.get("nullable") else ""
    if "$ref" in schema:
        return TypeLabel("", schema["$ref"].removeprefix(REF_PREFIX), nullable)
    for combinator in ("allOf", "oneOf", "anyOf"):
        parts = [type_label(sub) for sub in schema.get(combinator, []) if sub]
        if parts:
            return parts[0].around(suffix=nullable)
    if schema.get("type") == "array":
        return type_label(schema.get("items", {})).around(prefix="array of ", suffix=nullable)
    text = str(schema.get("type", "any"))
    if "format" in schema:
        text += f" ({schema['format']})"
    if "enum" in schema:
        text += ": one of " + ", ".join(str(v) for v in schema["enum"] if v is not None)
    return TypeLabel(text + nullable)


def _parameter(raw: dict[str, Any]) -> Parameter:
    schema = raw.get("schema", {})
    label = type_label(schema)
    if "default" in schema:
        label = label.around(suffix=f"; default {schema['default']}")
    if raw.get("explode") and schema.get("type") == "array":
        label = label.around(suffix=" (repeat the parameter)")
    return Parameter(
        name=raw["name"],
        location=raw.get("in", "query"),
        required=bool(raw.get("required")),
        type=label,
        description=raw.get("description", ""),
    )


def _responses(raw: dict[str, Any]) -> list[ResponseDoc]:
    docs = []
    for status, response in sorted(raw.items()):
        content = response.get("content", {}).get("application/json", {})
        schema = content.get("schema")
        docs.append(
            ResponseDoc(
                status=status,
                description=response.get("description", ""),
                type=type_label(schema) if schema else None,
            )
        )
    return docs


def operations(schema: dict[str, Any]) -> list[Operation]:
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            found.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    operation_id=op.get("operationId", f"{method}-{path}"),
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=[_parameter(p) for p in op.get("parameters", [])],
                    responses=_responses(op.get("responses", {})),
                )
            )
    return found


def components(schema: dict[str, Any]) -> list[Component]:
    found = []
    for name, body in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(body.get("required", []))
        properties = [
            Property(
                name=prop,
                type=type_label(prop_schema),
                required=prop in required,
                description=prop_schema.get("description", ""),
            )
            for prop, prop_schema in body.get("properties", {}).items()
        ]
        found.append(Component(name, body.get("description", ""), properties))
    return found


@functools.cache
def api_schema() -> dict[str, Any]:
    """The public OpenAPI schema, built once per process (the URLconf does not change)."""
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    return generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]


@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    schema = api_schema()
    context = {
        "info": schema.get("info", {}),
        "operations": operations(schema),
        "components": components(schema),
    }
    return render(request, "api/docs.html", context)
