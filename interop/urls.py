"""The standards' own addresses (/oai/, /linked-art/…), one include per standard."""

from typing import Any

urlpatterns: list[Any] = []
