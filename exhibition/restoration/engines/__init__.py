"""The registry of inpainting engines, by name."""

import importlib

from exhibition.restoration.engines.base import EngineUnavailable, InpaintingEngine

# name -> "module:Class"; modules are imported only when an engine is used.
ENGINES: dict[str, str] = {
    "telea": "exhibition.restoration.engines.classical:TeleaEngine",
    "ns": "exhibition.restoration.engines.classical:NavierStokesEngine",
    "biharmonic": "exhibition.restoration.engines.biharmonic:BiharmonicEngine",
    "exemplar": "exhibition.restoration.engines.exemplar:ExemplarEngine",
    "learned": "exhibition.restoration.engines.learned:LearnedEngine",
}


def get_engine(name: str, **parameters: object) -> InpaintingEngine:
    """An engine instance by name; ValueError for an unknown name."""
    if name not in ENGINES:
        raise ValueError(f"Unknown engine '{name}'. Engines: {', '.join(ENGINES)}.")
    module_name, class_name = ENGINES[name].split(":")
    engine_class = getattr(importlib.import_module(module_name), class_name)
    engine: InpaintingEngine = engine_class(**parameters)
    return engine


__all__ = ["ENGINES", "EngineUnavailable", "InpaintingEngine", "get_engine"]
