"""The curators' admin for the gallery map: maps, rooms (open or closed), links and locations.

A demo map says so on its list and its page ("Demo data — made up for the demo collection").
No inline styles or scripts: the map preview is SVG with presentation attributes only, so the
pages work under the site's Content-Security-Policy.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, ForeignKey, QuerySet
from django.forms import ModelChoiceField
from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from exhibition.admin.generics import ModelAdmin, ModelForm, TabularInline
from exhibition.whole_numbers import positive_int
from tours.gallery.selectors import map_rooms
from tours.gallery.services import gallery_map_make_current, rooms_set_closed
from tours.gallery.svg import map_svg
from tours.models import GalleryMap, ObjectLocation, Room, RoomLink

# Marked here, translated where shown (the admin's language is known only per request).
DEMO_LABEL = gettext_noop("Demo data — made up for the demo collection")


def _parent_map_id(request: HttpRequest) -> int | None:
    """The map whose change page is open (inlines offer only its rooms)."""
    match = request.resolver_match
    return positive_int(match.kwargs.get("object_id", "")) if match is not None else None


class RoomInline(TabularInline[Room, GalleryMap]):
    model = Room
    extra = 0
    fields = ["name", "slug", "floor", "is_closed", "is_entrance", "is_exit"]
    show_change_link = True  # the outline and the objects are edited on the room's page


class RoomLinkInline(TabularInline[RoomLink, GalleryMap]):
    model = RoomLink
    extra = 0
    fields = ["room_a", "room_b", "walking_seconds", "step_free"]

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> "ModelChoiceField[Any] | None":
        if db_field.name in {"room_a", "room_b"}:
            kwargs["queryset"] = Room.objects.filter(gallery_map_id=_parent_map_id(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(GalleryMap)
class GalleryMapAdmin(ModelAdmin[GalleryMap]):
    list_display = ["name", "is_current", "data", "room_count", "loaded_at"]
    list_filter = ["is_current", "is_demo"]
    readonly_fields = ["data", "loaded_at", "map_preview"]
    fields = [
        "name",
        "data",
        "is_current",
        "is_demo",
        "viewing_seconds",
        "loaded_at",
        "map_preview",
    ]
    inlines = [RoomInline, RoomLinkInline]
    actions = ["make_current"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[GalleryMap]:
        return super().get_queryset(request).annotate(room_total=Count("rooms"))

    @admin.display(description=gettext_lazy("Data"))
    def data(self, gallery_map: GalleryMap) -> str:
        return _(DEMO_LABEL) if gallery_map.is_demo else _("The museum's own")

    @admin.display(description=gettext_lazy("Rooms"), ordering="room_total")
    def room_count(self, gallery_map: GalleryMap) -> int:
        return int(getattr(gallery_map, "room_total", 0))

    @admin.display(description=gettext_lazy("Map"))
    def map_preview(self, gallery_map: GalleryMap) -> SafeString | str:
        if gallery_map.pk is None:
            return "—"
        return map_svg(
            rooms=map_rooms(gallery_map=gallery_map),
            title=_("Plan of %(map)s") % {"map": gallery_map},
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        gallery_map = self.get_object(request, object_id)
        if request.method == "GET" and gallery_map is not None and gallery_map.is_demo:
            messages.warning(
                request,
                _("%(map)s: %(label)s.") % {"map": gallery_map.name, "label": _(DEMO_LABEL)},
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(
        self, request: HttpRequest, obj: GalleryMap, form: ModelForm[GalleryMap], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if obj.is_current:
            gallery_map_make_current(gallery_map=obj)

    @admin.action(description=gettext_lazy("Plan tours on the selected map"))
    def make_current(self, request: HttpRequest, queryset: QuerySet[GalleryMap]) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one map."), messages.ERROR)
            return
        gallery_map = queryset.get()
        gallery_map_make_current(gallery_map=gallery_map)
        self.message_user(request, _("Tours are now planned on “%(map)s”.") % {"map": gallery_map})


class ObjectLocationInlineForm(ModelForm[ObjectLocation]):
    """An object placed in this room; the room's map is the location's map."""

    class Meta:
        model = ObjectLocation
        fields = ["collection_object"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        room = Room.objects.filter(pk=self.instance.room_id).first()
        placed = cleaned.get("collection_object")
        if room is None or placed is None:
            return cleaned
        self.instance.gallery_map_id = room.gallery_map_id
        elsewhere = (
            ObjectLocation.objects.filter(
                gallery_map_id=room.gallery_map_id, collection_object=placed
            )
            .exclude(pk=self.instance.pk)
            .select_related("room")
            .first()
        )
        if elsewhere is not None:
            raise forms.ValidationError(
                _("“%(object)s” is already placed in %(room)s; move it there instead.")
                % {"object": placed, "room": elsewhere.room}
            )
        return cleaned


class ObjectLocationFormSet(forms.BaseInlineFormSet):  # type: ignore[type-arg]
    """The same object twice in one save is refused (the database would refuse it too)."""

    def clean(self) -> None:
        super().clean()
        seen: set[int] = set()
        for form in self.forms:
            placed = getattr(form, "cleaned_data", {}).get("collection_object")
            if placed is None or form.cleaned_data.get("DELETE"):
                continue
            if placed.pk in seen:
                raise forms.ValidationError(_("“%(object)s” is listed twice.") % {"object": placed})
            seen.add(placed.pk)


class ObjectLocationInline(TabularInline[ObjectLocation, Room]):
    model = ObjectLocation
    form = ObjectLocationInlineForm
    formset = ObjectLocationFormSet
    fk_name = "room"
    extra = 0
    autocomplete_fields = ["collection_object"]
    verbose_name = gettext_lazy("object shown here")
    verbose_name_plural = gettext_lazy("objects shown here")


@admin.register(Room)
class RoomAdmin(ModelAdmin[Room]):
    list_display = [
        # The editable "closed" column first, where it is seen without scrolling.
        *("name", "is_closed", "floor", "is_entrance", "is_exit", "object_count"),
        *("slug", "gallery_map"),
    ]
    list_editable = ["is_closed"]
    list_filter = ["gallery_map", "is_closed", "floor"]
    search_fields = ["name", "slug"]
    list_select_related = ["gallery_map"]
    fields = [
        "gallery_map",
        "name",
        "slug",
        "floor",
        "shape",
        "is_closed",
        "is_entrance",
        "is_exit",
    ]
    inlines = [ObjectLocationInline]
    actions = ["close_rooms", "open_rooms"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Room]:
        return super().get_queryset(request).annotate(object_total=Count("locations"))

    @admin.display(description=gettext_lazy("Objects"), ordering="object_total")
    def object_count(self, room: Room) -> int:
        return int(getattr(room, "object_total", 0))

    def get_readonly_fields(self, request: HttpRequest, obj: Room | None = None) -> list[str]:
        # A room stays on its map: its links and objects belong to that map.
        return ["gallery_map"] if obj is not None else []

    @admin.action(description=gettext_lazy("Close the selected rooms to visitors"))
    def close_rooms(self, request: HttpRequest, queryset: QuerySet[Room]) -> None:
        changed = rooms_set_closed(rooms=queryset, closed=True)
        self.message_user(
            request,
            ngettext(
                "Closed %(count)d room; tours now avoid it.",
                "Closed %(count)d rooms; tours now avoid them.",
                changed,
            )
            % {"count": changed},
        )

    @admin.action(description=gettext_lazy("Open the selected rooms again"))
    def open_rooms(self, request: HttpRequest, queryset: QuerySet[Room]) -> None:
        changed = rooms_set_closed(rooms=queryset, closed=False)
        self.message_user(
            request,
            ngettext("Opened %(count)d room.", "Opened %(count)d rooms.", changed)
            % {"count": changed},
        )


class RoomLinkForm(ModelForm[RoomLink]):
    class Meta:
        model = RoomLink
        fields = ["gallery_map", "room_a", "room_b", "walking_seconds", "step_free"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        gallery_map, room_a, room_b = (cleaned.get(k) for k in ("gallery_map", "room_a", "room_b"))
        if room_a is not None and room_a == room_b:
            self.add_error("room_b", _("A link joins two different rooms."))
        for field_name, room in (("room_a", room_a), ("room_b", room_b)):
            if (
                gallery_map is not None
                and room is not None
                and room.gallery_map_id != gallery_map.pk
            ):
                self.add_error(field_name, _("%(room)s is on another map.") % {"room": room})
        return cleaned


@admin.register(RoomLink)
class RoomLinkAdmin(ModelAdmin[RoomLink]):
    form = RoomLinkForm
    list_display = ["__str__", "gallery_map", "walking_seconds", "step_free"]
    list_filter = ["gallery_map", "step_free"]
    list_select_related = ["gallery_map", "room_a", "room_b"]
    autocomplete_fields = ["room_a", "room_b"]


class ObjectLocationForm(ModelForm[ObjectLocation]):
    class Meta:
        model = ObjectLocation
        fields = ["gallery_map", "room", "collection_object"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        gallery_map, room = cleaned.get("gallery_map"), cleaned.get("room")
        if gallery_map is not None and room is not None and room.gallery_map_id != gallery_map.pk:
            self.add_error("room", _("%(room)s is on another map.") % {"room": room})
        return cleaned


@admin.register(ObjectLocation)
class ObjectLocationAdmin(ModelAdmin[ObjectLocation]):
    form = ObjectLocationForm
    list_display = ["collection_object", "room", "gallery_map"]
    list_filter = ["gallery_map", "room__is_closed", "room"]
    list_select_related = ["collection_object", "room", "gallery_map"]
    search_fields = [
        "collection_object__title",
        "collection_object__accession_number",
        "room__name",
    ]
    autocomplete_fields = ["collection_object", "room"]
