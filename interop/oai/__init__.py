"""OAI-PMH 2.0 at /oai/: the public collection for harvesters (Europeana and the like)."""
