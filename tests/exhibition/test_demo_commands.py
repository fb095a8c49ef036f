"""The demo commands: a curator account and the demo exhibitions."""

import json
import stat
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from exhibition.models import AuditLogEntry, CollectionObject, Exhibition, Visibility
from exhibition.selectors import exhibition_section_objects, public_exhibitions
from tests.builders import make_object

pytestmark = pytest.mark.django_db

DEMO_FILE = Path(settings.BASE_DIR) / "exhibition" / "demo" / "exhibitions.json"


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _password(output: str) -> str:
    return output.split("password:")[1].split()[0]


# create_demo_curator


def test_create_demo_curator_prints_a_working_random_password(settings: Any) -> None:
    settings.DEBUG = True
    first, _ = _run("create_demo_curator")
    assert "username: curator" in first
    password = _password(first)
    assert len(password) >= 20
    user = authenticate(username="curator", password=password)
    assert user is not None and user.is_staff and user.is_superuser

    second, _ = _run("create_demo_curator")

    assert "Reset the password" in second
    assert _password(second) != password
    assert authenticate(username="curator", password=password) is None
    assert authenticate(username="curator", password=_password(second)) is not None
    assert User.objects.filter(username="curator").count() == 1


def test_create_demo_curator_writes_a_private_password_file(settings: Any, tmp_path: Path) -> None:
    settings.DEBUG = True
    target = tmp_path / "secrets" / "curator.txt"
    output, _ = _run("create_demo_curator", "--password-file", str(target))
    assert target.read_text().strip() == _password(output)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_create_demo_curator_refuses_without_debug_unless_forced(settings: Any) -> None:
    settings.DEBUG = False
    with pytest.raises(CommandError, match="production"):
        _run("create_demo_curator")
    assert not User.objects.exists()

    output, _ = _run("create_demo_curator", "--force")
    assert authenticate(username="curator", password=_password(output)) is not None


def test_create_demo_curator_keeps_the_old_password_if_the_file_cannot_be_written(
    settings: Any, tmp_path: Path
) -> None:
    settings.DEBUG = True
    first, _ = _run("create_demo_curator")
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(CommandError, match="Cannot write"):
        _run("create_demo_curator", "--password-file", str(blocker / "curator.txt"))
    assert authenticate(username="curator", password=_password(first)) is not None


# import_exhibitions


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "exhibitions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _small_file(tmp_path: Path, **overrides: Any) -> str:
    exhibition = {
        "slug": "sea-and-sky",
        "title": "The sea and the sky",
        "subtitle": "Weather and water",
        "summary": "Storms and calm.",
        "featured": True,
        "cover": "temeraire",
        "sections": [
            {
                "heading": "Weather",
                "body": "Turner and the sky.",
                "objects": [
                    {"slug": "temeraire", "caption": "Turner, 1839."},
                    {"slug": "not-in-collection", "caption": "Missing."},
                    {"slug": "hay-wain", "caption": "Constable, 1821."},
                ],
            }
        ],
    }
    exhibition.update(overrides)
    return _write(
        tmp_path, {"exhibitions": [exhibition], "featured_objects": ["temeraire", "ghost"]}
    )


def test_import_exhibitions_publishes_in_order_and_skips_missing_objects(tmp_path: Path) -> None:
    temeraire = make_object(slug="temeraire", title="The Fighting Temeraire")
    hay_wain = make_object(slug="hay-wain", title="The Hay Wain")

    out, err = _run("import_exhibitions", _small_file(tmp_path))

    assert "1 created" in out
    assert "'not-in-collection' is not imported" in err
    assert "'ghost' is not imported" in err
    exhibition = public_exhibitions().get(slug="sea-and-sky")
    assert (exhibition.title, exhibition.featured) == ("The sea and the sky", True)
    assert exhibition.cover_object == temeraire
    links = list(exhibition_section_objects(exhibition=exhibition))
    assert [link.collection_object for link in links] == [temeraire, hay_wain]
    assert [link.caption for link in links] == ["Turner, 1839.", "Constable, 1821."]
    temeraire.refresh_from_db()
    hay_wain.refresh_from_db()
    assert temeraire.featured and not hay_wain.featured


