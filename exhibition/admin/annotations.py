"""Admin for annotations: a form with a drawing tool over the image (or a picker on the
3D model) and numeric fields as the keyboard way; every write goes through the services.

On an object's page the annotations are listed (read-only) with links to annotate each
image and model; editing happens on the annotation's own page.
"""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from exhibition.admin.generics import ModelAdmin, ModelForm, TabularInline
from exhibition.admin.large_tables import LargeTableAdmin
from exhibition.annotations.geometry import MAX_POLYGON_POINTS, clean_selector
from exhibition.models import Annotation, CollectionObject, ObjectImage, ObjectModel3D
from exhibition.models.annotations import SelectorKind
from exhibition.services.annotations import (
    AnnotationInput,
    annotation_create,
    annotation_delete,
    annotation_update,
    clean_body,
)
from exhibition.whole_numbers import positive_int

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

# "x,y" pairs separated by spaces; room for the most points a polygon may have.
POINTS_MAX_LENGTH = MAX_POLYGON_POINTS * 24
COORDINATE_LIMIT = 1e6


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def parse_points(text: str) -> list[list[float]]:
    points = []
    for pair in text.split():
        x, comma, y = pair.partition(",")
        try:
            points.append([float(x), float(y)])
        except ValueError:
            raise ValidationError(
                _("Write the points as x,y pairs separated by spaces, e.g. “10,20 30,40 50,10”.")
            ) from None
        if not comma:
            raise ValidationError(_("Each point is an x,y pair."))
    return points


def _number(label: "StrOrPromise") -> forms.FloatField:
    return forms.FloatField(
        label=label, required=False, min_value=-COORDINATE_LIMIT, max_value=COORDINATE_LIMIT
    )


