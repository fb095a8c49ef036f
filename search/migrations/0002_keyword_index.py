"""The keyword index: an FTS5 table on SQLite, a weighted tsvector + GIN on PostgreSQL.

Hand-written because neither is a Django model; the SQL lives beside the code that
queries it (search/keyword/) so the two cannot drift apart.
"""

from typing import Any

from django.db import migrations


def _backend(vendor: str) -> Any:
    """The backend for this database, or None where keyword search has none."""
    from django.core.exceptions import ImproperlyConfigured

    from search.keyword import keyword_backend

    try:
        return keyword_backend(vendor)
    except ImproperlyConfigured:
        return None


def _create(apps: Any, schema_editor: Any) -> None:
    backend = _backend(schema_editor.connection.vendor)
    if backend is not None:
        with schema_editor.connection.cursor() as cursor:
            backend.create_table(cursor)


def _drop(apps: Any, schema_editor: Any) -> None:
    backend = _backend(schema_editor.connection.vendor)
    if backend is not None:
        with schema_editor.connection.cursor() as cursor:
            backend.drop_table(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_create, _drop)]
