import json

import pytest

from exhibition.models import Visibility
from tests import builders
from tours.models import Interaction, VisitorProfile
from tours.recommending.interaction_log import LogFileError, log_from_database, log_from_file


def _write(path, lines):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


def test_a_log_file_keeps_public_objects_and_counts_the_rest(db, tmp_path):
    seen = builders.make_object(slug="seen")
    builders.make_object(slug="hidden", visibility=Visibility.DRAFT)
    path = tmp_path / "log.jsonl"
    row = {"type": "interaction", "visitor": "a", "kind": "like", "dwell": None}
    _write(
        path,
        [
            {"synthetic": True},
            {"type": "visitor", "visitor": "a", "interests": [{"kind": "theme", "value": "sea"}]},
            {**row, "object": "seen", "at": "2025-01-01T10:00:00+00:00"},
            {**row, "object": "hidden", "at": "2025-01-01T10:01:00+00:00"},
            {**row, "object": "gone", "at": "2025-01-01T10:02:00+00:00"},
        ],
    )
    log = log_from_file(path)
    assert [r.object_id for r in log.rows] == [seen.pk]
    assert log.dropped == 2
    assert log.interests == {"a": [{"kind": "theme", "value": "sea"}]}


def test_a_file_without_a_header_is_refused(db, tmp_path):
    path = tmp_path / "log.jsonl"
    _write(path, [{"type": "interaction", "visitor": "a"}])
    with pytest.raises(LogFileError, match="synthetic"):
        log_from_file(path)


def test_recorded_interactions_with_hidden_objects_are_left_out(db):
    from django.utils import timezone

    profile = VisitorProfile.objects.create()
    public = builders.make_object()
    hidden = builders.make_object(visibility=Visibility.RESTRICTED)
    for obj in (public, hidden):
        Interaction.objects.create(
            profile=profile,
            collection_object=obj,
            kind="like",
            source="api",
            created_at=timezone.now(),
        )
    assert [r.object_id for r in log_from_database().rows] == [public.pk]


def test_the_recorded_log_knows_the_interests_each_visitor_chose(db):
    from django.utils import timezone

    chooser = VisitorProfile.objects.create(interests=[{"kind": "culture", "value": "Japan"}])
    silent = VisitorProfile.objects.create()
    obj = builders.make_object()
    for profile in (chooser, silent):
        Interaction.objects.create(
            profile=profile,
            collection_object=obj,
            kind="like",
            source="api",
            created_at=timezone.now(),
        )
    log = log_from_database()
    assert log.interests[f"profile-{chooser.pk}"] == [{"kind": "culture", "value": "Japan"}]
    assert log.interests[f"profile-{silent.pk}"] == []
