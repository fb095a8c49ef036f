"""Admin for media records on their own pages: images and 3D models with their hotspots."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy

from exhibition.admin.audited_edits import AuditedModelAdmin
from exhibition.admin.forms import ObjectImageAdminForm, ObjectModel3DAdminForm
from exhibition.admin.generics import TabularInline
from exhibition.admin.large_tables import LargeTableAdmin
from exhibition.admin.links import restoration_tool_link
from exhibition.admin.previews import image_preview
from exhibition.models import Hotspot, ObjectImage, ObjectModel3D
from exhibition.services.media import image_request_tiles


@admin.register(ObjectImage)
class ObjectImageAdmin(LargeTableAdmin, AuditedModelAdmin[ObjectImage]):
    form = ObjectImageAdminForm
    list_display = ["preview", "collection_object", "order", "pixel_size", "tiles_ready"]
    list_display_links = ["preview", "collection_object"]
    list_filter = ["tiles_ready"]
    search_fields = ["collection_object__title", "collection_object__slug", "alt_text"]
    autocomplete_fields = ["collection_object"]
    readonly_fields = [
        "large_preview",
        "width",
        "height",
        "checksum",
        "tiles_ready",
        "tiles_checksum",
        "restoration_tool",
    ]
    fields = [
        "collection_object",
        "large_preview",
        "restoration_tool",
        "original",
        "alt_text",
        "order",
        ("width", "height"),
        "checksum",
        ("tiles_ready", "tiles_checksum"),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ObjectImage]:
        return super().get_queryset(request).select_related("collection_object")

    def save_model(self, request: HttpRequest, obj: ObjectImage, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not obj.tiles_ready:
            image_request_tiles(image=obj)

    @admin.display(description=gettext_lazy("Preview"))
    def preview(self, image: ObjectImage) -> SafeString | str:
        return image_preview(image.original, alt=image.alt_text, size="small")

    @admin.display(description=gettext_lazy("Preview"))
    def large_preview(self, image: ObjectImage) -> SafeString | str:
        return image_preview(image.original, alt=image.alt_text, size="large")

    @admin.display(description=gettext_lazy("Size (px)"))
    def pixel_size(self, image: ObjectImage) -> str:
        return f"{image.width}×{image.height}"

    @admin.display(description=gettext_lazy("Virtual restoration"))
    def restoration_tool(self, image: ObjectImage) -> SafeString | str:
        return restoration_tool_link(image) if image.pk else "—"


class HotspotInline(TabularInline[Hotspot, ObjectModel3D]):
    model = Hotspot
    extra = 0
    fields = ["order", "label", "position", "normal", "text"]


@admin.register(ObjectModel3D)
class ObjectModel3DAdmin(LargeTableAdmin, AuditedModelAdmin[ObjectModel3D]):
    form = ObjectModel3DAdminForm
    list_display = ["poster_preview", "collection_object", "order", "size_bytes"]
    list_display_links = ["poster_preview", "collection_object"]
    search_fields = ["collection_object__title", "collection_object__slug", "alt_text"]
    autocomplete_fields = ["collection_object"]
    readonly_fields = ["poster_preview", "original", "checksum", "size_bytes"]
    fields = [
        "collection_object",
        "glb",
        "model_unit",
        "original",
        "poster_preview",
        "poster",
        "alt_text",
        "order",
        ("checksum", "size_bytes"),
    ]
    inlines = [HotspotInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ObjectModel3D]:
        return super().get_queryset(request).select_related("collection_object")

    @admin.display(description=gettext_lazy("Poster"))
    def poster_preview(self, model: ObjectModel3D) -> SafeString | str:
        return image_preview(model.poster, alt=model.alt_text, size="small")
