"""Open heritage data in and out: Linked Art, OAI-PMH, IIIF import and export."""
