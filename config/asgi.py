"""ASGI entry point: HTTP through Django, WebSockets through Channels routing."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Build the Django app before importing anything that touches models.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.daphne_requests import hand_bodies_to_django_unparsed  # noqa: E402
from config.websocket_routing import websocket_urlpatterns  # noqa: E402
from guide.warmup import warm_up_in_background as warm_up_guide_in_background  # noqa: E402
from search.warmup import warm_up_in_background  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)

hand_bodies_to_django_unparsed()

# The first visitor's search should not wait for the models to load (see search/warmup.py).
warm_up_in_background()
warm_up_guide_in_background()
