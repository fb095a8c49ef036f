"""Conformance checks of what the site serves, one module per standard.

Each module has one ``check_*`` function that reads the site the way a client of that
standard would (over a loopback socket, see ``site.py``) and returns a ``CheckResult``;
``runner.py`` runs them all and ``check_interop`` prints the table.
"""
