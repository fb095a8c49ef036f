"""Answering from the records: intents, entity linking, cited composition, containment."""
