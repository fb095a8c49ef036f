"""Helpers of the ``bench_pages`` command: a daphne server, a load client, statistics.

The site never imports this package: the benchmark's server runs with ``bench.settings``,
which adds the Server-Timing middleware to production's settings.
"""
