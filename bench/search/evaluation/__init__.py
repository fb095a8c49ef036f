"""Search evaluation: metrics, query files, and the per-channel runs of evaluate_search."""
