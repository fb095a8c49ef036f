"""Helpers of the ``bench_pages`` command: a daphne server, a load client, statistics.

Nothing here is imported by the site itself except the optional Server-Timing
middleware, which the benchmark uses to separate server work from queueing.
"""
