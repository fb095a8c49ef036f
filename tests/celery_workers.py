"""The command line of a real Celery worker, as the scale-out tests start one."""

import sys


def celery_worker_command(*, loglevel: str = "WARNING") -> list[str]:
    """One process, no gossip or heartbeats (a test's worker talks to nobody but Redis)."""
    return [
        *(sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo"),
        *(f"--loglevel={loglevel}", "--without-gossip", "--without-mingle", "--without-heartbeat"),
        *("-Q", "celery"),
    ]
