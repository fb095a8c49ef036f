"""solve_orienteering on a development instance, and on a file that is not one."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tours.planning.checker import check_tour
from tours.planning.oplib import read_oplib

DEV = Path(__file__).resolve().parents[4] / "shared" / "eval" / "orienteering"
INSTANCE = "gen2/gr48-gen2-50.oplib"


@pytest.mark.skipif(not (DEV / "optima.jsonl").exists(), reason="the OPLib dev set is absent")
def test_solves_a_dev_instance_within_two_percent_of_the_optimum() -> None:
    out = io.StringIO()
    call_command("solve_orienteering", str(DEV / INSTANCE), "--json", stdout=out)
    answer = json.loads(out.getvalue())
    assert set(answer) == {"score", "cost", "tour", "seconds"}
    rows = [json.loads(line) for line in (DEV / "optima.jsonl").read_text().splitlines()]
    optimum = next(row["optimum"] for row in rows if row["file"] == INSTANCE)
    assert answer["score"] >= 0.98 * optimum
    problem = read_oplib(DEV / INSTANCE)
    route = [node - 1 for node in answer["tour"]] + [answer["tour"][0] - 1]
    check = check_tour(problem, route)
    assert answer["tour"][0] == 1
    assert check.ok
    assert (check.score, check.cost) == (answer["score"], answer["cost"])


def test_a_bad_file_is_a_command_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.oplib"
    bad.write_text("NAME : x\nTYPE : OP\nDIMENSION : two\n")
    with pytest.raises(CommandError, match="line 3"):
        call_command("solve_orienteering", str(bad))
