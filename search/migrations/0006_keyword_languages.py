"""The PostgreSQL keyword index stems each record by its own language and gains a heading
index (title and tags) that bounds a common word's candidates (see search/keyword/postgres.py).

New databases get the new table from 0002 already; an older one is altered in place.
"""

from typing import Any

from django.db import migrations


def _upgrade(apps: Any, schema_editor: Any) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from search.keyword import keyword_backend

    try:
        backend = keyword_backend(schema_editor.connection.vendor)
    except ImproperlyConfigured:
        return
    with schema_editor.connection.cursor() as cursor:
        backend.upgrade_table(cursor)


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0005_record_languages"),
        ("search", "0005_admin_labels_translatable"),
    ]

    operations = [migrations.RunPython(_upgrade, migrations.RunPython.noop)]
