"""The inpainting engines, by name: ``settings.RESTORATION_ENGINES`` (config/engines.py).

Each engine is a sibling module with an ``InpaintingEngine`` subclass carrying its name, a
one-line description for curators, and the parameters its runs record.
"""

from config.engines import EngineRegistry, UnknownEngine
from restoration.engines.base import EngineUnavailable, InpaintingEngine

restoration_engines: EngineRegistry[InpaintingEngine] = EngineRegistry(
    kind="engine", base=InpaintingEngine, setting="RESTORATION_ENGINES"
)


def engine_names() -> list[str]:
    return restoration_engines.names()


def get_engine(name: str, **parameters: object) -> InpaintingEngine:
    """An engine instance by name; UnknownEngine (a ValueError) for an unknown name."""
    return restoration_engines.engine_class(name)(**parameters)


__all__ = [
    "EngineUnavailable",
    "InpaintingEngine",
    "UnknownEngine",
    "engine_names",
    "get_engine",
    "restoration_engines",
]
