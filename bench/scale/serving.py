"""N daphne workers accepting on one shared loopback socket, as behind a balancing proxy.

The benchmark opens the listening socket itself and hands it to every worker
(``daphne --fd``): the kernel gives each new connection to one of them, the way several
workers share a port behind a proxy, and the clients need only one address. Each worker
also listens on a private loopback port of its own, only to tell when it has started.
"""

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from bench.pages.client import Target, fetch_once
from bench.pages.server import free_port, stop

ASGI_APP = "config.asgi:application"
LISTEN_BACKLOG = 1024
HEALTH_PATH = "/healthz/"


class WorkersFailed(RuntimeError):
    """A worker exited or the site did not answer in time."""


@dataclass(frozen=True)
class Workers:
    target: Target
    processes: list[subprocess.Popen[bytes]]
    logs: list[Path]
    private_ports: list[int]

    def log_tail(self, lines: int = 20) -> str:
        return "\n".join(
            "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) for log in self.logs
        )

    def rss_mb(self) -> list[float]:
        """Each worker's resident memory now, from /proc (Linux)."""
        return [_proc_status_kib(process.pid, "VmRSS") / 1024 for process in self.processes]


@contextmanager
def shared_socket_workers(
    count: int, *, env: dict[str, str], work: Path, start_timeout: float
) -> Iterator[Workers]:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(LISTEN_BACKLOG)
    port = int(listener.getsockname()[1])
    fd = listener.fileno()
    with ExitStack() as stack:
        processes, logs, private_ports = [], [], []
        try:
            for n in range(count):
                log_path = work / f"daphne-{n}.log"
                private = free_port()
                private_ports.append(private)
                command = [sys.executable, "-m", "daphne", "--fd", str(fd)]
                command += ["-e", f"tcp:port={private}:interface=127.0.0.1", ASGI_APP]
                with log_path.open("wb") as log:
                    process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed command)
                        command,
                        cwd=settings.BASE_DIR,
                        env=env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        pass_fds=(fd,),
                    )
                stack.callback(stop, process)
                processes.append(process)
                logs.append(log_path)
        finally:
            listener.close()  # the workers hold their own copies
        workers = Workers(Target("127.0.0.1", port, timeout=60.0), processes, logs, private_ports)
        _wait_until_all_serve(workers, timeout=start_timeout)
        yield workers


def _wait_until_all_serve(workers: Workers, *, timeout: float) -> None:
    """Until every worker answers /healthz/ on its private port, and the shared one does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in workers.processes:
            if process.poll() is not None:
                raise WorkersFailed(f"a daphne worker exited early:\n{workers.log_tail()}")
        started = all(
            fetch_once(Target("127.0.0.1", port, timeout=5.0), HEALTH_PATH).ok
            for port in workers.private_ports
        )
        if started and fetch_once(workers.target, HEALTH_PATH).ok:
            return
        time.sleep(0.5)
    raise WorkersFailed(f"the workers did not serve within {timeout:.0f} s:\n{workers.log_tail()}")


def _proc_status_kib(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return float(line.split()[1])
    raise WorkersFailed(f"/proc/{pid}/status has no {field}")
