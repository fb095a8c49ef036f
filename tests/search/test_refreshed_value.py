"""RefreshedValue: after a change, the held value answers while one thread reads the next."""

import threading

import pytest

from search import per_version
from search.per_version import RefreshedValue


class Versions:
    def __init__(self) -> None:
        self.now = 1

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def versions(monkeypatch: pytest.MonkeyPatch) -> Versions:
    versions = Versions()
    monkeypatch.setattr(per_version, "collection_version", versions)
    return versions


class SlowReads:
    """Each read returns the version it started at, once the test lets it finish."""

    def __init__(self, versions: Versions) -> None:
        self.versions = versions
        self.release = threading.Event()
        self.started = threading.Event()
        self.reads = 0

    def __call__(self) -> str:
        self.reads += 1
        at = self.versions.now
        if self.reads > 1:  # the first read is made by the caller and must not block it
            self.started.set()
            assert self.release.wait(10)
        return f"read at {at}"


def test_after_a_change_the_held_value_answers_while_a_thread_reads(versions: Versions) -> None:
    reads = SlowReads(versions)
    value = RefreshedValue(reads, lambda: True)
    assert value.get() == "read at 1"

    versions.now = 2
    assert value.get() == "read at 1"  # answered at once, not after the read
    assert reads.started.wait(10)
    assert value.get() == "read at 1"  # a second get starts no second read
    assert reads.reads == 2

    reads.release.set()
    for _ in range(200):
        if value.get() == "read at 2":
            break
        threading.Event().wait(0.01)
    assert value.get() == "read at 2"
    assert reads.reads == 2


def test_without_background_reads_the_caller_waits_for_the_new_value(versions: Versions) -> None:
    reads = SlowReads(versions)
    reads.release.set()
    value = RefreshedValue(reads, lambda: False)
    assert value.get() == "read at 1"
    versions.now = 2
    assert value.get() == "read at 2"


def test_a_failed_background_read_keeps_the_held_value(versions: Versions) -> None:
    calls = []

    def read() -> str:
        calls.append(versions.now)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return f"read at {versions.now}"

    value = RefreshedValue(read, lambda: True)
    assert value.get() == "read at 1"
    versions.now = 2
    assert value.get() == "read at 1"
    for _ in range(200):
        if len(calls) == 2 and not (value._reading and value._reading.is_alive()):
            break
        threading.Event().wait(0.01)
    assert value.get() in {"read at 1", "read at 2"}  # kept, then read again
    for _ in range(200):
        if value.get() == "read at 2":
            break
        threading.Event().wait(0.01)
    assert value.get() == "read at 2"
