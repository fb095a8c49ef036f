"""The kiosk hands a tour to a visitor's phone: a signed, expiring link shown as a QR code.

The link carries only the tour's public id, signed with the site's secret and timestamped; it
opens for ``TOURS_HANDOFF_MAX_AGE_SECONDS``. No account and nothing about the visitor is in
it: whoever scans it follows the same tour (the phone becomes its owner from then on).
"""

import uuid

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from tours.models import Tour

SALT = "tours.handoff"


class HandoffError(Exception):
    """A hand-off link that cannot be opened; the message is for the visitor."""

    status_code = 400  # a link that was never valid


class HandoffGone(HandoffError):
    """A link that was valid once: it expired, or its tour was deleted."""

    status_code = 410


def handoff_token(*, tour: Tour) -> str:
    return signing.TimestampSigner(salt=SALT).sign(tour.public_id.hex)


def handoff_url(*, request: HttpRequest, tour: Tour) -> str:
    """The absolute link a phone opens (what the QR code encodes)."""
    path = reverse("tours:handoff-open", kwargs={"token": handoff_token(tour=tour)})
    return request.build_absolute_uri(path)


def tour_from_handoff(*, token: str) -> Tour:
    """The tour a valid, unexpired link names; HandoffError otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token[:200], max_age=settings.TOURS_HANDOFF_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise HandoffGone(
            _("This link has expired. Scan the code on the kiosk again, or plan a new tour.")
        ) from None
    except signing.BadSignature:
        raise HandoffError(_("This link is not valid. Scan the code on the kiosk again.")) from None
    try:
        return Tour.objects.get(public_id=uuid.UUID(hex=value))
    except (ValueError, Tour.DoesNotExist):
        raise HandoffGone(_("This tour no longer exists. Plan a new one.")) from None


def qr_svg(*, url: str) -> str:
    """The QR code of ``url`` as SVG markup (no inline style, so the CSP allows it)."""
    import segno

    code = segno.make(url, error="m")
    svg: str = code.svg_inline(scale=6, dark="#111", light="#fff", border=2)
    # segno writes a bare <svg>: name it for screen readers (the link is also shown as text).
    label = escape(_("QR code that opens this tour on a phone"))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
