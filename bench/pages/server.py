"""Starts the site under daphne, configured as in production, for the benchmark.

The server runs in its own process with ``DJANGO_DEBUG=0`` and manifest static files
(collected into a temporary folder), on a free loopback port, against the same
database and media the calling process is configured with.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from bench.pages.client import Target, fetch_once

HEALTH_PATH = "/healthz/"
BENCH_SECRET_KEY_PREFIX = "vitrine-benchmark-only-"  # noqa: S105 (random suffix added)
ASGI_APP = "config.asgi:application"


class ServerError(RuntimeError):
    """The benchmark server could not be prepared or did not come up."""


@dataclass(frozen=True)
class RunningServer:
    target: Target
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def production_env(
    *, static_root: Path, server_timing: bool, page_cache: bool = True
) -> dict[str, str]:
    """The environment of a production-like server on loopback."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "SECRET_KEY": env.get("SECRET_KEY") or BENCH_SECRET_KEY_PREFIX + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "LOG_LEVEL": "WARNING",
            "VITRINE_PAGE_CACHE": "1" if page_cache else "0",
            "PYTHONUNBUFFERED": "1",
        }
    )
    # Production's settings (the same database and media as this process, from the same
    # environment), plus the Server-Timing middleware when asked for.
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings" if server_timing else "config.settings"
    return env


def collect_static(env: dict[str, str]) -> None:
    """Builds the hashed, compressed static files that production serves."""
    completed = subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, str(manage_py()), "collectstatic", "--noinput", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise ServerError(f"collectstatic failed:\n{completed.stderr[-3000:]}")


def manage_py() -> Path:
    return Path(settings.BASE_DIR) / "manage.py"


@contextmanager
def daphne_server(
    *, server_timing: bool = True, page_cache: bool = True, start_timeout: float = 60.0
) -> Iterator[RunningServer]:
    """Runs ``daphne config.asgi:application`` until the block ends."""
    with tempfile.TemporaryDirectory(prefix="vitrine-bench-") as workdir:
        work = Path(workdir)
        env = production_env(
            static_root=work / "static", server_timing=server_timing, page_cache=page_cache
        )
        collect_static(env)
        with running_daphne(
            env=env, log_path=work / "daphne.log", start_timeout=start_timeout
        ) as server:
            yield server


@contextmanager
def running_daphne(
    *, env: dict[str, str], log_path: Path, start_timeout: float
) -> Iterator[RunningServer]:
    """``daphne config.asgi:application`` on a free loopback port, healthy, until the block
    ends (every benchmark that needs the site as a server starts it here)."""
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (fixed command line, our own venv)
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APP],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = RunningServer(Target("127.0.0.1", port), process, log_path)
    try:
        wait_until_healthy(server, timeout=start_timeout)
        yield server
    finally:
        stop(process)


def wait_until_healthy(server: RunningServer, *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerError(f"daphne exited early:\n{server.log_tail()}")
        probe = Target(server.target.host, server.target.port, timeout=2.0)
        sample = fetch_once(probe, HEALTH_PATH)
        if sample.ok:
            return
        if sample.status:
            raise ServerError(
                f"{HEALTH_PATH} answered {sample.status} instead of 200:\n{server.log_tail()}"
            )
        time.sleep(0.2)
    raise ServerError(f"daphne did not answer {HEALTH_PATH} within {timeout:.0f}s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
