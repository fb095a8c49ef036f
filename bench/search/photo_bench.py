"""Memory of a real server under concurrent worst-case photo searches (bench_photo_search).

Starts the site's own server (``manage.py runserver --noreload``, one process) on a
loopback port, warms it up with one small photo search, takes its resident size as the
baseline, fires N uploads of a worst-case photo at once and samples the process's
resident size (``/proc/<pid>/status``) every few milliseconds until all have answered.
It prints the peak minus the baseline, and what the visitors got (status codes, time).

``project`` may name another checkout of Vitrine (an older commit, to measure before a
change) served against this one's database and indexes. A server whose growth passes
``stop_above_mb`` is stopped, so a run cannot take a shared machine down with it.
"""

import io
import json
import os
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

from PIL import Image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png16(width: int, height: int, *, colour_type: int, pixel: bytes) -> bytes:
    """A 16-bit PNG of one repeated pixel: megapixels that compress to a few hundred KB.

    colour_type 6 is RGBA (8 bytes a pixel), 0 greyscale (2 bytes).
    """
    row = b"\x00" + pixel * width  # filter 0 ("None") on every row
    compressor = zlib.compressobj(6)
    body = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 16, colour_type, 0, 0, 0)
    signature = b"\x89PNG\r\n\x1a\n"
    return (
        signature
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def _encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()


def _gradient(width: int, height: int) -> Image.Image:
    """A smooth picture: compresses well, so a large one stays under the upload limit."""
    return Image.linear_gradient("L").resize((width, height)).convert("RGB")


# Each is small on the wire and, but for one, just under 40 MP (the pixel limit).
WORST_CASES: dict[str, Callable[[], bytes]] = {
    # The attack: 6320² 16-bit RGBA, ~0.5 MB.
    "png16": lambda: png16(6320, 6320, colour_type=6, pixel=bytes.fromhex("1234 5678 9abc ffff")),
    # libwebp cannot decode at a reduced scale, and Pillow's decoder holds several copies:
    # 40 MP is refused up front now; 11.6 MP is about the largest WebP still read.
    "webp": lambda: _encoded(Image.new("RGB", (6320, 6320), (10, 20, 30)), "WEBP", lossless=True),
    "webp-11mp": lambda: _encoded(
        Image.new("RGB", (3400, 3400), (10, 20, 30)), "WEBP", lossless=True
    ),
    # A progressive 4:4:4 JPEG buffers every DCT coefficient at full size.
    "jpeg-progressive": lambda: _encoded(
        _gradient(7300, 5475), "JPEG", quality=90, progressive=True, subsampling=0
    ),
}
WARM_UP_PHOTO = _encoded(_gradient(640, 480), "JPEG", quality=85)
PATHS = {"api": "/api/search/by-image/", "page": "/search/photo/"}


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass
class BenchResult:
    kind: str
    concurrency: int
    path: str
    photo_bytes: int
    baseline_mb: float
    peak_mb: float
    stopped: bool  # the server passed stop_above_mb and was stopped
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    @property
    def growth_mb(self) -> float:
        return self.peak_mb - self.baseline_mb


def _multipart(photo: bytes, extra: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in extra.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="photo"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + photo
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


class Client:
    """Posts photos to the server on loopback, as the page form or as an API client."""

    def __init__(self, port: int, path: str) -> None:
        self.port, self.path = port, path
        self.cookie, self.token = "", ""
        if path == PATHS["page"]:
            self._csrf()

    def _csrf(self) -> None:
        connection = HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request("GET", "/search/")
        response = connection.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie") or ""
        self.cookie = cookie.split(";", 1)[0]
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        self.token = found.group(1) if found else ""

    def post(self, photo: bytes) -> tuple[int, str]:
        extra = {"csrfmiddlewaretoken": self.token} if self.token else {}
        body, boundary = _multipart(photo, extra)
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        connection = HTTPConnection("127.0.0.1", self.port, timeout=600)
        try:
            connection.request("POST", self.path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        except OSError as exc:  # the server was stopped, or dropped the connection
            return 0, type(exc).__name__
        finally:
            connection.close()
        return response.status, text


def _detail(status: int, text: str) -> str:
    if status == 200:
        return ""
    try:
        return str(json.loads(text).get("detail", ""))[:160]
    except ValueError:
        found = re.search(r'class="search__error"[^>]*>([^<]+)<', text)
        return found.group(1).strip()[:160] if found else text[:80]


class Server:
    """``manage.py runserver --noreload`` from ``project``, on this checkout's data."""

    def __init__(self, project: Path, port: int, env: dict[str, str]) -> None:
        self.port = port
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited while starting")
            try:
                connection = HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/search/")
                connection.getresponse().read()
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("the server did not answer in time")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def server_env(var_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "VITRINE_VAR_DIR": str(var_dir),
            # The rates would answer most of the burst with 429 and hide the memory.
            "API_ANON_RATE": "100000/minute",
            "SEARCH_PHOTO_RATE": "100000/minute",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def run_bench(
    *,
    kind: str,
    concurrency: int,
    project: Path,
    var_dir: Path,
    port: int,
    path: str,
    stop_above_mb: float,
) -> BenchResult:
    photo = WORST_CASES[kind]()
    server = Server(project, port, server_env(var_dir))
    try:
        server.wait_ready()
        pid = server.process.pid
        client = Client(port, path)
        for _ in range(2):  # models, indexes and code paths loaded before the baseline
            client.post(WARM_UP_PHOTO)
        time.sleep(1.0)
        baseline = rss_mb(pid)
        result = BenchResult(kind, concurrency, path, len(photo), baseline, baseline, False)
        answers: list[tuple[int, str]] = []
        lock = threading.Lock()
        start = threading.Barrier(concurrency + 1)

        def visitor() -> None:
            start.wait()
            answer = client.post(photo)
            with lock:
                answers.append(answer)

        threads = [threading.Thread(target=visitor) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        started = time.monotonic()
        start.wait()
        while any(thread.is_alive() for thread in threads):
            result.peak_mb = max(result.peak_mb, rss_mb(pid))
            if result.growth_mb > stop_above_mb:
                result.stopped = True
                server.stop()
                break
            time.sleep(0.005)
        for thread in threads:
            thread.join()
        result.seconds = time.monotonic() - started
        result.statuses = dict(Counter(str(status) for status, _ in answers))
        details = Counter(_detail(status, text) for status, text in answers if status != 200)
        result.messages = [f"{count}× {detail}" for detail, count in details.items() if detail]
        return result
    finally:
        server.stop()
