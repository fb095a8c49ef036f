"""Running ffmpeg and ffprobe (Debian's packages): bounded in time, errors made readable.

Every run has a timeout; what ffmpeg said on stderr (its last lines) becomes the message
of a ``FilmBuildError``, which the build stores on the film for curators to read.
"""

import json
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings

STDERR_TAIL_CHARS = 1_500
PROBE_SECONDS = 30


class FilmBuildError(RuntimeError):
    """A film could not be built; the message says why, for curators."""


def _program(name: str) -> str:
    path = str(getattr(settings, name))
    if not Path(path).is_file():
        raise FilmBuildError(
            f"{path} is not installed ({name}); `make ffmpeg` installs Debian's ffmpeg."
        )
    return path


def run_ffmpeg(arguments: list[str], *, timeout: float, stdout_limit: int = 0) -> bytes:
    """Run ffmpeg with ``arguments``; its stdout (at most ``stdout_limit`` bytes kept)."""
    command = [_program("FILMS_FFMPEG"), "-hide_banner", "-nostdin", "-loglevel", "error"]
    command += ["-threads", str(max(1, int(settings.FILMS_THREADS))), *arguments]
    try:
        done = subprocess.run(  # noqa: S603 - argument list built here, no shell
            command, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise FilmBuildError(f"ffmpeg took longer than {timeout:.0f} s and was stopped.") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()[-STDERR_TAIL_CHARS:]
        raise FilmBuildError(f"ffmpeg failed (exit {done.returncode}): {said or 'no message'}")
    if stdout_limit and len(done.stdout) > stdout_limit:
        raise FilmBuildError("ffmpeg wrote more output than this step allows.")
    return done.stdout


def probe(path: Path) -> dict[str, Any]:
    """ffprobe's JSON description of a media file's format and streams."""
    command = [_program("FILMS_FFPROBE"), "-v", "error", "-print_format", "json"]
    command += ["-show_format", "-show_streams", str(path)]
    try:
        done = subprocess.run(  # noqa: S603 - argument list built here, no shell
            command, capture_output=True, timeout=PROBE_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise FilmBuildError("ffprobe did not answer in time.") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()[-STDERR_TAIL_CHARS:]
        raise FilmBuildError(f"ffprobe could not read {path.name}: {said}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result
