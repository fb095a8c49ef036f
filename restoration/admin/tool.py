"""The curators' virtual-restoration tool in the admin.

For one object image a curator sees the proposed damage mask over the image (parameters
adjustable), corrects it by painting on a canvas or replaces it with an uploaded mask,
runs an engine, and compares the runs side by side. A run is queued through
``restoration.requests`` (run at once in the embedded default, by a worker when scaled out,
with its progress shown here) and stored as a draft; approving one stays in the review
queue, where every machine output is decided the same way. The proposal is cached per
original and parameters (restoration.proposals). OpenCV and torch load only when a run or
a detection needs them: opening the admin never loads them.
"""

import base64
import binascii
import dataclasses
import io
from dataclasses import dataclass
from typing import Any

import numpy as np
from django import forms
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image

from exhibition.models import ObjectImage, Restoration
from restoration.damage import DamageParameters
from restoration.engines import restoration_engines
from restoration.engines.base import Mask
from restoration.models import RestorationRequest
from restoration.proposals import damage_proposal
from restoration.selectors import (
    failed_restoration_runs,
    restoration_requests_in_progress,
    restoration_runs,
)

DATA_URL_PREFIX = "data:image/png;base64,"
RUN_PERMISSION = "exhibition.add_restoration"
COMPARE_LIMIT = 8  # runs shown side by side: the most recent first
OVERLAY_RGBA = (228, 0, 124, 255)  # the site's --mask colour


@dataclass(frozen=True)
class EngineChoice:
    name: str
    unavailable: str | None  # None when it can run; otherwise why not
    description: str = ""  # one line for the curator: what the engine does, where it is good


def engine_choices() -> list[EngineChoice]:
    """Every registered engine, with the reason it cannot run here (if any)."""
    choices = []
    for name in restoration_engines.names():
        description = ""
        try:
            engine_class = restoration_engines.engine_class(name)
            # Marked with gettext_noop where the engine is written; translated here, per request.
            description = _(engine_class.description) if engine_class.description else ""
            reason = engine_class().availability()
        except ImproperlyConfigured as exc:  # its module or class cannot be imported
            reason = _("not installed (%(error)s)") % {"error": exc}
        except Exception as exc:  # an engine that cannot even be built is unavailable
            reason = str(exc) or type(exc).__name__
        choices.append(EngineChoice(name, reason, description))
    return choices


def damage_parameters_form_class() -> type[forms.Form]:
    """A form with one field per DamageParameters field, its default and its help."""
    help_texts = DamageParameters.help_texts()
    form_fields: dict[str, forms.Field] = {}
    for spec in dataclasses.fields(DamageParameters):
        kind: type[forms.Field] = {bool: forms.BooleanField, int: forms.IntegerField}.get(
            spec.type if isinstance(spec.type, type) else type(spec.default), forms.FloatField
        )
        # Not required: a field left out keeps the detector's default.
        options: dict[str, Any] = {
            "initial": spec.default,
            "help_text": _(help_texts[spec.name]) if help_texts[spec.name] else "",
            "required": False,
        }
        form_fields[spec.name] = kind(label=spec.name.replace("_", " ").capitalize(), **options)
    return type("DamageParametersForm", (forms.Form,), form_fields)


def damage_parameters_from(form: forms.Form) -> DamageParameters | None:
    """DamageParameters from a valid form; its own checks become form errors."""
    try:
        given = {name: value for name, value in form.cleaned_data.items() if value is not None}
        return DamageParameters(**given)
    except ValueError as exc:
        form.add_error(None, str(exc))
        return None


class RestorationRunForm(forms.Form):
    MASK_SOURCES = [
        ("canvas", gettext_lazy("The mask on the canvas (proposed, as corrected by painting)")),
        (
            "upload",
            gettext_lazy("An uploaded mask image (same size as the image; white = reconstruct)"),
        ),
    ]
    engine = forms.ChoiceField(widget=forms.RadioSelect)
    mask_source = forms.ChoiceField(
        choices=MASK_SOURCES, initial="canvas", widget=forms.RadioSelect
    )
    mask_file = forms.FileField(required=False, label=gettext_lazy("Mask image"))
    mask_data = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, engines: list[EngineChoice], size: tuple[int, int], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.size = size
        engine = self.fields["engine"]
        assert isinstance(engine, forms.ChoiceField)
        # Only engines that can run here may be chosen; the others are shown disabled.
        engine.choices = [(e.name, e.name) for e in engines if not e.unavailable]

    def clean(self) -> dict[str, Any]:
        from restoration.masks import MaskError, mask_from_png

        data = super().clean() or {}
        submitted = self._mask_bytes(data)
        try:
            data["mask"] = None if submitted is None else mask_from_png(submitted, size=self.size)
        except MaskError as exc:
            raise forms.ValidationError(_("Mask refused: %(reason)s.") % {"reason": exc}) from None
        return data

    def _mask_bytes(self, data: dict[str, Any]) -> bytes | None:
        """The submitted mask's bytes; None means "use the proposed mask"."""
        if data.get("mask_source") == "upload":
            upload = data.get("mask_file")
            if upload is None:
                raise forms.ValidationError(_("Choose a mask image to upload."))
            upload.seek(0)
            return bytes(upload.read())
        painted = str(data.get("mask_data") or "")
        if not painted:
            return None  # no script ran: the proposed mask, as detected
        if not painted.startswith(DATA_URL_PREFIX):
            raise forms.ValidationError(_("The painted mask must be a PNG data URL."))
        try:
            return base64.b64decode(painted[len(DATA_URL_PREFIX) :], validate=True)
        except (binascii.Error, ValueError):
            raise forms.ValidationError(_("The painted mask could not be decoded.")) from None


def overlay_data_url(mask: Mask) -> str:
    """The mask as a coloured, otherwise transparent PNG that the canvas starts from."""
    rgba = np.zeros((*mask.shape, 4), dtype=np.uint8)
    rgba[mask] = OVERLAY_RGBA
    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="PNG", optimize=False)
    return DATA_URL_PREFIX + base64.b64encode(buffer.getvalue()).decode("ascii")


