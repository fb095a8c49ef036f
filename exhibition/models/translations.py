"""Per-language versions of a record's title and description.

A record is catalogued in one language (``CollectionObject.language``); a translation
adds the same text in another site language. Pages show the translation for their
language when there is one and the original otherwise, saying which language the text
is in, so that a screen reader can switch voice and a visitor knows why.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy


class ObjectTranslation(models.Model):
    collection_object = models.ForeignKey(
        "exhibition.CollectionObject", on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(gettext_lazy("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(gettext_lazy("title"), max_length=500)
    description = models.TextField(
        gettext_lazy("description"),
        blank=True,
        help_text=gettext_lazy(
            "Left empty, pages show the original description. Search, the API and "
            "linked data use the original text."
        ),
    )

    class Meta:
        ordering = ["language"]
        verbose_name = gettext_lazy("translation")
        verbose_name_plural = gettext_lazy("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["collection_object", "language"], name="unique_object_translation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def clean(self) -> None:
        # A "translation" into the record's own language would never be shown.
        if self.collection_object_id is not None and (
            self.language == self.collection_object.language
        ):
            raise ValidationError(
                {
                    "language": gettext(
                        "This is the record’s own language: edit its title and description instead."
                    )
                }
            )


@dataclass(frozen=True)
class RecordText:
    """A record's title and description as a page in ``language`` shows them.

    Each field says the language it is actually in: a translation may give a title but
    not (yet) a description, and the original's description then stands in.
    """

    language: str
    original_language: str
    title: str
    title_language: str
    description: str
    description_language: str

    @property
    def title_fell_back(self) -> bool:
        return self.title_language != self.language

    @property
    def description_fell_back(self) -> bool:
        return bool(self.description) and self.description_language != self.language

    @property
    def fell_back(self) -> bool:
        """Some text on the page is not in the page's language."""
        return self.title_fell_back or self.description_fell_back