class AnnotationAdminForm(ModelForm[Annotation]):
    rect_x = forms.IntegerField(label=gettext_lazy("Left (x, pixels)"), required=False, min_value=0)
    rect_y = forms.IntegerField(label=gettext_lazy("Top (y, pixels)"), required=False, min_value=0)
    rect_w = forms.IntegerField(label=gettext_lazy("Width (pixels)"), required=False, min_value=1)
    rect_h = forms.IntegerField(label=gettext_lazy("Height (pixels)"), required=False, min_value=1)
    polygon_points = forms.CharField(
        label=gettext_lazy("Polygon points"),
        required=False,
        max_length=POINTS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("x,y pairs in image pixels, separated by spaces."),
    )
    point_x = _number(gettext_lazy("Point x"))
    point_y = _number(gettext_lazy("Point y"))
    point_z = _number(gettext_lazy("Point z"))
    normal_x = _number(gettext_lazy("Normal x"))
    normal_y = _number(gettext_lazy("Normal y"))
    normal_z = _number(gettext_lazy("Normal z"))

    class Meta:
        model = Annotation
        fields = [
            "image",
            "model3d",
            "selector_kind",
            "body",
            "language",
            "motivation",
            "visibility",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.annotation_input: AnnotationInput | None = None
        data = self.instance.selector if self.instance.pk else None
        if isinstance(data, dict):
            self._initial_from_selector(data)

    def _initial_from_selector(self, data: dict[str, Any]) -> None:
        kind = self.instance.selector_kind
        if kind == SelectorKind.RECT:
            for key in ("x", "y", "w", "h"):
                self.initial[f"rect_{key}"] = data.get(key)
        elif kind == SelectorKind.POLYGON:
            pairs = data.get("points", [])
            self.initial["polygon_points"] = " ".join(f"{x},{y}" for x, y in pairs)
        else:
            for key in ("x", "y", "z"):
                self.initial[f"point_{key}"] = data.get(key)
            for key, value in zip(("x", "y", "z"), data.get("normal", []), strict=False):
                self.initial[f"normal_{key}"] = value

    def _selector(self, kind: str) -> dict[str, Any]:
        value = self.cleaned_data.get
        if kind == SelectorKind.RECT:
            names = {"x": "rect_x", "y": "rect_y", "w": "rect_w", "h": "rect_h"}
            if any(value(name) is None for name in names.values()):
                raise ValidationError(
                    _("Draw the rectangle, or give its left, top, width and height.")
                )
            return {key: value(name) for key, name in names.items()}
        if kind == SelectorKind.POLYGON:
            return {"points": parse_points(value("polygon_points") or "")}
        if any(value(f"point_{axis}") is None for axis in "xyz"):
            raise ValidationError(_("Pick the point on the model, or give its x, y and z."))
        normal = [value(f"normal_{axis}") for axis in "xyz"]
        return {
            **{axis: value(f"point_{axis}") for axis in "xyz"},
            "normal": [0, 1, 0] if all(n is None for n in normal) else [n or 0 for n in normal],
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("selector_kind")
        if self.errors or kind is None:
            return cleaned
        data = AnnotationInput(
            selector_kind=kind,
            selector=self._selector(kind),
            body=cleaned.get("body", ""),
            image=cleaned.get("image"),
            model3d=cleaned.get("model3d"),
            motivation=cleaned.get("motivation", ""),
            visibility=cleaned.get("visibility", ""),
            language=cleaned.get("language", ""),
        )
        # Checked here too so a curator sees what is wrong beside the form; the
        # services check again whoever calls them.
        clean_selector(kind=kind, data=data.selector, image=data.image, model=data.model3d)
        clean_body(data.body)
        self.annotation_input = data
        return cleaned


@admin.register(Annotation)
class AnnotationAdmin(LargeTableAdmin, ModelAdmin[Annotation]):
    form = AnnotationAdminForm
    list_display = ["short_body", "collection_object", "selector_kind", "motivation", "visibility"]
    list_filter = ["selector_kind", "motivation", "visibility"]
    search_fields = ["body", "collection_object__title", "collection_object__slug"]
    readonly_fields = ["collection_object", "creator", "created", "modified"]
    fieldsets = [
        (None, {"fields": ["image", "model3d", "selector_kind"]}),
        (
            gettext_lazy("Rectangle"),
            {"fields": [("rect_x", "rect_y", "rect_w", "rect_h")], "classes": ["annotation-rect"]},
        ),
        (
            gettext_lazy("Polygon"),
            {"fields": ["polygon_points"], "classes": ["annotation-polygon"]},
        ),
        (
            gettext_lazy("Point on the 3D model"),
            {
                "fields": [("point_x", "point_y", "point_z"), ("normal_x", "normal_y", "normal_z")],
                "classes": ["annotation-point3d"],
            },
        ),
        (None, {"fields": ["body", "language", "motivation", "visibility"]}),
        (
            pgettext_lazy("admin fieldset", "Record"),
            {"fields": ["collection_object", "creator", "created", "modified"]},
        ),
    ]

    class Media:
        js = ["js/admin-annotation-editor.js"]
        css = {"all": ["css/admin-annotation-editor.css"]}

    @admin.display(description=gettext_lazy("Text"))
    def short_body(self, annotation: Annotation) -> str:
        return annotation.body if len(annotation.body) <= 80 else f"{annotation.body[:79]}…"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Annotation]:
        return super().get_queryset(request).select_related("collection_object", "creator")

    def get_form(
        self,
        request: HttpRequest,
        obj: Annotation | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        owner = self._owner(request, obj)
        if owner is not None:
            # Only the media of the object being annotated are offered.
            image_field: Any = form.base_fields["image"]
            model_field: Any = form.base_fields["model3d"]
            image_field.queryset = ObjectImage.objects.filter(collection_object=owner)
            model_field.queryset = ObjectModel3D.objects.filter(collection_object=owner)
        return form

    def _owner(self, request: HttpRequest, obj: Annotation | None) -> CollectionObject | None:
        if obj is not None:
            return obj.collection_object
        image_pk = positive_int(request.GET.get("image", ""))
        model_pk = positive_int(request.GET.get("model3d", ""))
        media: ObjectImage | ObjectModel3D | None = None
        if image_pk is not None:
            media = (
                ObjectImage.objects.select_related("collection_object").filter(pk=image_pk).first()
            )
        elif model_pk is not None:
            media = (
                ObjectModel3D.objects.select_related("collection_object")
                .filter(pk=model_pk)
                .first()
            )
        return media.collection_object if media is not None else None

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        context = dict(extra_context or {})
        pk = positive_int(object_id or "")
        obj = (
            Annotation.objects.select_related("collection_object").filter(pk=pk).first()
            if pk is not None
            else None
        )
        context["annotation_media"] = self._media_for_editor(self._owner(request, obj))
        return super().changeform_view(request, object_id, form_url, context)

    def _media_for_editor(self, owner: CollectionObject | None) -> dict[str, Any]:
        if owner is None:
            return {"images": {}, "models": {}}
        images = {
            str(image.pk): {"url": image.original.url, "width": image.width, "height": image.height}
            for image in owner.images.all()
            if image.original
        }
        models = {str(model.pk): {"url": model.glb.url} for model in owner.models3d.all()}
        return {
            "images": images,
            "models": models,
            "moduleUrl": static("vendor/model-viewer.min.js"),
        }

    def save_model(self, request: HttpRequest, obj: Annotation, form: Any, change: bool) -> None:
        data = form.annotation_input
        if data is None:  # clean() always sets it on a valid form
            raise ValidationError(_("The annotation could not be checked."))
        if change:
            saved = annotation_update(annotation=obj, data=data, editor=_actor(request))
        else:
            saved = annotation_create(data=data, creator=_actor(request))
        # The admin goes on with its own instance (messages, redirect): make it the saved one.
        obj.__dict__.update(saved.__dict__)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # No many-to-many fields and no inlines: everything was written by the service.
        return None

    def delete_model(self, request: HttpRequest, obj: Annotation) -> None:
        annotation_delete(annotation=obj, editor=_actor(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        for annotation in queryset:
            annotation_delete(annotation=annotation, editor=_actor(request))


class AnnotationInline(TabularInline[Annotation, CollectionObject]):
    """The object's annotations, listed; each is edited on its own page (through services)."""

    model = Annotation
    fk_name = "collection_object"
    template = "admin/exhibition/annotation/inline.html"
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["body", "selector_kind", "motivation", "visibility", "creator"]
    readonly_fields = ["body", "selector_kind", "motivation", "visibility", "creator"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Listed read-only: a change here would bypass the services' checks and log.
        return False
