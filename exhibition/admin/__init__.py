"""The curators' admin: collection, media, exhibitions, the review queue and the audit log.

Django's admin autodiscovery imports this package; each module registers its ModelAdmins.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from exhibition.admin import annotations, audit_log, collection, exhibitions, media, review
from exhibition.admin.login import protect_admin_login


def _with_site_name(message: str) -> str:
    return gettext(message) % {"site": settings.VITRINE_SITE_NAME}


# Lazy: the admin's language is chosen per request (browser or cookie), after import.
_site_text = lazy(_with_site_name, str)
admin.site.site_header = _site_text(gettext_noop("%(site)s administration"))
admin.site.site_title = _site_text(gettext_noop("%(site)s admin"))
admin.site.index_title = gettext_lazy("Collection, exhibitions and review")
protect_admin_login(admin.site)

__all__ = ["annotations", "audit_log", "collection", "exhibitions", "media", "review"]
