"""Benchmark and evaluation tooling: what measures the site, never part of what it runs.

Management commands in the apps import from here inside ``handle``; nothing the site
serves does (an import-linter contract in pyproject.toml keeps it so).
"""
