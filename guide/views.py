"""The guide without JavaScript: a plain form on the object page asks, this page answers.

The object page is cached for every anonymous visitor, so its form carries no CSRF token
and asks by GET; the answer is one visitor's, so it is never cached (``never_cache``).
With JavaScript, ``static/js/guide.js`` asks over the WebSocket instead and this page is
not used. Both go through ``guide.asking.ask_guide``.
"""

import logging
import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from rest_framework.throttling import BaseThrottle

from exhibition.selectors import public_object_ids
from guide.answers import Answer, Citation, Conversation, Media
from guide.asking import ask_guide
from guide.rate_limits import ClientWindow

logger = logging.getLogger(__name__)

MAX_SLUG_CHARS = 200
MAX_OBJECTS = 50  # a tour's stops, as in the WebSocket protocol's "context" message


def _guide_wait(request: HttpRequest) -> int | None:
    """None if this client may ask now, else whole seconds to wait.

    The same per-address count as the WebSocket's (``guide.rate_limits``): switching
    between the page and the socket does not reset it. The address is the site's notion
    of it (DRF's ``get_ident``, which trusts ``NUM_PROXIES`` proxies, as the socket does).
    """
    # DRF's get_ident reads only ``META``, which a Django request has too.
    drf_request: Any = request
    client = BaseThrottle().get_ident(drf_request)
    wait = ClientWindow(client=client, limit=settings.GUIDE_RATE_PER_CLIENT).hit()
    return None if wait is None else math.ceil(wait)


def _slug_or_none(value: str | None) -> str | None:
    if not value or len(value) > MAX_SLUG_CHARS:
        return None
    try:
        validate_slug(value)
    except ValidationError:
        return None
    return value


def _public_context(params: QueryDict) -> tuple[str | None, tuple[str, ...], str | None]:
    """(object, objects, about) from the form, each public or dropped.

    A restricted or unknown slug is treated exactly like no slug: the page must not tell
    a visitor that a record exists.
    """
    asked = [_slug_or_none(params.get("object")), _slug_or_none(params.get("about"))]
    listed = [_slug_or_none(slug) for slug in params.getlist("objects")[:MAX_OBJECTS]]
    public = public_object_ids(slugs={slug for slug in [*asked, *listed] if slug})
    page_object, about = (slug if slug in public else None for slug in asked)
    objects = tuple(dict.fromkeys(slug for slug in listed if slug and slug in public))
    return page_object, objects, about


@dataclass(frozen=True)
class ShownSentence:
    text: str
    number: int  # the source's number in the answer's list of sources
    source: Citation


def _numbered(answer: Answer) -> tuple[list[ShownSentence], list[Citation]]:
    sources = answer.citations
    numbers = {(c.object_slug, c.field, c.span): n for n, c in enumerate(sources, start=1)}
    sentences = [
        ShownSentence(
            s.text,
            numbers[(s.citation.object_slug, s.citation.field, s.citation.span)],
            s.citation,
        )
        for s in answer.sentences
    ]
    return sentences, sources


# Said elsewhere in the figure (its label, the object's page) or of no use to a visitor.
PROVENANCE_SHOWN_ELSEWHERE = frozenset({"label", "object"})


@dataclass(frozen=True)
class ShownMedia:
    media: Media
    provenance: list[tuple[str, str]]  # (what, value) in words, one row each


def _words(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _value_words(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{_words(str(k))}: {_value_words(v)}" for k, v in value.items() if v)
    if isinstance(value, list | tuple):
        return ", ".join(_value_words(v) for v in value)
    return "" if value is None else str(value)


def _shown_media(answer: Answer) -> list[ShownMedia]:
    """Pictures to show: every image; a reconstruction only when approved."""
    return [
        ShownMedia(
            media,
            [
                (_words(name), _value_words(value))
                for name, value in media.provenance.items()
                if name not in PROVENANCE_SHOWN_ELSEWHERE and value not in (None, "", {}, [])
            ],
        )
        for media in answer.media
        if media.kind != "reconstruction" or media.review_state == "approved"
    ]


def _ask_again_url(question: str, page_object: str | None, about: str | None) -> str:
    params = {"q": question}
    if page_object:
        params["object"] = page_object
    if about:
        params["about"] = about
    return f"?{urlencode(params)}"


def _render(request: HttpRequest, status: int = 200, **context: Any) -> HttpResponse:
    context.setdefault("max_chars", settings.GUIDE_MAX_QUESTION_CHARS)
    return render(request, "guide/ask.html", context, status=status)


def _question_error(question: str) -> str | None:
    if not question:
        return _("Type a question for the guide first.")
    limit = settings.GUIDE_MAX_QUESTION_CHARS
    if len(question) > limit:
        return _(
            "That question is %(length)d characters long; the guide takes questions of up to "
            "%(limit)d characters. Please shorten it."
        ) % {"length": len(question), "limit": limit}
    return None


@never_cache
@require_safe
def ask_page(request: HttpRequest) -> HttpResponse:
    page_object, objects, about = _public_context(request.GET)
    form = {"object": page_object, "objects": objects, "about": about or page_object}
    if "q" not in request.GET:
        return _render(request, form=form)
    question = request.GET["q"].strip()
    error = _question_error(question)
    if error:
        return _render(request, status=400, form=form, question=question, error=error)
    wait = _guide_wait(request)
    if wait is not None:
        error = _("You're asking quickly — try again in %(wait)d s.") % {"wait": wait}
        response = _render(request, status=429, form=form, question=question, error=error)
        response["Retry-After"] = str(wait)
        return response
    conversation = Conversation(
        page_object=page_object, objects=objects, about=about or page_object
    )
    try:
        answer = ask_guide(question=question, conversation=conversation, channel="page")
    except Exception:  # the visitor gets words, never a traceback; the log gets the rest
        logger.exception("The guide could not answer %r", question)
        error = _("The guide cannot answer just now. Please try again in a moment.")
        return _render(request, status=503, form=form, question=question, error=error)
    sentences, sources = _numbered(answer)
    # Follow-ups resolve to the object the answer was about.
    follow_up_about = answer.about or conversation.about
    return _render(
        request,
        form={**form, "about": follow_up_about},
        question=question,
        answer=answer,
        sentences=sentences,
        sources=sources,
        media=_shown_media(answer),
        suggestions=[
            (text, _ask_again_url(text, page_object, follow_up_about))
            for text in answer.suggestions
        ],
    )
