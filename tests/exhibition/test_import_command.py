"""``manage.py import_collection``: summary on stdout, problems on stderr, exit status."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from exhibition.models import CollectionObject
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_collection", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_a_summary_and_succeeds(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a"), record("b", image=None)])

    out, err = run(str(root))

    assert "created 2, updated 0, unchanged 0, failed 0; tiles generated 1;" in out
    assert err == ""
    assert CollectionObject.objects.count() == 2


def test_reimport_reports_unchanged_records(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    run(str(root))

    out, _ = run(str(root))

    assert "created 0, updated 0, unchanged 1, failed 0; tiles generated 0;" in out


def test_bad_records_go_to_stderr_and_the_exit_status_is_non_zero(tmp_path: Path) -> None:
    root = write_collection(
        tmp_path / "c", [record("good"), record("bad-one", licence="Mine"), "{oops"]
    )
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match=r"2 problem\(s\)"):
        call_command("import_collection", str(root), stdout=out, stderr=err)

    lines = err.getvalue().splitlines()
    assert lines[0].startswith("line 2 (id bad-one): unknown licence 'Mine'")
    assert lines[1].startswith("line 3 (id ?): invalid JSON")
    assert "created 1, updated 0, unchanged 0, failed 2" in out.getvalue()
    assert CollectionObject.objects.filter(slug="good").exists()


def test_path_defaults_to_the_vitrine_collection_setting(
    tmp_path: Path, settings: Settings
) -> None:
    settings.VITRINE_COLLECTION = write_collection(tmp_path / "c", [record("from-setting")])

    run()

    assert CollectionObject.objects.filter(slug="from-setting").exists()


def test_a_folder_without_objects_jsonl_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"no objects\.jsonl in"):
        run(str(tmp_path))
    with pytest.raises(CommandError, match="Collection folder not found"):
        run(str(tmp_path / "missing"))


def test_a_malformed_damaged_json_stops_before_importing(tmp_path: Path) -> None:
    root = write_collection(tmp_path / "c", [record("a")])
    (root / "damaged.json").write_text('["a"]')

    with pytest.raises(CommandError, match=r"damaged\.json must be a JSON object"):
        run(str(root))
    assert not CollectionObject.objects.exists()
