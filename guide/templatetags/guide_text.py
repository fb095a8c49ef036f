"""The words static/js/guide.js and static/js/guide-answer.js show, in the page's language.

The panel puts them in the page (``{% guide_strings as strings %}{{ strings|json_script }}``)
rather than in a JavaScript catalogue: the object page is cached per language already, and
the scripts keep their English as a fallback. ``{seconds}`` and the like are filled in by the
scripts.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()

# A slug that no object has, replaced by the scripts with the one they link to.
SLUG_PLACEHOLDER = "__slug__"


@register.simple_tag
def guide_strings() -> dict[str, str]:
    cannot_read = _("The guide could not read that question. Please ask again.")
    return {
        # guide.js: the connection and the questions
        "empty": _("Type a question for the guide first."),
        "offline": _("You are offline. The guide reconnects when you are back."),
        "connecting": _("Connecting to the guide…"),
        "reconnecting": _("Reconnecting to the guide…"),
        "connected": _("Connected to the guide."),
        "dropped": _(
            "The connection dropped before the answer came. Asking again when the guide is back…"
        ),
        "resting": _(
            "The guide closed the connection after a quiet while; it reconnects when you ask."
        ),
        # JavaScript picks the form: {seconds} is never 0, and 1 is singular in both languages.
        "lost_one": _("Connection to the guide lost. Reconnecting in {seconds} second…"),
        "lost_other": _("Connection to the guide lost. Reconnecting in {seconds} seconds…"),
        "waiting": _("Reconnecting… your question is sent as soon as the guide is back."),
        "unreachable": _("The guide cannot be reached just now; your question waits here."),
        "own_page": _("Ask it on the guide’s own page"),
        "you_asked": _("You asked"),
        "looking": _("Looking in the records…"),
        "rate_limited": _("You're asking quickly — try again in {seconds} s."),
        "went_wrong": _("Something went wrong with the guide."),
        "message_too_large": _("That question is too long for the guide. Please shorten it."),
        "bad_json": cannot_read,
        "bad_message": cannot_read,
        "unknown_type": cannot_read,
        "unknown_object": _("The guide does not know the object on this page."),
        "unavailable": _("The guide cannot answer just now. Please try again in a moment."),
        # guide-answer.js: one answer
        "the_guide": _("The guide"),
        "not_in_records": _("Not in the records"),
        "sources": _("Sources"),
        "the_museum": _("The museum"),
        "record": _("record"),
        "source_label": _("source {number}: {name}"),
        "cited_text": _("Cited text"),
        "reconstruction": _("AI reconstruction — not the original"),
        "reviewed": _("Reviewed and approved by a curator."),
        "how_made": _("How this reconstruction was made"),
        "also_ask": _("You could also ask"),
        "object_url": reverse("exhibition:object-detail", kwargs={"slug": SLUG_PLACEHOLDER}),
    }
