"""``manage.py bench_pages``: argument checks, an empty database, and a real small run."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from bench.pages.import_timing import BULK_IMPORT_ENV, ImportTimingError, time_import

DEMO = Path(settings.VITRINE_COLLECTION)
DEMO_IDS = ("mona-lisa", "model-antique-camera")


@pytest.mark.django_db
def test_an_empty_database_asks_for_the_import_first() -> None:
    with pytest.raises(CommandError, match="import the collection first"):
        call_command("bench_pages", "--requests", "5")


@pytest.mark.parametrize(
    "arguments", [["--clients", "0"], ["--requests", "0"], ["--max-seconds", "0"]]
)
def test_out_of_range_arguments_are_refused(arguments: list[str]) -> None:
    with pytest.raises(CommandError, match="must be"):
        call_command("bench_pages", *arguments)


def test_import_timing_refuses_a_folder_without_objects_jsonl(tmp_path: Path) -> None:
    with pytest.raises(ImportTimingError, match=r"no objects\.jsonl"):
        time_import(tmp_path)


def small_demo_collection(folder: Path) -> Path:
    """Two demo records (a picture and a 3D model) with their files."""
    if not (DEMO / "objects.jsonl").is_file():
        pytest.skip(f"demo collection not present at {DEMO}")
    records = [json.loads(line) for line in (DEMO / "objects.jsonl").read_text().splitlines()]
    chosen = [record for record in records if record["id"] in DEMO_IDS]
    for record in chosen:
        for key in ("image", "model"):
            if record[key]:
                (folder / record[key]).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(DEMO / record[key], folder / record[key])
    (folder / "objects.jsonl").write_text("".join(json.dumps(r) + "\n" for r in chosen))
    return folder


def test_import_timing_counts_what_was_imported(tmp_path: Path) -> None:
    timing = time_import(small_demo_collection(tmp_path))

    assert (timing.objects, timing.images, timing.models) == (2, 1, 1)
    assert timing.seconds > 0
    assert timing.objects_per_second > 0


def manage(arguments: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_benchmark_measures_every_page_against_the_minimal_view(tmp_path: Path) -> None:
    collection = small_demo_collection(tmp_path / "collection")
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "INDEX_DIR": str(tmp_path / "index"),
            "DJANGO_SETTINGS_MODULE": "config.settings",
            **BULK_IMPORT_ENV,
        }
    )
    env.pop("DJANGO_DEBUG", None)
    for step in (["migrate", "--noinput", "-v", "0"], ["import_collection", str(collection)]):
        completed = manage(step, env)
        assert completed.returncode == 0, completed.stderr

    completed = manage(
        ["bench_pages", "--clients", "2", "--requests", "12", "--warmup", "2", "--json"], env
    )

    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    rows = {row["scenario"]: row for row in report["pages"]}
    assert set(rows) == {
        "minimal view",
        "object page (image)",
        "object page (3D)",
        "object page (mix)",
        "browse page (mix)",
    }
    assert all(row["requests"] == 12 and row["failures"] == 0 for row in rows.values())
    assert rows["minimal view"]["client_p50_ratio"] == 1.0
    assert rows["browse page (mix)"]["client_p95_ms"] > 0
