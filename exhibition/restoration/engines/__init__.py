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

# One line each, for curators choosing an engine in the restoration tool.
ENGINE_DESCRIPTIONS: dict[str, str] = {
    "telea": "Fast marching (OpenCV, Telea 2004): spreads the surrounding colours inwards; "
    "good on thin cracks, blurs larger losses.",
    "ns": "Navier–Stokes (OpenCV, Bertalmio 2001): continues edges and colours into the gap "
    "along their direction; good on cracks, smooth on larger losses.",
    "biharmonic": "Biharmonic (scikit-image): the smoothest surface that meets the edges of "
    "the gap; clean on small, smooth losses, slow on large images.",
    "exemplar": "Exemplar (written here): copies patches of original paint into wider losses, "
    "in order of priority, so texture continues; Telea for thin cracks.",
    "learned": "Learned: a small network trained on this collection's intact images refines "
    "the Navier–Stokes fill; shipped default weights unless the museum trains its own.",
}


def engine_description(name: str) -> str:
    return ENGINE_DESCRIPTIONS.get(name, "")


def get_engine(name: str, **parameters: object) -> InpaintingEngine:
    """An engine instance by name; ValueError for an unknown name."""
    if name not in ENGINES:
        raise ValueError(f"Unknown engine '{name}'. Engines: {', '.join(ENGINES)}.")
    module_name, class_name = ENGINES[name].split(":")
    engine_class = getattr(importlib.import_module(module_name), class_name)
    engine: InpaintingEngine = engine_class(**parameters)
    return engine


__all__ = [
    "ENGINES",
    "ENGINE_DESCRIPTIONS",
    "EngineUnavailable",
    "InpaintingEngine",
    "engine_description",
    "get_engine",
]
