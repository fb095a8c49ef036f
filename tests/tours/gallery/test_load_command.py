"""``manage.py load_gallery_map``: counts on stdout, every error on stderr, and the exit status."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.builders import make_object
from tests.tours.gallery.documents import two_rooms, write
from tours.models import GalleryMap

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_gallery_map", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_loads_the_map_and_prints_counts_and_unknown_objects(tmp_path: Path) -> None:
    make_object(accession_number="K.1")
    path = write(tmp_path / "map.json", two_rooms(gallery_objects=("K.1", "GHOST")))

    out, err = run(str(path))

    assert 'Loaded gallery map "Test museum":' in out
    assert "rooms: 2 (0 closed)" in out
    assert "links: 1 (1 step-free)" in out
    assert "objects placed: 1 (0 restricted or draft" in out
    assert "$.rooms[1].objects[1]: no object with accession number or slug 'GHOST'" in out
    assert err == ""
    assert GalleryMap.objects.get().is_current


def test_a_dry_run_saves_nothing(tmp_path: Path) -> None:
    out, _ = run(str(write(tmp_path / "map.json", two_rooms())), "--dry-run")

    assert 'Checked gallery map "Test museum"' in out and "nothing was saved" in out
    assert not GalleryMap.objects.exists()


def test_errors_are_all_printed_and_the_command_fails(tmp_path: Path) -> None:
    document = two_rooms()
    document["rooms"][1]["floor"] = "first"
    document["links"][0]["walking_seconds"] = -5
    path = write(tmp_path / "map.json", document)
    err = io.StringIO()

    with pytest.raises(CommandError, match=r"refused, 2 error\(s\); nothing was loaded"):
        call_command("load_gallery_map", str(path), stdout=io.StringIO(), stderr=err)

    assert "$.rooms[1].floor: must be a whole number" in err.getvalue()
    assert "$.links[0].walking_seconds: must be from 1 to 3600, not -5" in err.getvalue()
    assert not GalleryMap.objects.exists()
