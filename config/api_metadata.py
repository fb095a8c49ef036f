"""What the API answers to OPTIONS: the view's name, description and media types.

DRF's default also describes each writable action by introspecting the view's
serializer, which fails with a 500 on views whose input is not a serializer (the
photo upload). The inputs of every endpoint are documented in /api/schema/ instead.
"""

from typing import Any

from rest_framework.metadata import SimpleMetadata
from rest_framework.request import Request


class DescribeWithoutActions(SimpleMetadata):
    def determine_actions(self, request: Request, view: Any) -> dict[str, Any]:
        return {}
