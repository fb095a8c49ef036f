"""Helpers of the guide's measuring commands (``evaluate_guide``, ``bench_guide``).

The site never imports this package; the echo consumer ``bench_guide`` compares the guide
with is routed only in the servers it starts (``GUIDE_BENCH_ECHO=1``).
"""
