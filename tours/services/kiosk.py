"""Ending a kiosk visit: the next visitor at the screen starts with nothing of the last one's.

A kiosk's visitor is the anonymous profile its session points at (tours.visitors). Resetting
deletes that profile, and with it every interaction it recorded (its history: views, likes,
skips, objects added to a tour), then empties the session, so the browser gets a new session
key and no token. Tours the visitor planned stay, holding no visitor, as they do when
``interactions_purge`` forgets an idle profile: a tour handed to a phone by its QR code keeps
working there, and nothing at the kiosk leads back to it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest

from tours.models import Interaction, Tour, VisitorProfile
from tours.visitors import visitor_profile_find


@dataclass(frozen=True)
class KioskReset:
    """What one reset forgot (for the log and the tests)."""

    had_visitor: bool
    interactions: int
    tours_detached: int


def kiosk_visitor_reset(*, request: HttpRequest) -> KioskReset:
    """Forget the session's visitor (profile, history, link to its tours) and the session."""
    profile = visitor_profile_find(request=request)
    interactions = tours = 0
    if profile is not None:
        with transaction.atomic():
            tours = Tour.objects.filter(profile=profile).update(profile=None)
            _, by_model = VisitorProfile.objects.filter(pk=profile.pk).delete()
        interactions = by_model.get(Interaction._meta.label, 0)
    # flush() deletes the stored session and sends a new, empty one: nothing the last visitor
    # did (messages, tour choices) is left in it.
    request.session.flush()
    return KioskReset(
        had_visitor=profile is not None, interactions=interactions, tours_detached=tours
    )
