"""The browse page's facet counts, kept up to date as the collection changes.

Counting five facets over the whole collection on every request is a full scan each time;
at a million objects that is seconds. Instead each public object has a ``BrowseEntry``
holding its facet values, and ``BrowseFacetCell`` holds how many public objects share each
combination of those values (a small "cube": a few thousand rows for a million objects).
A facet count under facet filters is then a sum over the matching cells.

exhibition/browse_facet_store.py keeps both tables in step with every write;
``manage.py refresh_browse_facets`` rebuilds them after writes that bypass signals.
"""

from django.db import models

# "No date": centuries are never 0 (1 CE is the 1st century, 1 BCE the -1st).
NO_CENTURY = 0


def facet_century(date_start: int | None, date_end: int | None) -> int:
    """The century browse filters on, exactly as browse.py's SQL expression computes it
    (integer division truncating toward zero, as databases do); NO_CENTURY if undated."""
    year = date_start if date_start is not None else date_end
    if year is None:
        return NO_CENTURY
    if year > 0:
        return (year - 1) // 100 + 1
    return -(int((-year - 1) / 100) + 1)


def facet_culture(culture: str) -> str:
    """The culture group facets count under: "Dutch Republic" for "Dutch Republic (Delft)"."""
    return culture.split(" (", 1)[0].strip()


class BrowseEntry(models.Model):
    """The facet values of one *public* object (draft and restricted ones have none)."""

    # Not a foreign key: the entry must outlive its object's row for as long as it takes
    # to subtract it from its cell when the object is deleted.
    object_id = models.BigIntegerField(primary_key=True)
    object_type = models.CharField(max_length=100)
    culture = models.CharField(max_length=200)
    century = models.IntegerField()
    has_3d = models.BooleanField()
    has_restoration = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["culture"], name="browse_entry_culture"),
            models.Index(fields=["century"], name="browse_entry_century"),
            models.Index(fields=["object_type"], name="browse_entry_type"),
        ]

    def __str__(self) -> str:
        return f"browse entry of object {self.object_id}"

    @property
    def key(self) -> tuple[str, str, int, bool, bool]:
        return (self.object_type, self.culture, self.century, self.has_3d, self.has_restoration)


class BrowseFacetCell(models.Model):
    """How many public objects have exactly these facet values."""

    object_type = models.CharField(max_length=100)
    culture = models.CharField(max_length=200)
    century = models.IntegerField()
    has_3d = models.BooleanField()
    has_restoration = models.BooleanField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "culture", "century", "has_3d", "has_restoration"],
                name="browse_facet_cell_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_type}/{self.culture}/{self.century}: {self.count}"
