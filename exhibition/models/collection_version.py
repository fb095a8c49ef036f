"""A single counter that moves on whenever the collection changes.

It lives in the database so that every process sees it: the site, an import run from
the command line, a Celery worker. The page cache keys pages by it.
"""

from django.db import models
from django.utils.translation import gettext_lazy


class CollectionVersion(models.Model):
    version = models.BigIntegerField(default=1)

    class Meta:
        verbose_name = gettext_lazy("collection version")
        verbose_name_plural = gettext_lazy("collection versions")

    def __str__(self) -> str:
        return f"Collection version {self.version}"