def test_import_exhibitions_is_idempotent_and_updates_by_slug(tmp_path: Path) -> None:
    make_object(slug="temeraire")
    make_object(slug="hay-wain")
    path = _small_file(tmp_path)
    _run("import_exhibitions", path)
    section_pk = Exhibition.objects.get().sections.get().pk
    entries = AuditLogEntry.objects.count()

    out, _ = _run("import_exhibitions", path)

    assert "0 created, 0 updated, 1 unchanged" in out
    assert Exhibition.objects.count() == 1
    assert Exhibition.objects.get().sections.get().pk == section_pk
    assert AuditLogEntry.objects.count() == entries

    out, _ = _run("import_exhibitions", _small_file(tmp_path, title="Sea and sky"))
    assert "1 updated" in out
    exhibition = Exhibition.objects.get()
    assert exhibition.title == "Sea and sky"
    entry = AuditLogEntry.objects.filter(target_model="exhibition.exhibition").first()
    assert entry is not None and entry.changes["title"]["new"] == "Sea and sky"


def test_import_exhibitions_republishes_a_hidden_exhibition(tmp_path: Path) -> None:
    make_object(slug="temeraire")
    path = _small_file(tmp_path)
    _run("import_exhibitions", path)
    Exhibition.objects.update(visibility=Visibility.DRAFT)
    _run("import_exhibitions", path)
    assert public_exhibitions().filter(slug="sea-and-sky").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps([]), "'exhibitions' list"),
        (json.dumps({"exhibitions": [{"title": "No slug"}]}), "exhibitions[0]: 'slug' is required"),
        (
            json.dumps({"exhibitions": [{"slug": "x", "title": "X", "sections": [{"body": "b"}]}]}),
            "exhibitions[0].sections[0]: 'heading' is required",
        ),
        (json.dumps({"exhibitions": [{"slug": "not a slug!", "title": "X"}]}), "not a valid slug"),
        (
            json.dumps({"exhibitions": [{"slug": "a", "title": "A"}, {"slug": "a", "title": "B"}]}),
            "more than once: a",
        ),
    ],
)
def test_import_exhibitions_explains_a_bad_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]")):
        _run("import_exhibitions", str(path))
    assert not Exhibition.objects.exists()


def test_import_exhibitions_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not found"):
        _run("import_exhibitions", str(tmp_path / "nope.json"))


def test_the_demo_file_loads_by_default_with_three_or_four_exhibitions() -> None:
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    slugs = {
        link["slug"]
        for exhibition in demo["exhibitions"]
        for section in exhibition["sections"]
        for link in section["objects"]
    }
    for slug in slugs | set(demo["featured_objects"]):
        make_object(slug=slug, title=slug)

    out, err = _run("import_exhibitions")

    assert err == ""
    assert 3 <= public_exhibitions().count() <= 4
    assert f"{public_exhibitions().count()} created" in out
    assert CollectionObject.objects.filter(featured=True).count() == len(demo["featured_objects"])
    for exhibition in public_exhibitions():
        assert exhibition.summary and exhibition.sections.exists()


def test_every_object_in_the_demo_file_is_in_the_demo_collection() -> None:
    records = Path(settings.VITRINE_COLLECTION) / "objects.jsonl"
    if not records.exists():
        pytest.skip("The demo collection is not present on this machine.")
    ids = {json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()}
    demo = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    named = set(demo["featured_objects"])
    for exhibition in demo["exhibitions"]:
        if exhibition.get("cover"):
            named.add(exhibition["cover"])
        named |= {link["slug"] for s in exhibition["sections"] for link in s["objects"]}
    assert named - ids == set()
