"""The demo exhibitions' captions, as visitors read them: no repeated byline, no notes.

Needs the demo collection (``VITRINE_COLLECTION``) for each object's maker and date.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from exhibition.importing.creators import parse_creators
from exhibition.models import Agent, ObjectCreator
from exhibition.models.exhibitions import caption_without_byline
from tests import builders

pytestmark = pytest.mark.django_db

DEMO_FILE = Path(settings.BASE_DIR) / "exhibition" / "demo" / "exhibitions.json"


def _records() -> dict[str, dict[str, Any]]:
    path = Path(settings.VITRINE_COLLECTION) / "objects.jsonl"
    if not path.is_file():
        pytest.skip(f"the demo collection is not at {path.parent}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, filter(None, lines))}


def test_demo_captions_never_repeat_the_byline_or_cite_the_source() -> None:
    records = _records()
    captions = [
        (item["slug"], item.get("caption", ""))
        for exhibition in json.loads(DEMO_FILE.read_text(encoding="utf-8"))["exhibitions"]
        for section in exhibition["sections"]
        for item in section["objects"]
    ]

    problems = []
    for slug, caption in captions:
        record = records[slug]
        obj = builders.make_object(
            title=record["title"], date_display=record.get("date") or "", culture=""
        )
        for order, credit in enumerate(parse_creators(record.get("creator"))):
            agent = Agent.objects.create(slug=f"{slug}-{order}", name=credit.name)
            ObjectCreator.objects.create(
                collection_object=obj, agent=agent, qualifier=credit.qualifier, order=order
            )
        shown = caption_without_byline(caption, obj).casefold()
        byline = [link.agent.name for link in obj.creator_links.all()] + [obj.date_display]
        if any(value and shown.startswith(value.casefold()) for value in byline):
            problems.append(f"{slug}: {shown!r} repeats the byline")
        if "source" in shown:
            problems.append(f"{slug}: {shown!r} cites the source record")
    assert not problems, "\n".join(problems)
