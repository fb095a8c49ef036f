"""The keyword index: an FTS5 table on SQLite, a weighted tsvector + GIN on PostgreSQL.

Hand-written because neither is a Django model; the SQL lives beside the code that
queries it (search/keyword/) so the two cannot drift apart.
"""

from typing import Any

from django.db import migrations


def _create(apps: Any, schema_editor: Any) -> None:
    from search.keyword import postgres, sqlite

    vendor = schema_editor.connection.vendor
    module = postgres if vendor == "postgresql" else sqlite if vendor == "sqlite" else None
    if module is not None:
        with schema_editor.connection.cursor() as cursor:
            module.create_table(cursor)


def _drop(apps: Any, schema_editor: Any) -> None:
    from search.keyword import postgres, sqlite

    vendor = schema_editor.connection.vendor
    module = postgres if vendor == "postgresql" else sqlite if vendor == "sqlite" else None
    if module is not None:
        schema_editor.execute(module.DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_create, _drop)]
