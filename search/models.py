"""Stored embeddings: one row per (collection object, space), with what produced it.

The encoder name/version and the input checksum are kept so that an embedding is
recomputed only when the model or the input changed.
"""

from django.db import models

from exhibition.models import CollectionObject


class EmbeddingSpace(models.TextChoices):
    JOINT = "joint", "Text–image (joint)"
    TEXT = "text", "Record text"
    HEADING = "heading", "Record heading (title, creators, type, tags)"
    VISUAL = "visual", "Visual"


class Embedding(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="embeddings"
    )
    space = models.CharField(max_length=10, choices=EmbeddingSpace.choices)
    encoder = models.CharField(max_length=200)
    encoder_version = models.CharField(max_length=300)
    input_checksum = models.CharField(
        max_length=64, help_text="SHA-256 of the record text or of the image file embedded"
    )
    dim = models.PositiveIntegerField()
    vector = models.BinaryField(help_text="float32 little-endian, L2-normalised")
    # [[label, score], ...] best first: the visual concepts an image shows (machine output,
    # shown to visitors as the reason for a match, with its score).
    concepts = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection_object", "space"], name="search_embedding_object_space"
            )
        ]
        indexes = [models.Index(fields=["space"])]

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
        max_length=100,
        unique=True,
        help_text="A name of the concept as the classifier gives it, e.g. 'bikini' or "
        "'chain mail'. Case is ignored.",
    )
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["word"]
        verbose_name = "blocked visual concept"

    def __str__(self) -> str:
        return self.word

    def save(self, *args: object, **kwargs: object) -> None:
        self.word = self.word.strip().lower()
        super().save(*args, **kwargs)  # type: ignore[arg-type]
