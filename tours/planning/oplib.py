"""Reads Orienteering Problem instances in the OPLib format (TSPLIB with ``TYPE : OP``).

A file is a header of ``KEY : value`` lines (NAME, TYPE, DIMENSION, COST_LIMIT,
EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, COMMENT), then sections of numbers:
NODE_COORD_SECTION (``id x y``) or EDGE_WEIGHT_SECTION (the matrix, laid out as
EDGE_WEIGHT_FORMAT says), NODE_SCORE_SECTION (``id score``), DEPOT_SECTION (ids, ended by
``-1``) and EOF. Node ids are 1-based and become the problem's labels; the depot is both the
start and the end. Every complaint names the line it is about.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tours.planning import tsplib
from tours.planning.problem import OrienteeringProblem, ProblemError, make_problem

# A full distance matrix of this many nodes is 32 MB of floats; larger files are refused
# before anything is allocated.
MAX_NODES = 2000
MAX_FILE_BYTES = 64 * 1024 * 1024

KEYWORD = re.compile(r"[A-Z][A-Z0-9_]*")
HEADER_KEYS = {
    "NAME",
    "TYPE",
    "COMMENT",
    "DIMENSION",
    "COST_LIMIT",
    "EDGE_WEIGHT_TYPE",
    "EDGE_WEIGHT_FORMAT",
    "NODE_COORD_TYPE",
    "DISPLAY_DATA_TYPE",
}
SECTIONS = {"NODE_COORD_SECTION", "EDGE_WEIGHT_SECTION", "NODE_SCORE_SECTION", "DEPOT_SECTION"}


@dataclass
class _Parsed:
    header: dict[str, tuple[str, int]] = field(default_factory=dict)
    # Each section's numbers with the line each came from.
    sections: dict[str, list[tuple[float, int]]] = field(default_factory=dict)
    section_lines: dict[str, int] = field(default_factory=dict)


def read_oplib(path: str | Path) -> OrienteeringProblem:
    """The problem in the OPLib file at ``path``; ProblemError says what is wrong with it."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ProblemError(f"{file.name}: larger than {MAX_FILE_BYTES // 2**20} MB")
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemError(f"cannot read {file}: {error}") from error
    return parse_oplib(text, source=file.name)


def parse_oplib(text: str, *, source: str = "instance") -> OrienteeringProblem:
    """The problem that ``text`` (an OPLib file's content) describes."""
    parsed = _split(text, source)
    header = parsed.header
    kind = _header(parsed, "TYPE", source)
    if kind.upper() != "OP":
        raise _error(source, header["TYPE"][1], f"TYPE is {kind!r}; only OP files are read")
    size = _dimension(parsed, source)
    cost_limit = _number(parsed, "COST_LIMIT", source)
    costs = _costs(parsed, size, source)
    scores = _scores(parsed, size, source)
    depot = _depot(parsed, size, source)
    try:
        return make_problem(
            scores=scores,
            costs=costs,
            budget=cost_limit,
            start=depot,
            end=depot,
            labels=list(range(1, size + 1)),
            name=header.get("NAME", (source, 0))[0],
        )
    except ProblemError as error:
        raise ProblemError(f"{source}: {error}") from error


def _error(source: str, line: int, message: str) -> ProblemError:
    return ProblemError(f"{source}, line {line}: {message}")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped:
            yield number, stripped


def _split(text: str, source: str) -> _Parsed:
    parsed = _Parsed()
    section: str | None = None
    for number, line in _lines(text):
        word = line.split(":", 1)[0].strip().upper()
        if word == "EOF":
            return parsed
        if word in SECTIONS:
            if word in parsed.sections:
                raise _error(source, number, f"{word} appears twice")
            section = word
            parsed.sections[word] = []
            parsed.section_lines[word] = number
        elif ":" in line or word in HEADER_KEYS:
            _header_line(parsed, word, line, number, source)
            section = None
        elif section is not None:
            parsed.sections[section].extend(
                (_float(t, number, source), number) for t in line.split()
            )
        else:
            raise _error(source, number, f"unexpected text {line[:40]!r}")
    return parsed


def _header_line(parsed: _Parsed, word: str, line: str, number: int, source: str) -> None:
    # Other keywords (OPLib files carry e.g. TSPSOL) are kept but not needed.
    if not KEYWORD.fullmatch(word):
        raise _error(source, number, f"{word[:40]!r} is not a keyword")
    if ":" not in line:
        raise _error(source, number, f"{word} needs a value after ':'")
    parsed.header[word] = (line.split(":", 1)[1].strip(), number)


def _float(token: str, line: int, source: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise _error(source, line, f"{token!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise _error(source, line, f"{token!r} is not a finite number")
    return value


def _header(parsed: _Parsed, key: str, source: str) -> str:
    if key not in parsed.header:
        raise ProblemError(f"{source}: the header has no {key}")
    return parsed.header[key][0]


def _number(parsed: _Parsed, key: str, source: str) -> float:
    value = _header(parsed, key, source)
    return _float(value, parsed.header[key][1], source)


def _dimension(parsed: _Parsed, source: str) -> int:
    value = _number(parsed, "DIMENSION", source)
    line = parsed.header["DIMENSION"][1]
    if value != int(value) or value < 1:
        raise _error(source, line, "DIMENSION must be a positive whole number")
    if value > MAX_NODES:
        raise _error(source, line, f"DIMENSION {int(value)} is over the limit of {MAX_NODES}")
    return int(value)


def _section(parsed: _Parsed, name: str, source: str) -> list[tuple[float, int]]:
    if name not in parsed.sections:
        raise ProblemError(f"{source}: there is no {name}")
    return parsed.sections[name]


def _rows(parsed: _Parsed, name: str, size: int, width: int, source: str) -> dict[int, list[float]]:
    """A section of ``id value…`` rows: exactly one row of ``width`` numbers per node."""
    numbers = _section(parsed, name, source)
    if len(numbers) != size * width:
        line = numbers[-1][1] if numbers else parsed.section_lines[name]
        raise _error(
            source, line, f"{name} has {len(numbers)} numbers; {size} rows of {width} expected"
        )
    rows: dict[int, list[float]] = {}
    for start in range(0, len(numbers), width):
        (node, line), values = numbers[start], [v for v, _ in numbers[start + 1 : start + width]]
        if node != int(node) or not 1 <= node <= size:
            raise _error(source, line, f"{name}: node id {node:g} is not between 1 and {size}")
        if int(node) in rows:
            raise _error(source, line, f"{name}: node {int(node)} appears twice")
        rows[int(node)] = values
    return rows


def _costs(parsed: _Parsed, size: int, source: str) -> list[list[float]]:
    kind = _header(parsed, "EDGE_WEIGHT_TYPE", source).upper()
    line = parsed.header["EDGE_WEIGHT_TYPE"][1]
    if kind == "EXPLICIT":
        return _explicit(parsed, size, source)
    if kind not in tsplib.DISTANCES:
        known = ", ".join([*tsplib.DISTANCES, "EXPLICIT"])
        raise _error(source, line, f"EDGE_WEIGHT_TYPE {kind!r} is not one of {known}")
    rows = _rows(parsed, "NODE_COORD_SECTION", size, 3, source)
    points = [(rows[node][0], rows[node][1]) for node in range(1, size + 1)]
    return [[float(d) for d in row] for row in tsplib.coordinate_matrix(points, kind)]


def _explicit(parsed: _Parsed, size: int, source: str) -> list[list[float]]:
    layout = _header(parsed, "EDGE_WEIGHT_FORMAT", source).upper()
    line = parsed.header["EDGE_WEIGHT_FORMAT"][1]
    if layout not in tsplib.EXPLICIT_LAYOUTS:
        known = ", ".join(tsplib.EXPLICIT_LAYOUTS)
        raise _error(source, line, f"EDGE_WEIGHT_FORMAT {layout!r} is not one of {known}")
    numbers = _section(parsed, "EDGE_WEIGHT_SECTION", source)
    expected = tsplib.explicit_cell_count(size, layout)
    if len(numbers) != expected:
        last = numbers[-1][1] if numbers else parsed.section_lines["EDGE_WEIGHT_SECTION"]
        raise _error(
            source,
            last,
            f"EDGE_WEIGHT_SECTION has {len(numbers)} numbers; {layout} of {size} nodes "
            f"needs {expected}",
        )
    return tsplib.explicit_matrix(size, layout, [value for value, _ in numbers])


def _scores(parsed: _Parsed, size: int, source: str) -> list[float]:
    rows = _rows(parsed, "NODE_SCORE_SECTION", size, 2, source)
    return [rows[node][0] for node in range(1, size + 1)]


def _depot(parsed: _Parsed, size: int, source: str) -> int:
    numbers = _section(parsed, "DEPOT_SECTION", source)
    depots = [(value, line) for value, line in numbers if value != -1]
    if not depots:
        raise _error(source, parsed.section_lines["DEPOT_SECTION"], "DEPOT_SECTION names no depot")
    if len(depots) > 1:
        raise _error(source, depots[1][1], "an OP instance has exactly one depot")
    value, line = depots[0]
    if value != int(value) or not 1 <= value <= size:
        raise _error(source, line, f"depot {value:g} is not a node between 1 and {size}")
    return int(value) - 1