class RestorationTools:
    """The tool's views, mounted under the Restoration admin (see ``urls``)."""

    def __init__(self, admin_site: AdminSite) -> None:
        self.admin_site = admin_site

    def urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path("tool/", view(self.index_view), name="exhibition_restoration_tool_index"),
            path("tool/<int:image_id>/", view(self.tool_view), name="exhibition_restoration_tool"),
            path(
                "tool/<int:image_id>/progress/",
                view(self.progress_view),
                name="exhibition_restoration_tool_progress",
            ),
        ]

    def index_view(self, request: HttpRequest) -> TemplateResponse:
        """Every object image, damaged ones first and marked."""
        images = ObjectImage.objects.select_related("collection_object").order_by(
            "-collection_object__is_damaged", "collection_object__title", "order"
        )
        context = {**self._context(request, _("Virtual restoration")), "images": images}
        return TemplateResponse(request, "admin/restoration/index.html", context)

    def tool_view(self, request: HttpRequest, image_id: int) -> HttpResponse:
        from restoration.images import ImageTooLarge, ImageUnreadable

        image = get_object_or_404(
            ObjectImage.objects.select_related("collection_object"), pk=image_id
        )
        engines = engine_choices()
        params_form = damage_parameters_form_class()(request.GET or None)
        params = damage_parameters_from(params_form) if params_form.is_valid() else None
        try:
            proposed = damage_proposal(image=image, params=params if params_form.is_bound else None)
        except (ImageTooLarge, ImageUnreadable) as exc:
            return self._render(request, image, engines=engines, load_error=str(exc))
        size = (proposed.shape[1], proposed.shape[0])
        if request.method == "POST":
            if not request.user.has_perm(RUN_PERMISSION):
                raise PermissionDenied
            run_form = RestorationRunForm(request.POST, request.FILES, engines=engines, size=size)
            if run_form.is_valid() and (params is not None or not params_form.is_bound):
                done = self._run(request, image, run_form.cleaned_data, params)
                if done:
                    return HttpResponseRedirect(request.get_full_path())
        else:
            run_form = RestorationRunForm(engines=engines, size=size)
        return self._render(
            request,
            image,
            engines=engines,
            params_form=params_form,
            run_form=run_form,
            proposed=proposed,
            size=size,
        )

    def progress_view(self, request: HttpRequest, image_id: int) -> JsonResponse:
        """The image's runs still waiting or running, for the tool's progress list."""
        image = get_object_or_404(ObjectImage, pk=image_id)
        runs = [
            {"engine": run.engine, "state": run.state, "label": run.get_state_display()}
            for run in restoration_requests_in_progress(image=image)
        ]
        return JsonResponse({"in_progress": runs})

    def _run(
        self,
        request: HttpRequest,
        image: ObjectImage,
        data: dict[str, Any],
        params: DamageParameters | None,
    ) -> bool:
        """Queue a run of the chosen engine (run at once in the embedded default); True
        when it stored a draft or is queued, else the reason is shown."""
        from restoration.requests import restoration_request

        engine = data["engine"]
        run = restoration_request(
            image=image,
            engine_name=engine,
            mask=data.get("mask"),
            damage_params=params,
            requested_by=request.user,  # type: ignore[arg-type]
        )
        run.refresh_from_db()
        if run.state == RestorationRequest.State.FAILED:
            refused = run.error.startswith("Nothing was run")
            messages.error(
                request,
                run.error
                if refused
                else _("The %(engine)s run failed: %(error)s. It is listed in the review queue.")
                % {"engine": engine, "error": run.error},
            )
            return False
        if run.restoration is None:  # a worker has it: the page follows its progress
            messages.info(
                request,
                _("The %(engine)s run is queued; this page shows its progress.")
                % {"engine": engine},
            )
            return True
        output = run.restoration.machine_output
        review = reverse("admin:exhibition_machineoutput_change", args=[output.pk])
        link = format_html('<a href="{}">{}</a>', review, _("review it"))
        # The sentence is from the catalogue; only the engine's name and version are data.
        text = _("%(engine)s %(version)s produced a draft restoration; %(link)s.") % {
            "engine": escape(output.engine),
            "version": escape(output.engine_version),
            "link": link,
        }
        messages.success(request, mark_safe(text))
        return True

    def _render(self, request: HttpRequest, image: ObjectImage, **extra: Any) -> TemplateResponse:
        obj = image.collection_object
        proposed = extra.pop("proposed", None)
        context = {
            **self._context(request, _("Virtual restoration: %(title)s") % {"title": obj.title}),
            "image": image,
            "obj": obj,
            "runs": list(restoration_runs(image=image)[:COMPARE_LIMIT]),
            "failed_runs": list(failed_restoration_runs(image=image)[:COMPARE_LIMIT]),
            "runs_in_progress": list(restoration_requests_in_progress(image=image)),
            "progress_url": reverse("admin:exhibition_restoration_tool_progress", args=[image.pk]),
            "overlay_url": overlay_data_url(proposed) if proposed is not None else "",
            "proposed_fraction": float(proposed.mean()) if proposed is not None else None,
            "queue_url": reverse("admin:exhibition_machineoutput_changelist"),
            "can_run": request.user.has_perm(RUN_PERMISSION),
            **extra,
        }
        status = 400 if extra.get("run_form") is not None and extra["run_form"].errors else 200
        return TemplateResponse(request, "admin/restoration/tool.html", context, status=status)

    def _context(self, request: HttpRequest, title: str) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": Restoration._meta,
            "tool_index_url": reverse("admin:exhibition_restoration_tool_index"),
        }
