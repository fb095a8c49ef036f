"""Read-only view of stored embeddings: curators can see what the encoders saw, not edit it."""

from django.contrib import admin
from django.http import HttpRequest

from exhibition.admin.generics import ModelAdmin
from search.models import BlockedConcept, Embedding


@admin.register(Embedding)
class EmbeddingAdmin(ModelAdmin[Embedding]):
    list_display = ("collection_object", "space", "encoder", "dim", "updated_at")
    list_filter = ("space", "encoder")
    search_fields = ("collection_object__title", "collection_object__slug")
    list_select_related = ("collection_object",)
    fields = (
        "collection_object",
        "space",
        "encoder",
        "encoder_version",
        "input_checksum",
        "dim",
        "concepts",
        "updated_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Embedding | None = None) -> bool:
        return False


@admin.register(BlockedConcept)
class BlockedConceptAdmin(ModelAdmin[BlockedConcept]):
    """Curators decide which classifier concepts are never shown to visitors."""

    list_display = ("word", "reason", "created_at")
    search_fields = ("word", "reason")
    fields = ("word", "reason")
