"""Generate → import → embed → index, each in its own process, timed, with its peak memory.

Every step runs as ``manage.py …`` (or ``python -m bench.scale.steps …``) with the
benchmark's environment, so it reads and writes the benchmark's own database, Redis DB,
media and index folders; the peak resident memory of a step is the kernel's figure for
that child (``wait4``).
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from bench.pages.import_timing import BULK_IMPORT_ENV
from bench.scale.environment import BenchServices
from bench.synthetic.collection import write_synthetic_collection

EMBED_SAMPLE = 256


class StepFailed(RuntimeError):
    """A step exited non-zero or ran past its time; the message carries its output."""


@dataclass(frozen=True)
class StepRun:
    seconds: float
    peak_rss_mb: float
    output: str

    def result(self) -> dict[str, object]:
        """The JSON object a ``bench.scale.steps`` step printed last."""
        return dict(json.loads(self.output.strip().splitlines()[-1]))


@dataclass
class PipelineFigures:
    objects: int = 0
    generate_s: float = 0.0
    import_s: float = 0.0
    embed_s: float = 0.0
    embedded_objects: int = 0
    synthetic_embeddings: bool = False
    index_build_s: float = 0.0
    index_peak_rss_mb: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def import_records_per_s(self) -> float:
        return self.objects / self.import_s

    @property
    def embed_records_per_s(self) -> float:
        return self.embedded_objects / self.embed_s


def bench_environment(services: BenchServices, work: Path) -> dict[str, str]:
    """Production settings on the benchmark's own database, Redis DB, media and index."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "VITRINE_HTTPS": "0",
            "SECRET_KEY": "vitrine-scale-benchmark-only-" + os.urandom(24).hex(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": services.database_url,
            "REDIS_URL": services.redis_url,
            "THROTTLE_REDIS_URL": services.redis_url,
            "CELERY_TASK_ALWAYS_EAGER": "1",
            "MEDIA_ROOT": str(work / "media"),
            "INDEX_DIR": str(work / "index"),
            "STATIC_ROOT": str(work / "static"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # As a bulk load is run: embeddings and drafts afterwards, in one batch each.
            **BULK_IMPORT_ENV,
        }
    )
    return env


def run_step(arguments: list[str], *, env: dict[str, str], work: Path, timeout: float) -> StepRun:
    """``arguments`` in a child process; its wall time and the kernel's peak RSS of it."""
    log_path = work / "step.log"
    started = time.perf_counter()
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter, fixed command lines)
            [sys.executable, *arguments],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = started + timeout
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                raise StepFailed(f"{' '.join(arguments[:3])} ran past {timeout:.0f} s")
            time.sleep(0.05)
    except BaseException:
        # Past its time, or the benchmark itself stopped: the step goes too.
        process.kill()
        os.wait4(process.pid, 0)
        raise
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    output = log_path.read_text(errors="replace")
    if process.returncode != 0:
        raise StepFailed(f"{' '.join(arguments[:3])} failed:\n{output[-3000:]}")
    return StepRun(seconds, usage.ru_maxrss / 1024, output)  # ru_maxrss is in KiB on Linux


def manage(*arguments: str) -> list[str]:
    return [str(Path(settings.BASE_DIR) / "manage.py"), *arguments]


def step(*arguments: str) -> list[str]:
    return ["-m", "bench.scale.steps", *arguments]


def run_pipeline(
    *,
    objects: int,
    env: dict[str, str],
    work: Path,
    synthetic_embeddings: bool,
    timeout: float,
    embed_sample: int = EMBED_SAMPLE,
) -> PipelineFigures:
    figures = PipelineFigures(objects=objects, synthetic_embeddings=synthetic_embeddings)
    collection = work / "collection"
    started = time.perf_counter()
    write_synthetic_collection(out=collection, count=objects)
    figures.generate_s = time.perf_counter() - started

    def run(arguments: list[str]) -> StepRun:
        return run_step(arguments, env=env, work=work, timeout=timeout)

    run(manage("migrate", "--noinput", "-v", "0"))
    figures.import_s = run(manage("import_collection", str(collection))).seconds
    if synthetic_embeddings:
        sample = run(step("embed-sample", str(embed_sample))).result()
        figures.embedded_objects = int(sample["objects"])  # type: ignore[call-overload]
        figures.embed_s = float(sample["seconds"])  # type: ignore[arg-type]
        written = run(step("synthetic-embeddings")).result()
        figures.notes.append(
            f"embeddings: the rate is measured on {figures.embedded_objects} real ones; the "
            f"other {written['vectors']} vectors are random unit vectors (synthetic), written in "
            f"{float(written['seconds']):.1f} s"  # type: ignore[arg-type]
        )
    else:
        figures.embed_s = run(manage("embed_collection")).seconds
        figures.embedded_objects = objects
    index = run(manage("build_search_index"))
    figures.index_build_s = index.seconds
    figures.index_peak_rss_mb = index.peak_rss_mb
    return figures


def scenario_paths(*, env: dict[str, str], work: Path, timeout: float) -> dict[str, object]:
    return run_step(step("paths"), env=env, work=work, timeout=timeout).result()
