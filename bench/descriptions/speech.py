"""``bench_speech``: how fast descriptions become speech, and how soon a listener hears it.

Two measurements over the same N described objects:

* in this process, synthesis and encoding of each object's spoken description, against
  the length of the audio made (the real-time factor: below 1 is faster than speaking);
* over HTTP, against daphne started for the run on a loopback port with production
  settings, the time from sending ``GET …/speech.ogg`` with ``Range: bytes=0-1023`` (as a
  browser's first audio request) to the first byte of audio: uncached (the object's speech
  deleted first, so the request synthesises it) and cached (the same request again).

With SQLite both work on a snapshot of the database and a temporary media folder, so the
demo's database and speech files are untouched. With PostgreSQL they use the configured
database and media: only the chosen objects' speech is deleted and made again (the same
files, by the same key).
"""

import http.client
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from django.urls import reverse

from bench.descriptions.workspace import site_server, workspace
from bench.pages.client import Target
from bench.stats import percentile
from descriptions.selectors import describable_objects
from descriptions.speech.services import cached_speech, speech_with_timings
from descriptions.speech.spoken import SpokenDescription, spoken_description

FIRST_BYTES = "bytes=0-1023"  # what a browser's first request for audio asks, near enough
CACHED_REPEATS = 3


class SpeechBenchError(RuntimeError):
    """The benchmark could not run; the message says why."""


@dataclass(frozen=True)
class Described:
    slug: str
    spoken: SpokenDescription


@dataclass(frozen=True)
class Figures:
    """Milliseconds, over the samples of one kind."""

    count: int
    p50_ms: float
    p95_ms: float
    max_ms: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Figures":
        ms = [s * 1000 for s in seconds]
        return cls(
            len(ms),
            round(percentile(ms, 50), 2),
            round(percentile(ms, 95), 2),
            round(max(ms, default=float("nan")), 2),
        )


@dataclass(frozen=True)
class Synthesis:
    audio_seconds: float
    synthesis_seconds: float
    encoding_seconds: float
    characters: int

    @property
    def real_time_factor(self) -> float:
        return (self.synthesis_seconds + self.encoding_seconds) / self.audio_seconds

    @property
    def synthesis_real_time_factor(self) -> float:
        return self.synthesis_seconds / self.audio_seconds


@dataclass(frozen=True)
class SpeechBenchResult:
    objects: int
    language: str
    snapshot: bool
    audio_seconds: float
    characters: int
    real_time_factor: float  # synthesis + encoding time / audio duration, all objects
    synthesis_real_time_factor: float
    per_object_real_time_factor_p95: float
    first_request_ms: float  # a fresh server's first audio request (loads eSpeak)
    uncached: Figures
    cached: Figures
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def described_objects(count: int, language: str) -> list[Described]:
    """The first ``count`` public objects (by id) with a description to speak."""
    found: list[Described] = []
    for obj in describable_objects().iterator():
        spoken = spoken_description(collection_object=obj, language=language)
        if spoken is not None:
            found.append(Described(obj.slug, spoken))
            if len(found) == count:
                break
    return found


def forget_speech(described: list[Described]) -> None:
    """Delete these objects' cached speech (rows and files), so the next request makes it."""
    for item in described:
        audio = cached_speech(text=item.spoken.text, language=item.spoken.language)
        if audio is not None:
            audio.ogg.delete(save=False)
            if audio.mp3:
                audio.mp3.delete(save=False)
            audio.delete()


def synthesise_all(described: list[Described]) -> list[Synthesis]:
    made: list[Synthesis] = []
    for item in described:
        _, timings = speech_with_timings(text=item.spoken.text, language=item.spoken.language)
        if timings is None:
            raise SpeechBenchError(f"the speech of {item.slug} was cached after being deleted")
        made.append(
            Synthesis(
                timings.audio_seconds,
                timings.synthesis_seconds,
                timings.encoding_seconds,
                len(item.spoken.text),
            )
        )
    return made


def first_audio_byte(target: Target, path: str) -> float:
    """Seconds from sending the request (on a new connection) to the first byte of audio."""
    connection = http.client.HTTPConnection(target.host, target.port, timeout=target.timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Range": FIRST_BYTES})
        response = connection.getresponse()
        first = response.read(1)
        elapsed = time.perf_counter() - started
        rest = response.read()
    finally:
        connection.close()
    if response.status != 206 or not (first + rest).startswith(b"OggS"):
        raise SpeechBenchError(
            f"{path} answered {response.status} {response.getheader('Content-Type')} "
            f"({len(first + rest)} bytes) instead of 206 with Ogg audio"
        )
    return elapsed


def _audio_path(slug: str) -> str:
    return reverse("descriptions:speech-ogg", kwargs={"slug": slug})


def bench_speech(*, objects: int, language: str) -> SpeechBenchResult:
    """Both measurements over the first ``objects`` described public objects."""
    with workspace() as space:
        # One more object than measured: its speech loads eSpeak and the encoders first,
        # in this process and in the server, so the figures are of speaking, not loading.
        described = described_objects(objects + 1, language)
        if len(described) < 2:
            raise SpeechBenchError("Fewer than two public objects have a description to speak.")
        warm_up, measured = described[0], described[1:]
        forget_speech(described)
        synthesise_all([warm_up])
        made = synthesise_all(measured)
        forget_speech(described)  # the server's first requests make them again
        with site_server(space) as server:
            first_request = first_audio_byte(server.target, _audio_path(warm_up.slug))
            uncached, cached = [], []
            for item in measured:
                uncached.append(first_audio_byte(server.target, _audio_path(item.slug)))
                for _ in range(CACHED_REPEATS):
                    cached.append(first_audio_byte(server.target, _audio_path(item.slug)))
        notes = [] if len(measured) == objects else [f"only {len(measured)} objects are described"]
        if not space.is_snapshot:
            notes.append("PostgreSQL: the configured database and media were used")
        return _result(measured, made, first_request, uncached, cached, space.is_snapshot, notes)


def _result(
    measured: list[Described],
    made: list[Synthesis],
    first_request: float,
    uncached: list[float],
    cached: list[float],
    snapshot: bool,
    notes: list[str],
) -> SpeechBenchResult:
    audio = sum(m.audio_seconds for m in made)
    synthesis = sum(m.synthesis_seconds for m in made)
    encoding = sum(m.encoding_seconds for m in made)
    per_object = [m.real_time_factor for m in made]
    return SpeechBenchResult(
        objects=len(measured),
        language=measured[0].spoken.language,
        snapshot=snapshot,
        audio_seconds=round(audio, 2),
        characters=sum(m.characters for m in made),
        real_time_factor=round((synthesis + encoding) / audio, 4),
        synthesis_real_time_factor=round(synthesis / audio, 4),
        per_object_real_time_factor_p95=round(percentile(per_object, 95), 4),
        first_request_ms=round(first_request * 1000, 2),
        uncached=Figures.of(uncached),
        cached=Figures.of(cached),
        notes=notes,
    )
