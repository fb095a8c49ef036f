"""Timing ``import_collection`` at scale: records per second, peak memory, resuming."""
