"""For records the system writes and curators only read in the admin."""

from typing import Any

from django.http import HttpRequest


class WrittenBySystem:
    """No add, change or delete in the admin: the audit log, machine output and
    restorations are written by the pipelines and kept with their history."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
