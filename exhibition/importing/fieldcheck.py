"""A quick yes to "would ``full_clean`` accept these fields?", for a batch of thousands.

``Model.full_clean`` runs every field's conversion and validators, which costs more than
writing the row. Nearly every record passes, so a batch asks this cheaper question first
(lengths, integer ranges, choices, required values) and calls ``full_clean`` only for a
record that fails it, to get Django's own message for what is wrong.
"""

from collections.abc import Callable
from functools import cache
from typing import Any

from django.db import connection, models

Check = Callable[[Any], bool]


def fits_model_fields(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> bool:
    """False where ``full_clean`` might refuse a field value (then ask it, for the reason)."""
    for attname, check in _checks(type(instance), exclude):
        if not check(getattr(instance, attname)):
            return False
    return True


@cache
def _checks(model: type[models.Model], exclude: tuple[str, ...]) -> list[tuple[str, Check]]:
    checks: list[tuple[str, Check]] = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in exclude:
            continue
        check = _check_for(field)
        if check is not None:
            checks.append((field.attname, check))
    return checks


def _check_for(field: Any) -> Check | None:
    if isinstance(field, models.ForeignKey | models.DateTimeField) or not field.editable:
        return None  # set by the importer from rows it read, or by the database
    if isinstance(field, models.BooleanField):
        return lambda value: isinstance(value, bool)
    if not isinstance(field, models.CharField | models.TextField | models.IntegerField):
        return lambda value: False  # a field this check does not know: ask full_clean
    choices = {value for value, _label in field.flatchoices} if field.choices else None
    required = not field.blank
    nullable = field.null
    max_length = field.max_length if isinstance(field, models.CharField) else None
    low, high = (None, None)
    if isinstance(field, models.IntegerField):
        low, high = connection.ops.integer_field_range(field.get_internal_type())

    def check(value: Any) -> bool:
        if value is None:
            return nullable and not required
        if value == "":
            return not required
        if choices is not None and value not in choices:
            return False
        if max_length is not None and len(value) > max_length:
            return False
        if low is not None and value < low:
            return False
        return not (high is not None and value > high)

    return check
