"""draft_descriptions writes every site language from one measurement; check_descriptions
scores each language, keeping the default language's figures where tools read them."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from descriptions import image_analysis
from descriptions.checklist import check_description
from exhibition.models import ObjectTranslation
from tests import builders

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_every_language_is_drafted_with_one_measurement(monkeypatch: pytest.MonkeyPatch) -> None:
    obj = builders.make_object(title="Harbour", object_type="painting")
    builders.add_image(obj)
    measured = []
    real = image_analysis.measure_picture

    def counting(picture, *, source):  # type: ignore[no-untyped-def]
        measured.append(source)
        return real(picture, source=source)

    monkeypatch.setattr("descriptions.services.measure_picture", counting)
    assert "drafted 2 description(s) (1 in en, 1 in fr)" in _run("draft_descriptions")
    assert measured == ["image"]
    assert sorted(obj.descriptions.values_list("language", flat=True)) == ["en", "fr"]
    assert obj.descriptions.get(language="fr").short_text.startswith("Une peinture")
    assert "drafted 0 description(s)" in _run("draft_descriptions")
    again = _run("draft_descriptions", "--force", "--language", "fr")
    assert "drafted 1 description(s) (1 in fr)" in again


def test_check_descriptions_reports_each_language() -> None:
    obj = builders.make_object(title="Harbour", object_type="painting")
    builders.add_image(obj)
    builders.add_image(builders.make_object(title="Quay"))
    _run("draft_descriptions", "--language", "fr")
    report = json.loads(_run("check_descriptions", "--json"))
    # The default language's figures stay at the top level.
    assert (report["drafted_share"], report["passing_share"]) == (0.0, 0.0)
    assert report["objects"] == 2 and set(report["failures"]) >= {"no_image_of", "traceable"}
    french = report["languages"]["fr"]
    assert (french["drafted_share"], french["passing_share"]) == (1.0, 1.0)
    assert report["languages"]["en"]["drafted_share"] == 0.0
    assert _run("check_descriptions", "--language", "fr").startswith(
        "fr: 2 objects: 100.0% drafted, 100.0% pass every rule"
    )


def test_an_unknown_language_is_refused() -> None:
    for command in ("draft_descriptions", "check_descriptions"):
        with pytest.raises(CommandError, match="Unknown language 'de'"):
            _run(command, "--language", "de")


def test_a_records_french_translation_is_drafted_from_and_checked_against() -> None:
    obj = builders.make_object(title="View of Delft", description="A calm harbour town.")
    builders.add_image(obj)
    ObjectTranslation.objects.create(
        collection_object=obj,
        language="fr",
        title="Vue de Delft",
        description="Une ville portuaire paisible. Le ciel est nuageux.",
    )
    _run("draft_descriptions")
    french, english = obj.descriptions.get(language="fr"), obj.descriptions.get(language="en")
    assert french.alt_text.startswith("Peinture : Vue de Delft")
    assert french.long_text.startswith("Vue de Delft.")
    assert "Une ville portuaire paisible." in french.long_text
    assert "A calm harbour town." not in french.long_text
    assert english.long_text.startswith("View of Delft.")
    assert "A calm harbour town." in english.long_text
    assert check_description(french) == [] and check_description(english) == []
