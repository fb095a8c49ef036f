"""Admin for exhibitions: sections inline on the exhibition, objects inline on a section."""

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from exhibition.admin.audited_edits import AuditedModelAdmin
from exhibition.admin.generics import StackedInline, TabularInline
from exhibition.models import Exhibition, ExhibitionSection, SectionObject


class ExhibitionSectionInline(StackedInline[ExhibitionSection, Exhibition]):
    model = ExhibitionSection
    extra = 0
    fields = ["order", "heading", "body"]
    # A section's objects are chosen on the section's own page.
    show_change_link = True


@admin.register(Exhibition)
class ExhibitionAdmin(AuditedModelAdmin[Exhibition]):
    list_display = ["title", "slug", "visibility", "featured", "order", "section_count"]
    list_filter = ["visibility", "featured"]
    list_editable = ["order"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["cover_object"]
    fields = [
        "title",
        "slug",
        "subtitle",
        "summary",
        "cover_object",
        "visibility",
        "featured",
        "order",
    ]
    inlines = [ExhibitionSectionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Exhibition]:
        return super().get_queryset(request).annotate(section_total=Count("sections"))

    @admin.display(description=gettext_lazy("Sections"), ordering="section_total")
    def section_count(self, exhibition: Exhibition) -> int:
        return getattr(exhibition, "section_total", 0)


class SectionObjectInline(TabularInline[SectionObject, ExhibitionSection]):
    model = SectionObject
    extra = 0
    autocomplete_fields = ["collection_object"]
    fields = ["order", "collection_object", "caption"]


@admin.register(ExhibitionSection)
class ExhibitionSectionAdmin(AuditedModelAdmin[ExhibitionSection]):
    list_display = ["heading", "exhibition", "order"]
    list_filter = ["exhibition"]
    list_select_related = ["exhibition"]
    search_fields = ["heading", "body", "exhibition__title"]
    autocomplete_fields = ["exhibition"]
    fields = ["exhibition", "order", "heading", "body"]
    inlines = [SectionObjectInline]
