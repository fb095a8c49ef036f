"""Insert many plain rows into one table fast: COPY on PostgreSQL, executemany elsewhere.

``bulk_create`` builds a model instance and compiles every value of every row through the
ORM, which costs more than the database's own work for a batch of thousands of rows.
A batch import knows its values already; they go in as tuples, each column's value
prepared the way the model field would prepare it for this database. Like
``bulk_create`` it sends no signals: callers announce their writes themselves.
"""

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from django.db import connection, models

_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.FloatField,
    models.ForeignKey,
)

Prepare = Callable[[Any], Any] | None


def insert_rows(
    model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> int:
    """Insert the rows (one value per field named, in order); how many there were."""
    special = [(i, p) for i, p in enumerate(_preparers(model, tuple(fields))) if p is not None]
    prepared: list[tuple[Any, ...]] = []
    for row in rows:
        if special:
            values = list(row)
            for i, prepare in special:
                values[i] = prepare(values[i])
            row = tuple(values)
        prepared.append(row)
    if not prepared:
        return 0
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(_column(model, name)) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)  # noqa: S608 (model names)
    return len(prepared)


def _column(model: type[models.Model], name: str) -> str:
    field: Any = model._meta.get_field(name)
    return str(field.column)


@cache
def _preparers(model: type[models.Model], fields: tuple[str, ...]) -> list[Prepare]:
    """None where the database takes the Python value as it is (text, numbers, ids)."""
    preparers: list[Prepare] = []
    for name in fields:
        field = model._meta.get_field(name)
        if isinstance(field, _PLAIN_FIELDS):
            preparers.append(None)
        else:
            preparers.append(_field_preparer(field))
    return preparers


def _field_preparer(field: Any) -> Callable[[Any], Any]:
    last: list[Any] = [object(), None]  # a batch stamps every row with the same time

    def prepare(value: Any) -> Any:
        if value is not last[0]:
            last[:] = [value, field.get_db_prep_save(value, connection)]
        return last[1]

    return prepare
