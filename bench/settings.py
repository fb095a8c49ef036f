"""Settings of the page benchmark's server: production's, plus Server-Timing.

The middleware reports exact per-request timings, which help an attacker probe for slow
paths, so production settings never list it; the benchmark starts daphne with
``DJANGO_SETTINGS_MODULE=bench.settings`` to separate server work from queueing.
"""

from config.settings import *  # noqa: F403 (an overlay: every production setting, unchanged)
from config.settings import MIDDLEWARE as PRODUCTION_MIDDLEWARE

VITRINE_SERVER_TIMING = True
# First, so that its figures cover every other middleware.
MIDDLEWARE = ["bench.pages.server_timing.ServerTimingMiddleware", *PRODUCTION_MIDDLEWARE]
