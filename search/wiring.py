"""Connects search to the exhibition: signal receivers and the object-page panel.

Each part lives in its own module; this one only plugs them in at start-up.
"""

import importlib

# Modules that expose a `connect()` function; each is owned by the part of search it wires.
# TEMPORARY while search is being built: parts not written yet are skipped.
PARTS = ("search.receivers", "search.keyword.receivers", "search.panels")


def connect() -> None:
    for name in PARTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name is None or not name.startswith(error.name):
                raise
            continue
        module.connect()
