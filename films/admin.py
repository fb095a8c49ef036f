"""Films in the curators' admin: their state and errors, and the action that builds them.

The action sits on exhibition's own Exhibition admin, added from here (``connect``) because
exhibition never imports the apps above it.
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from exhibition.admin.generics import ModelAdmin
from exhibition.admin.previews import EMPTY
from exhibition.admin.readonly import WrittenBySystem
from exhibition.models import Exhibition
from films.models import ExhibitionFilm
from films.tasks import films_schedule

# Each build takes minutes of ffmpeg: one action asks for a bounded number of them.
MAX_EXHIBITIONS_PER_ACTION = 10


FILM_FIELDS = (
    "exhibition",
    "language",
    "status",
    "error",
    "watch",
    "duration_seconds",
    "size_bytes",
    "object_count",
    "narrated_count",
    "left_out_count",
    "version_key",
    "started_at",
    "built_at",
    "build_seconds",
)


@admin.register(ExhibitionFilm)
class ExhibitionFilmAdmin(WrittenBySystem, ModelAdmin[ExhibitionFilm]):
    list_display = [
        "exhibition",
        "language",
        "status",
        "length",
        "object_count",
        "narrated_count",
        "built_at",
        "build_seconds",
    ]
    list_filter = ["status", "language"]
    list_select_related = ["exhibition"]
    search_fields = ["exhibition__title", "exhibition__slug"]
    fields = FILM_FIELDS
    readonly_fields = FILM_FIELDS

    @admin.display(description=gettext_lazy("Length"), ordering="duration_seconds")
    def length(self, film: ExhibitionFilm) -> str:
        minutes, seconds = divmod(round(film.duration_seconds), 60)
        return f"{minutes}:{seconds:02d}" if film.video else "—"

    @admin.display(description=gettext_lazy("Film"))
    def watch(self, film: ExhibitionFilm) -> SafeString | str:
        if not film.video:
            return EMPTY
        # Curators read any stored file through /media/ (exhibition.media_access).
        return format_html(
            '<video controls preload="none" width="480" poster="{}" src="{}">'
            '<track kind="captions" src="{}" srclang="{}" default></video>',
            film.poster.url if film.poster else "",
            film.video.url,
            film.captions.url if film.captions else "",
            film.language,
        )


@admin.action(description=gettext_lazy("Build narrated films"), permissions=["change"])
def build_narrated_films(
    modeladmin: ModelAdmin[Exhibition], request: HttpRequest, queryset: QuerySet[Exhibition]
) -> None:
    exhibitions = list(queryset.order_by("pk")[: MAX_EXHIBITIONS_PER_ACTION + 1])
    if len(exhibitions) > MAX_EXHIBITIONS_PER_ACTION:
        modeladmin.message_user(
            request,
            _("Choose at most %(count)d exhibitions at a time: each film takes minutes to build.")
            % {"count": MAX_EXHIBITIONS_PER_ACTION},
            messages.ERROR,
        )
        return
    for exhibition in exhibitions:
        films_schedule(exhibition=exhibition)
    modeladmin.message_user(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            ngettext(
                "Films asked for %(count)d exhibition (those already current are kept).",
                "Films asked for %(count)d exhibitions (those already current are kept).",
                len(exhibitions),
            )
            % {"count": len(exhibitions)},
            reverse("admin:films_exhibitionfilm_changelist"),
            _("See the films and their state."),
        ),
        messages.SUCCESS,
    )


def connect() -> None:
    """Offer the action on the exhibitions' list in the admin."""
    # On the registered instance, beside any action another app added there (reports).
    model_admin = admin.site.get_model_admin(Exhibition)
    actions = list(model_admin.actions or [])
    if build_narrated_films not in actions:
        model_admin.actions = [*actions, build_narrated_films]
