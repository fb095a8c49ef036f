"""The one way Vitrine plugs in an engine: a base class, sibling modules, a setting.

Every pluggable kind (restoration engines, image encoders, keyword backends, and the
tours' and guide's strategies to come) is a base class with one subclass per sibling
module. A setting maps each engine's name to ``"package.module:Class"``; another setting
(or the caller) names the one in use. Adding an engine means copying one sibling module
and adding one line to the setting. Modules are imported on first use only, so a heavy
engine (torch, OpenCV) costs nothing until it runs.
"""

import importlib
from typing import Any, Generic, TypeVar, cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Engine = TypeVar("Engine")


class UnknownEngine(ValueError):
    """A name no engine of this kind is registered under."""


class EngineRegistry(Generic[Engine]):
    """The engines of one kind, as a setting lists them."""

    # `base` is a plain type: the base classes are abstract, which type[Engine] refuses;
    # declare the registry as EngineRegistry[Base] where it is made.
    def __init__(self, *, kind: str, base: type, setting: str) -> None:
        self.kind = kind
        self.base = base
        self.setting = setting

    def names(self) -> list[str]:
        """The registered names, in the setting's order."""
        return list(self._paths())

    def engine_class(self, name: str) -> type[Engine]:
        """The class registered as ``name``; UnknownEngine when there is none."""
        paths = self._paths()
        if name not in paths:
            raise UnknownEngine(
                f"Unknown {self.kind} '{name}'. {self.kind.capitalize()}s: {', '.join(paths)}."
            )
        module_name, _, class_name = paths[name].partition(":")
        try:
            found: Any = getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as exc:
            raise ImproperlyConfigured(
                f"{self.setting}['{name}'] = '{paths[name]}' cannot be imported: {exc}"
            ) from exc
        if not (isinstance(found, type) and issubclass(found, self.base)):
            raise ImproperlyConfigured(
                f"{self.setting}['{name}'] is not a {self.base.__name__} subclass."
            )
        return cast("type[Engine]", found)

    def _paths(self) -> dict[str, str]:
        paths = getattr(settings, self.setting, None)
        if not isinstance(paths, dict) or not paths:
            raise ImproperlyConfigured(f"{self.setting} must map names to 'module:Class'.")
        return paths
