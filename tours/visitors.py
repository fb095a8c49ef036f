"""Which anonymous visitor is asking: a random token in the Django session, nothing else.

The token is the ``VisitorProfile``'s own random UUID; the session (a cookie holding only a
random session key) is what ties a browser to it. No IP address, user agent or account is
read or stored. ``visitor_profile_find`` only reads, so pages that merely show state never
start a session; ``visitor_profile_get_or_create`` is for requests that record something.
"""

import uuid

from django.http import HttpRequest

from tours.models import VisitorProfile

SESSION_KEY = "tours_visitor"


def _session_token(request: HttpRequest) -> uuid.UUID | None:
    raw = request.session.get(SESSION_KEY)
    if not isinstance(raw, str):
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        return None  # a session written by something else: start afresh


def visitor_profile_find(*, request: HttpRequest) -> VisitorProfile | None:
    """The session's profile, or None; never creates a profile or a session."""
    token = _session_token(request)
    if token is None:
        return None
    return VisitorProfile.objects.filter(token=token).first()


def visitor_profile_get_or_create(*, request: HttpRequest) -> VisitorProfile:
    """The session's profile, made (and remembered in the session) on first use.

    A token whose profile is gone (purged after the retention period) is replaced by a new
    profile: the visitor starts again with no history, as the privacy notice says.
    """
    profile = visitor_profile_find(request=request)
    if profile is not None:
        return profile
    profile = VisitorProfile.objects.create()
    # Assigning marks the session modified, so SessionMiddleware saves it and sets the cookie.
    request.session[SESSION_KEY] = str(profile.token)
    return profile
