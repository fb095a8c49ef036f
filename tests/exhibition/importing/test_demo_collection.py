"""A handful of real demo records, including the Draco-compressed Smithsonian fossil."""

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from exhibition.importing.services import collection_import
from exhibition.models import CollectionObject

DEMO_IDS = [
    "mona-lisa",
    "the-last-supper",
    "botanical-register-plate-70",
    "stuart-revett-portico",
    "fossil-usnm-1145291",
    "statue-dancing-girl-thorvaldsen",
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (Path(settings.VITRINE_COLLECTION) / "objects.jsonl").is_file(),
        reason="the demo collection (VITRINE_COLLECTION) is not present",
    ),
]


def copy_demo_records(target: Path) -> Path:
    source = Path(settings.VITRINE_COLLECTION)
    target.mkdir()
    lines = [
        line
        for line in (source / "objects.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["id"] in DEMO_IDS
    ]
    assert len(lines) == len(DEMO_IDS)
    (target / "objects.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for line in lines:
        data = json.loads(line)
        for relative in (data["image"], data["model"]):
            if relative:
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source / relative, target / relative)
    shutil.copyfile(source / "damaged.json", target / "damaged.json")
    return target


def test_demo_records_import_with_their_media_and_credits(tmp_path: Path) -> None:
    root = copy_demo_records(tmp_path / "demo")

    summary = collection_import(root=root)

    assert (summary.created, summary.failed, summary.tiles_generated) == (6, 0, 4)
    fossil = CollectionObject.objects.get(slug="fossil-usnm-1145291")
    model = fossil.models3d.get()
    assert model.size_bytes == (root / "models/fossil-usnm-1145291.glb").stat().st_size
    assert (Path(settings.MEDIA_ROOT) / model.glb.name).is_file()
    assert fossil.licence == "CC0-1.0"
    assert not model.geometry_only  # textured
    statue = CollectionObject.objects.get(slug="statue-dancing-girl-thorvaldsen")
    assert statue.models3d.get().geometry_only  # converted without its maps: black
    assert CollectionObject.objects.get(slug="the-last-supper").is_damaged
    assert not CollectionObject.objects.get(slug="mona-lisa").is_damaged
    mona = CollectionObject.objects.get(slug="mona-lisa")
    assert mona.place is not None and mona.place.name == "Italy"
    assert mona.images.get().alt_text == "Painting: Mona Lisa, by Leonardo da Vinci"
    plate = CollectionObject.objects.get(slug="botanical-register-plate-70")
    assert [(c.agent.name, c.role) for c in plate.creator_links.select_related("agent")] == [
        ("Sydenham Edwards", "artist"),
        ("James Ridgway", "publisher"),
    ]
    portico = CollectionObject.objects.get(slug="stuart-revett-portico")
    assert sorted(portico.creators.values_list("name", flat=True)) == [
        "James Stuart",
        "Nicholas Revett",
    ]
    assert (Path(settings.MEDIA_ROOT) / "iiif/mona-lisa-0/info.json").is_file()
