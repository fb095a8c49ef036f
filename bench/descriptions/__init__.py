"""Helpers of the descriptions app's measuring command (``bench_speech``).

The site never imports this package.
"""
