"""API fields that take a JSON value only of the type the schema gives.

DRF's fields read 0 as "0", "yes" as true and "12" as 12; the schema says string, boolean,
integer, so anything else is refused with a 400 instead of being guessed at.
"""

from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers


class StrictSlugField(serializers.SlugField):
    """A slug given as a JSON string: 0 or true is not quietly read as "0" or "True"."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class StrictIntegerField(serializers.IntegerField):
    """A JSON number that is whole: neither "12" (a string) nor true nor 2.5."""

    def to_internal_value(self, data: Any) -> int:
        whole = isinstance(data, int) or (isinstance(data, float) and data.is_integer())
        if isinstance(data, bool) or not whole:
            self.fail("invalid")
        return int(super().to_internal_value(data))


class StrictBooleanField(serializers.BooleanField):
    """true or false only: the schema says boolean, so 0, 1, "yes" are refused, not guessed."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictTextField(serializers.CharField):
    """A JSON string only (a number is refused, not turned into text). Null characters are
    let through to the request reader, which reports such a value as unknown."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return str(super().to_internal_value(data))
