"""The guide in the curators' admin: answered questions, the gaps report, flags.

- Every answer is a machine output in the shared review queue; its review page shows the
  question and each answer sentence with the record span it cites (registered with
  exhibition's review previews in GuideConfig.ready; exhibition never imports the guide).
- "Guide questions" lists what visitors asked (read-only: written by the guide), with a
  page to flag a bad answer with a note (``guide_answer_flag``).
- The report "What visitors ask that the records do not tell": the unanswered questions
  grouped, most frequent first, the questions per intent and the flagged answers. Its
  reads are guide/selectors.py; the view only calls them.
"""

from datetime import timedelta
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from exhibition.admin.generics import ModelAdmin
from exhibition.admin.previews import EMPTY
from exhibition.admin.readonly import WrittenBySystem
from exhibition.admin.review_previews import ReviewPreview, register_review_preview
from exhibition.models import MachineOutput, MachineOutputKind
from exhibition.whole_numbers import positive_int
from guide.models import GuideQuestion
from guide.selectors import flagged_answers, questions_per_intent, unanswered_questions
from guide.services.answer_log import FLAG_NOTE_MAX_CHARS, FlagError, guide_answer_flag

REPORT_TITLE = gettext_lazy("What visitors ask that the records do not tell")
# The report's periods, in days; no period (the default) means every answer kept.
PERIODS = (7, 30, 90, 365)


@admin.register(GuideQuestion)
class GuideQuestionAdmin(WrittenBySystem, ModelAdmin[GuideQuestion]):
    list_display = [
        "question",
        "intent",
        "answered",
        "asked_about",
        "channel",
        "asked_at",
        "flagged",
        "review_link",
    ]
    list_filter = ["abstained", "flagged", "intent", "channel"]
    list_select_related = ["machine_output__collection_object"]
    search_fields = ["question", "normalised_question"]
    date_hierarchy = "asked_at"
    change_list_template = "admin/guide/guidequestion/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        report = self.admin_site.admin_view(self.report_view)
        flag = self.admin_site.admin_view(self.flag_view)
        return [
            path("report/", report, name="guide_guidequestion_report"),
            path("<path:object_id>/flag/", flag, name="guide_guidequestion_flag"),
            *super().get_urls(),
        ]

    def has_flag_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active and user.is_staff and user.has_perm("guide.change_guidequestion")
        )

    @admin.display(description=gettext_lazy("Answered"), boolean=True, ordering="abstained")
    def answered(self, record: GuideQuestion) -> bool:
        return not record.abstained

    @admin.display(description=gettext_lazy("Asked about"))
    def asked_about(self, record: GuideQuestion) -> str:
        return str(record.machine_output.collection_object or EMPTY)

    @admin.display(description=gettext_lazy("Review"))
    def review_link(self, record: GuideQuestion) -> SafeString:
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:exhibition_machineoutput_change", args=[record.machine_output_id]),
            pgettext("verb", "Review"),
            reverse("admin:guide_guidequestion_flag", args=[record.pk]),
            pgettext("verb", "Flag"),
        )

    def report_view(self, request: HttpRequest) -> TemplateResponse:
        """The gaps in the records that visitors ask about (reads: guide/selectors.py)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        days = positive_int(request.GET.get("days", ""))
        days = days if days in PERIODS else None
        since = timezone.now() - timedelta(days=days) if days else None
        context = {
            **self.admin_site.each_context(request),
            "title": REPORT_TITLE,
            "opts": self.model._meta,
            "days": days,
            "periods": PERIODS,
            "gaps": unanswered_questions(since=since),
            "intents": questions_per_intent(since=since),
            "flagged": flagged_answers(),
        }
        return TemplateResponse(request, "admin/guide/report.html", context)

    def flag_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Show one answer and, for a curator who may, flag it as bad with a note."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        # The id comes from the path: "²" or "abc" is absent, not a 500.
        record = get_object_or_404(
            GuideQuestion.objects.select_related("machine_output__collection_object"),
            pk=positive_int(object_id),
        )
        can_flag = self.has_flag_permission(request)
        if request.method == "POST":
            if not can_flag or not isinstance(request.user, User):
                raise PermissionDenied
            note = request.POST.get("note", "")
            try:
                guide_answer_flag(question_record=record, curator=request.user, note=note)
            except FlagError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Answer flagged."))
                return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Flag a guide answer"),
            "opts": self.model._meta,
            "record": record,
            "answer": answer_context(record.machine_output),
            "can_flag": can_flag,
            "note_max": FLAG_NOTE_MAX_CHARS,
        }
        return TemplateResponse(request, "admin/guide/flag.html", context)


def answer_context(output: MachineOutput) -> dict[str, Any]:
    """The recorded answer as the templates show it: each sentence beside its source."""
    parameters = output.parameters if isinstance(output.parameters, dict) else {}
    sources = parameters.get("sources") or []
    sentences = []
    for sentence in parameters.get("sentences") or []:
        index = sentence.get("source")
        source = sources[index] if isinstance(index, int) and 0 <= index < len(sources) else None
        sentences.append({"text": sentence.get("text", ""), "source": source})
    return {
        "question": parameters.get("question", ""),
        "intent": parameters.get("intent", ""),
        "text": parameters.get("answer", ""),
        "abstained": bool(parameters.get("abstained")),
        "confidence": parameters.get("confidence"),
        "channel": parameters.get("channel", ""),
        "sentences": sentences,
    }


def guide_answer_preview(output: MachineOutput) -> SafeString:
    """The review page's view of a guide answer: the question, each sentence and its span."""
    record = GuideQuestion.objects.filter(machine_output=output).first()
    context = {"answer": answer_context(output), "record": record}
    return mark_safe(render_to_string("admin/guide/answer_preview.html", context))


def connect() -> None:
    register_review_preview(
        ReviewPreview(kind=MachineOutputKind.GUIDE_ANSWER, render=guide_answer_preview)
    )
