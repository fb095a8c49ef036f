"""Each pytest-xdist process of the scale-out run gets Redis databases of its own.

Every test empties the cache before it runs, so two processes sharing one Redis database
would empty each other's mid-test. `make test-scaleout` names the second process's
databases as REDIS_URL_GW1 and THROTTLE_REDIS_URL_GW1; loaded with ``-p`` (before Django
reads its settings), this module puts them where the settings look.
"""

import os

_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker:
    for _name in ("REDIS_URL", "THROTTLE_REDIS_URL"):
        _own = os.environ.get(f"{_name}_{_worker.upper()}")
        if _own:
            os.environ[_name] = _own
