"""Stored embeddings: one row per (collection object, space), with what produced it.

The encoder name/version and the input checksum are kept so that an embedding is
recomputed only when the model or the input changed.
"""

from django.db import models
from django.utils.translation import gettext_lazy

from exhibition.models import CollectionObject


class EmbeddingSpace(models.TextChoices):
    JOINT = "joint", gettext_lazy("Text–image (joint)")
    TEXT = "text", gettext_lazy("Record text")
    HEADING = "heading", gettext_lazy("Record heading (title, creators, type, tags)")
    VISUAL = "visual", gettext_lazy("Visual")


class Embedding(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject,
        verbose_name=gettext_lazy("object"),
        on_delete=models.CASCADE,
        related_name="embeddings",
    )
    space = models.CharField(gettext_lazy("space"), max_length=10, choices=EmbeddingSpace.choices)
    encoder = models.CharField(gettext_lazy("encoder"), max_length=200)
    encoder_version = models.CharField(gettext_lazy("encoder version"), max_length=300)
    input_checksum = models.CharField(
        gettext_lazy("input checksum"),
        max_length=64,
        help_text=gettext_lazy("SHA-256 of the record text or of the image file embedded"),
    )
    dim = models.PositiveIntegerField(gettext_lazy("dimensions"))
    vector = models.BinaryField(help_text=gettext_lazy("float32 little-endian, L2-normalised"))
    # [[label, score], ...] best first: the visual concepts an image shows (machine output,
    # shown to visitors as the reason for a match, with its score).
    concepts = models.JSONField(gettext_lazy("concepts"), default=list, blank=True)
    updated_at = models.DateTimeField(gettext_lazy("updated at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection_object", "space"], name="search_embedding_object_space"
            )
        ]
        # updated_at: embed_collection counts the rows its workers wrote since it started.
        indexes = [models.Index(fields=["space"]), models.Index(fields=["updated_at"])]
        verbose_name = gettext_lazy("embedding")
        verbose_name_plural = gettext_lazy("embeddings")

    def __str__(self) -> str:
        return f"{self.space} embedding of object {self.collection_object_id}"


class BlockedConcept(models.Model):
    """A classifier concept never shown to visitors, whatever its probability.

    ImageNet's classes were not made for paintings of people: a nude becomes "bikini", a
    militia's breastplates "cuirass", a portrait "comic book". Curators keep this list;
    a word blocks every concept label that has it as one of its names ("bikini" blocks
    "bikini, two-piece"). Defaults come with the migration that made the table.
    """

    word = models.CharField(
        gettext_lazy("word"),
        max_length=100,
        unique=True,
        help_text=gettext_lazy(
            "A name of the concept as the classifier gives it, e.g. 'bikini' or "
            "'chain mail'. Case is ignored."
        ),
    )
    reason = models.CharField(gettext_lazy("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(gettext_lazy("created at"), auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = gettext_lazy("blocked visual concept")
        verbose_name_plural = gettext_lazy("blocked visual concepts")

    def __str__(self) -> str:
        return self.word

    def save(self, *args: object, **kwargs: object) -> None:
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]
