"""Read ``objects.jsonl`` as a stream of batches of numbered lines, from any position.

Only one batch is held at a time, so memory does not grow with the file; each batch
says where the file stands after it, which is what the journal stores to resume from.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from exhibition.importing.journal import Position

# A record with a long description and its translations is well under a megabyte; a
# line this long is not a record, and is skipped without being held in memory.
MAX_LINE_BYTES = 16 * 1024 * 1024
_SKIP_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Line:
    number: int
    raw: bytes
    too_long: bool = False


@dataclass(frozen=True)
class Batch:
    lines: list[Line]
    end: Position  # where the file stands after this batch


def read_batches(path: Path, *, start: Position, size: int) -> Iterator[Batch]:
    """Batches of up to ``size`` non-blank lines, from ``start`` to the end of the file."""
    number, offset, records = start.line, start.offset, start.records
    lines: list[Line] = []
    with path.open("rb") as fh:
        fh.seek(offset)
        while raw := fh.readline(MAX_LINE_BYTES + 1):
            number += 1
            offset += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                offset += _skip_rest_of_line(fh)
                lines.append(Line(number, b"", too_long=True))
            elif raw.strip():
                lines.append(Line(number, raw))
            else:
                continue
            records += 1
            if len(lines) >= size:
                yield Batch(lines, Position(line=number, offset=offset, records=records))
                lines = []
    if lines:
        yield Batch(lines, Position(line=number, offset=offset, records=records))


def _skip_rest_of_line(fh: BinaryIO) -> int:
    skipped = 0
    while chunk := fh.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped
