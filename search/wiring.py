"""Connects search to the exhibition: signal receivers and the object-page panel.

Each part lives in its own module; this one only plugs them in at start-up.
"""

from search import panels, receivers
from search.keyword import receivers as keyword_receivers


def connect() -> None:
    receivers.connect()  # embeddings and vector indexes follow object changes
    keyword_receivers.connect()  # so does the keyword index
    panels.connect()  # "More like this" on the object page
