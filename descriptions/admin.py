"""Descriptions in the curators' admin: edit a draft beside its picture, then review it.

Editing saves through ``description_edit`` (kept sentences keep their sources, new ones are
the curator's); approving or rejecting is the shared review (the review queue's page for
the description's machine output, where this module registers a preview).
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from descriptions.checklist import check_description
from descriptions.models import Description
from descriptions.services import description_edit
from exhibition.admin.generics import ModelAdmin, ModelForm
from exhibition.admin.previews import EMPTY, image_preview
from exhibition.admin.review_previews import ReviewPreview, register_review_preview
from exhibition.models import MachineOutput, MachineOutputKind


def described_picture(description: Description) -> SafeString | str:
    """The picture the description was drafted from, large, for side-by-side editing."""
    obj = description.collection_object
    image = obj.images.order_by("order", "pk").first()
    if image is not None:
        return image_preview(image.original, alt=image.alt_text or obj.title, size="large")
    model = obj.models3d.exclude(poster="").order_by("order", "pk").first()
    if model is not None:
        return image_preview(model.poster, alt=model.alt_text or obj.title, size="large")
    return EMPTY


@admin.register(Description)
class DescriptionAdmin(ModelAdmin[Description]):
    list_display = ["collection_object", "language", "status", "edited_by", "produced_at"]
    list_filter = ["machine_output__status", "language"]
    list_select_related = ["collection_object", "machine_output", "edited_by"]
    search_fields = ["collection_object__title", "alt_text", "short_text"]
    # The picture and the long description side by side (one admin form row).
    fields = [
        "collection_object",
        "review",
        "checklist",
        ("picture", "long_text"),
        "alt_text",
        "short_text",
    ]
    readonly_fields = ["picture", "collection_object", "review", "checklist"]
    change_form_template = "admin/descriptions/description/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # drafted by the generator (draft_descriptions), never typed from nothing

    @admin.display(description=gettext_lazy("Status"), ordering="machine_output__status")
    def status(self, description: Description) -> str:
        return description.machine_output.get_status_display()

    @admin.display(description=gettext_lazy("Drafted"), ordering="machine_output__produced_at")
    def produced_at(self, description: Description) -> Any:
        return description.machine_output.produced_at

    @admin.display(description=gettext_lazy("Picture"))
    def picture(self, description: Description) -> SafeString | str:
        return described_picture(description)

    @admin.display(description=gettext_lazy("Review"))
    def review(self, description: Description) -> SafeString:
        url = reverse("admin:exhibition_machineoutput_change", args=[description.machine_output_id])
        return format_html(
            '{} · <a href="{}">{}</a>',
            description.machine_output.get_status_display(),
            url,
            _("Approve or reject in the review queue"),
        )

    @admin.display(description=gettext_lazy("Guideline checks"))
    def checklist(self, description: Description) -> str:
        failed = check_description(description)
        if not failed:
            return _("Passes every mechanical rule")
        return _("Fails: %(checks)s") % {"checks": ", ".join(failed)}

    def save_model(
        self, request: HttpRequest, obj: Description, form: ModelForm[Description], change: bool
    ) -> None:
        if not isinstance(request.user, User):
            raise PermissionDenied
        # The form's values go through the service: sources kept per sentence, audit logged.
        original = Description.objects.get(pk=obj.pk)
        description_edit(
            description=original,
            curator=request.user,
            alt_text=form.cleaned_data["alt_text"],
            short_text=form.cleaned_data["short_text"],
            long_text=form.cleaned_data["long_text"],
        )


def description_preview(output: MachineOutput) -> SafeString | None:
    """The review page's view: the picture beside the three layers and their checks."""
    description = Description.objects.filter(machine_output=output).first()
    if description is None:
        return None
    context = {
        "description": description,
        "picture": described_picture(description),
        "failed": check_description(description),
        "edit_url": reverse("admin:descriptions_description_change", args=[description.pk]),
    }
    return mark_safe(render_to_string("admin/descriptions/review_preview.html", context))


def connect() -> None:
    register_review_preview(
        ReviewPreview(kind=MachineOutputKind.DESCRIPTION, render=description_preview)
    )
