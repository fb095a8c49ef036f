"""Guide answerers: a base class and one sibling module per engine (config/engines.py).

``grounded`` composes answers from the records themselves; ``rephrased`` lets an
OpenAI-compatible chat endpoint reword a grounded answer, under the same citations, the
same containment check and the same abstention. ``settings.GUIDE_ANSWERER`` names the one
in use; it is built once per process, on first use.
"""

from functools import cache

from django.conf import settings

from config.engines import EngineRegistry
from guide.answerers.base import Answerer

ANSWERERS: EngineRegistry[Answerer] = EngineRegistry(
    kind="guide answerer", base=Answerer, setting="GUIDE_ANSWERERS"
)


@cache
def get_answerer() -> Answerer:
    return ANSWERERS.engine_class(settings.GUIDE_ANSWERER)()


def reset_answerer() -> None:
    """Forget the answerer in use (tests that change the settings)."""
    get_answerer.cache_clear()
