"""The curators' admin: collection, media, exhibitions, the review queue and the audit log.

Django's admin autodiscovery imports this package; each module registers its ModelAdmins.
"""

from django.conf import settings
from django.contrib import admin

from exhibition.admin import audit_log, collection, exhibitions, media, review
from exhibition.admin.login import protect_admin_login

admin.site.site_header = f"{settings.VITRINE_SITE_NAME} administration"
admin.site.site_title = f"{settings.VITRINE_SITE_NAME} admin"
admin.site.index_title = "Collection, exhibitions and review"
protect_admin_login(admin.site)

__all__ = ["audit_log", "collection", "exhibitions", "media", "review"]
