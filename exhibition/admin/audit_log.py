"""The audit log in the admin: readable by curators, writable by no one."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from exhibition.admin.generics import ModelAdmin
from exhibition.admin.large_tables import LargeTableAdmin
from exhibition.admin.readonly import WrittenBySystem
from exhibition.models import AuditLogEntry


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(LargeTableAdmin, WrittenBySystem, ModelAdmin[AuditLogEntry]):
    # Append-only: entries are written by the system, never added, edited or removed here.
    list_display = ["at", "actor_name", "action", "target_model", "target_repr", "changed_fields"]
    list_filter = ["action", "target_model", "at"]
    search_fields = ["target_repr", "actor_name", "note", "target_pk"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    readonly_fields = (
        "at",
        "actor_name",
        "action",
        "target_model",
        "target_pk",
        "target_repr",
        "collection_object",
        "change_table",
        "note",
    )
    fields = readonly_fields

    @admin.display(description=gettext_lazy("Fields"))
    def changed_fields(self, entry: AuditLogEntry) -> str:
        return ", ".join(entry.changes) if isinstance(entry.changes, dict) else ""

    @admin.display(description=gettext_lazy("Changes"))
    def change_table(self, entry: AuditLogEntry) -> SafeString | str:
        changes = change_rows(entry)
        if not changes:
            return "—"
        rows = format_html_join(
            "", "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>", changes
        )
        return format_html(
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("Field"),
            pgettext("value before a change", "Old"),
            pgettext("value after a change", "New"),
            rows,
        )


def change_rows(entry: AuditLogEntry) -> list[tuple[str, str, str]]:
    """(field, old, new) for each field an entry changed, as text a person can read."""
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    return [
        (field, _display(change.get("old")), _display(change.get("new")))
        for field, change in changes.items()
        if isinstance(change, dict)
    ]


def _display(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)
