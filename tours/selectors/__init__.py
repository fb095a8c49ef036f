"""Reads of the tours app; public objects only, through exhibition's public selectors."""
