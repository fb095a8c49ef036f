"""The scale benchmark's server settings: the page benchmark's (production + Server-Timing),
with static URLs made without the manifest.

The benchmark requests HTML, never static files, and collecting the hashed manifest that
DEBUG-off storage needs takes minutes on a busy machine; ``{% static %}`` without the
manifest is a string join instead of a dictionary lookup, which no page figure notices.
"""

from bench.settings import *  # noqa: F403 (an overlay: the page benchmark's settings)
from bench.settings import STORAGES as PRODUCTION_STORAGES

STORAGES = {
    **PRODUCTION_STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
