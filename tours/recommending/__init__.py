"""The recommender strategies, by name: ``settings.TOURS_RECOMMENDERS`` (config/engines.py).

Each strategy is a sibling module with a ``Recommender`` subclass; ``settings.TOURS_RECOMMENDER``
names the one the site serves. ``tours.selectors.recommendations`` is how the site asks.
"""

from django.conf import settings

from config.engines import EngineRegistry, UnknownEngine
from tours.recommending.base import (
    Interest,
    ReasonKind,
    Recommendation,
    Recommender,
    VisitorTaste,
)
from tours.recommending.catalogue import Catalogue
from tours.recommending.interaction_log import InteractionLog

recommenders: EngineRegistry[Recommender] = EngineRegistry(
    kind="recommender", base=Recommender, setting="TOURS_RECOMMENDERS"
)


def recommender_names() -> list[str]:
    return recommenders.names()


def build_recommender(
    name: str | None = None, *, catalogue: Catalogue, log: InteractionLog, seed: int = 0
) -> Recommender:
    """A strategy fitted on this catalogue and log; UnknownEngine (a ValueError) for a bad name."""
    chosen = name or settings.TOURS_RECOMMENDER
    return recommenders.engine_class(chosen)(catalogue=catalogue, log=log, seed=seed)


__all__ = [
    "Interest",
    "ReasonKind",
    "Recommendation",
    "Recommender",
    "UnknownEngine",
    "VisitorTaste",
    "build_recommender",
    "recommender_names",
    "recommenders",
]
