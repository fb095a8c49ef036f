"""Per-language titles and descriptions in an import: the record's language and translations."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from exhibition.importing.services import ImportSummary, collection_import
from exhibition.models import AuditLogEntry, CollectionObject, ObjectTranslation
from exhibition.page_cache import collection_version
from tests.exhibition.importing.helpers import record, write_collection

pytestmark = pytest.mark.django_db(transaction=True)

FRENCH = {"title": "La Joconde", "description": "Portrait d’une femme assise."}


def run(tmp_path: Path, *records: dict[str, Any]) -> ImportSummary:
    return collection_import(root=write_collection(tmp_path / "c", list(records)))


def translations(slug: str) -> dict[str, tuple[str, str]]:
    rows = ObjectTranslation.objects.filter(collection_object__slug=slug)
    return {t.language: (t.title, t.description) for t in rows}


def test_a_record_imports_with_its_language_and_translations(tmp_path: Path) -> None:
    summary = run(
        tmp_path,
        record("mona-lisa", title="Mona Lisa", translations={"fr": FRENCH}),
        record(
            "angelus", title="L’Angélus", language="fr", translations={"en": {"title": "Angelus"}}
        ),
    )

    assert summary.ok and summary.created == 2
    assert CollectionObject.objects.get(slug="mona-lisa").language == "en"
    assert translations("mona-lisa") == {"fr": ("La Joconde", "Portrait d’une femme assise.")}
    assert CollectionObject.objects.get(slug="angelus").language == "fr"
    assert translations("angelus") == {"en": ("Angelus", "")}


def test_a_record_without_a_language_is_in_the_sites_default_language(tmp_path: Path) -> None:
    assert run(tmp_path, record("plain")).ok
    assert CollectionObject.objects.get(slug="plain").language == "en"
    assert translations("plain") == {}


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"language": "de"}, "unknown language 'de' (use one of: en, fr)"),
        ({"language": 7}, "unknown language 7"),
        ({"translations": ["fr"]}, "'translations' must be an object"),
        ({"translations": {"de": FRENCH}}, "translation 'de': not a site language"),
        ({"translations": {"en": FRENCH}}, "translation 'en' is in the record's own language"),
        ({"translations": {"fr": "La Joconde"}}, "translation 'fr' must be an object"),
        ({"translations": {"fr": {"description": "x"}}}, "'title' must be a non-empty string"),
        ({"translations": {"fr": {"title": "  "}}}, "'title' must be a non-empty string"),
        ({"translations": {"fr": {"title": 3}}}, "'title' must be a non-empty string"),
        (
            {"translations": {"fr": {"title": "T", "description": ["x"]}}},
            "'description' must be a string or null",
        ),
        (
            {"translations": {"fr": {"title": "T", "desc": "x"}}},
            "translation 'fr': unknown field 'desc'",
        ),
        ({"translations": {"fr": {"title": "T" * 501}}}, "title is longer than 500 characters"),
        (
            {"translations": {"fr": {"title": "T", "description": "d" * 50_001}}},
            "description is longer than 50000 characters",
        ),
    ],
)
def test_a_bad_translation_is_reported_with_its_line_and_the_others_import(
    tmp_path: Path, fields: dict[str, Any], reason: str
) -> None:
    summary = run(tmp_path, record("good"), record("bad", **fields), record("also-good"))

    assert (summary.created, summary.failed) == (2, 1)
    [problem] = summary.problems
    assert (problem.line, problem.record_id) == (2, "bad")
    assert reason in problem.reason
    # Like any other invalid field, the bad record writes nothing at all.
    assert not CollectionObject.objects.filter(slug="bad").exists()


def test_reimport_updates_translations_and_moves_the_collection_version(tmp_path: Path) -> None:
    run(tmp_path, record("mona-lisa", translations={"fr": FRENCH}))
    version = collection_version()

    summary = run(tmp_path, record("mona-lisa", translations={"fr": {"title": "Joconde"}}))

    assert summary.updated == 1
    assert translations("mona-lisa") == {"fr": ("Joconde", "")}
    assert collection_version() > version
    entry = AuditLogEntry.objects.filter(target_pk=str(CollectionObject.objects.get().pk)).first()
    assert entry is not None
    assert entry.changes["translation.fr.title"] == {"old": "La Joconde", "new": "Joconde"}


def test_reimporting_the_same_translations_leaves_the_record_unchanged(tmp_path: Path) -> None:
    run(tmp_path, record("mona-lisa", translations={"fr": FRENCH}))
    version = collection_version()

    summary = run(tmp_path, record("mona-lisa", translations={"fr": FRENCH}))

    assert (summary.updated, summary.unchanged) == (0, 1)
    assert collection_version() == version


def test_an_empty_translations_object_removes_them(tmp_path: Path) -> None:
    run(tmp_path, record("mona-lisa", translations={"fr": FRENCH}))

    summary = run(tmp_path, record("mona-lisa", translations={}))

    assert summary.updated == 1
    assert translations("mona-lisa") == {}


def test_a_record_that_does_not_name_translations_keeps_those_made_in_the_admin(
    tmp_path: Path,
) -> None:
    run(tmp_path, record("mona-lisa"))
    ObjectTranslation.objects.create(
        collection_object=CollectionObject.objects.get(), language="fr", title="La Joconde"
    )

    summary = run(tmp_path, record("mona-lisa"))

    assert summary.unchanged == 1
    assert translations("mona-lisa") == {"fr": ("La Joconde", "")}


def test_changing_the_original_language_drops_a_translation_into_it(tmp_path: Path) -> None:
    run(tmp_path, record("angelus", title="Angelus", translations={"fr": FRENCH}))

    summary = run(tmp_path, record("angelus", title="L’Angélus", language="fr"))

    assert summary.updated == 1
    assert CollectionObject.objects.get().language == "fr"
    assert translations("angelus") == {}


def test_the_api_gives_the_original_and_its_translations(tmp_path: Path, client: Client) -> None:
    run(tmp_path, record("mona-lisa", title="Mona Lisa", translations={"fr": FRENCH}))

    data = client.get(reverse("api-object-detail", kwargs={"slug": "mona-lisa"})).json()

    assert (data["title"], data["language"]) == ("Mona Lisa", "en")
    assert data["translations"] == [{"language": "fr", **FRENCH}]
