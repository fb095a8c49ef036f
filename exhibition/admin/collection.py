"""Admin for the collection: objects (with creators, images and 3D models inline),
agents, places and tags. Every edit is audited; each object's page shows its history."""

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from exhibition.admin.annotations import AnnotationInline
from exhibition.admin.audit_log import change_rows
from exhibition.admin.audited_edits import AuditedModelAdmin
from exhibition.admin.forms import ObjectImageAdminForm, ObjectModel3DAdminForm
from exhibition.admin.generics import TabularInline
from exhibition.admin.large_tables import LargeTableAdmin
from exhibition.admin.links import restoration_tool_link, restoration_tool_url
from exhibition.admin.previews import image_preview
from exhibition.admin.translations import ObjectTranslationInline
from exhibition.models import (
    Agent,
    AuditLogEntry,
    CollectionObject,
    ObjectCreator,
    ObjectImage,
    ObjectModel3D,
    Place,
    Tag,
)
from exhibition.services.media import image_request_tiles
from exhibition.whole_numbers import positive_int

# The change page lists the most recent edits; the full log is one link away.
HISTORY_ON_PAGE = 50


class ObjectCreatorInline(TabularInline[ObjectCreator, CollectionObject]):
    model = ObjectCreator
    extra = 0
    autocomplete_fields = ["agent"]
    fields = ["agent", "role", "qualifier", "order"]


class ObjectImageInline(TabularInline[ObjectImage, CollectionObject]):
    model = ObjectImage
    form = ObjectImageAdminForm
    extra = 0
    fields = [
        *("preview", "original", "alt_text", "order", "pixel_size", "tiles_ready"),
        "restoration_tool",
    ]
    readonly_fields = ["preview", "pixel_size", "tiles_ready", "restoration_tool"]
    show_change_link = True

    @admin.display(description=gettext_lazy("Virtual restoration"))
    def restoration_tool(self, image: ObjectImage) -> SafeString | str:
        return restoration_tool_link(image) if image.pk else "—"

    @admin.display(description=gettext_lazy("Preview"))
    def preview(self, image: ObjectImage) -> SafeString | str:
        return image_preview(image.original, alt=image.alt_text)

    @admin.display(description=gettext_lazy("Size (px)"))
    def pixel_size(self, image: ObjectImage) -> str:
        return f"{image.width}×{image.height}" if image.pk else "—"


class ObjectModel3DInline(TabularInline[ObjectModel3D, CollectionObject]):
    model = ObjectModel3D
    form = ObjectModel3DAdminForm
    extra = 0
    fields = ["poster_preview", "glb", "poster", "alt_text", "order", "size_bytes"]
    readonly_fields = ["poster_preview", "size_bytes"]
    show_change_link = True  # Hotspots are edited on the model's own page.

    @admin.display(description=gettext_lazy("Poster"))
    def poster_preview(self, model: ObjectModel3D) -> SafeString | str:
        return image_preview(model.poster, alt=model.alt_text)


@admin.register(CollectionObject)
class CollectionObjectAdmin(LargeTableAdmin, AuditedModelAdmin[CollectionObject]):
    list_display = [
        "thumbnail",
        "title",
        "accession_number",
        "object_type",
        "visibility",
        "is_damaged",
        "featured",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["visibility", "object_type", "is_damaged", "featured"]
    # Title and accession number are searched through trigram indexes on PostgreSQL
    # (migration 0010); a slug is matched whole, through its unique index.
    search_fields = ["title", "accession_number", "=slug"]
    # Title then id, both ways through one index; Django would otherwise add "-pk".
    ordering = ["title", "pk"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["place", "tags"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [
        ObjectCreatorInline,
        ObjectImageInline,
        ObjectModel3DInline,
        ObjectTranslationInline,
        AnnotationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "accession_number", "object_type", "visibility"]}),
        (
            gettext_lazy("Description"),
            {
                "fields": [
                    "date_display",
                    ("date_start", "date_end"),
                    "culture",
                    "place",
                    "medium",
                    "dimensions",
                    "description",
                    "language",
                    "tags",
                ]
            },
        ),
        (gettext_lazy("Rights"), {"fields": ["licence", "credit_line", "attribution", "source"]}),
        (gettext_lazy("Presentation"), {"fields": ["content_note", "is_damaged", "featured"]}),
        (
            pgettext_lazy("admin fieldset", "Record"),
            {"fields": ["created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[CollectionObject]:
        return super().get_queryset(request).prefetch_related("images")

    @admin.display(description=gettext_lazy("Image"))
    def thumbnail(self, obj: CollectionObject) -> SafeString | str:
        # Uses the prefetched images: one query for the whole page, not one per row.
        images = list(obj.images.all())
        if not images:
            return "—"
        return image_preview(images[0].original, alt=images[0].alt_text, size="small")

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is ObjectImage:
            saved = [*formset.new_objects, *(image for image, _ in formset.changed_objects)]
            for image in saved:
                if not image.tiles_ready:
                    image_request_tiles(image=image)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        context = dict(extra_context or {})
        object_pk = positive_int(object_id)
        entries = (
            AuditLogEntry.objects.filter(collection_object_id=object_pk)
            if object_pk is not None
            else AuditLogEntry.objects.none()
        )
        context["audit_history"] = [
            (entry, change_rows(entry)) for entry in entries[:HISTORY_ON_PAGE]
        ]
        context["audit_total"] = entries.count()
        # The restoration tool, linked at the top: the images table may be long.
        images = ObjectImage.objects.filter(collection_object_id=object_pk).order_by("order", "pk")
        tools = [(number, restoration_tool_url(image)) for number, image in enumerate(images, 1)]
        context["restoration_tools"] = [
            (_("image %(number)d") % {"number": number} if len(images) > 1 else _("its image"), url)
            for number, url in tools
            if url is not None
        ]
        context["audit_log_url"] = (
            reverse("admin:exhibition_auditlogentry_changelist")
            + f"?collection_object__id__exact={object_id}"
        )
        return super().change_view(request, object_id, form_url, context)


@admin.register(Agent)
class AgentAdmin(AuditedModelAdmin[Agent]):
    list_display = ["name", "dates", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(AuditedModelAdmin[Place]):
    list_display = ["name", "latitude", "longitude", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(AuditedModelAdmin[Tag]):
    list_display = ["name", "object_count"]
    search_fields = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Tag]:
        return super().get_queryset(request).annotate(object_total=Count("collection_objects"))

    @admin.display(description=gettext_lazy("Objects"), ordering="object_total")
    def object_count(self, tag: Tag) -> SafeString:
        url = reverse("admin:exhibition_collectionobject_changelist") + f"?tags__id__exact={tag.pk}"
        return format_html('<a href="{}">{}</a>', url, getattr(tag, "object_total", 0))
