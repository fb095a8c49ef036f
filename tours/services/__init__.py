"""Writes of the tours app: keyword-only functions named ``<entity>_<action>``."""
