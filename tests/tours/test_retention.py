"""Interactions and idle visitors are forgotten after the retention period."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests import builders
from tours.models import Interaction, VisitorProfile
from tours.services.interactions import InteractionItem, interactions_record
from tours.services.retention import interactions_purge

pytestmark = pytest.mark.django_db


def _interaction(profile: VisitorProfile, days_ago: int) -> Interaction:
    obj = builders.make_object()
    interactions_record(
        profile=profile,
        items=[InteractionItem(obj.slug, "like", "object_page")],
        at=timezone.now() - timedelta(days=days_ago),
    )
    return profile.interactions.latest("pk")


def _idle(profile: VisitorProfile, days: int) -> None:
    VisitorProfile.objects.filter(pk=profile.pk).update(
        last_seen_at=timezone.now() - timedelta(days=days)
    )


def test_interactions_older_than_the_period_are_deleted_and_newer_kept() -> None:
    visitor = VisitorProfile.objects.create()
    old = _interaction(visitor, days_ago=91)
    recent = _interaction(visitor, days_ago=89)
    purged = interactions_purge(older_than_days=90)
    assert purged.interactions == 1
    assert list(Interaction.objects.all()) == [recent]
    assert not Interaction.objects.filter(pk=old.pk).exists()
    assert VisitorProfile.objects.filter(pk=visitor.pk).exists()  # seen just now


def test_a_visitor_idle_for_the_whole_period_is_deleted_with_their_interests() -> None:
    idle = VisitorProfile.objects.create(interests=[{"kind": "theme", "value": "shipwrecks"}])
    active = VisitorProfile.objects.create()
    _idle(idle, days=120)
    _idle(active, days=10)
    purged = interactions_purge(older_than_days=90)
    assert purged.profiles == 1
    assert list(VisitorProfile.objects.all()) == [active]


def test_a_period_under_one_day_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        interactions_purge(older_than_days=0)


def test_the_command_uses_the_retention_setting_and_says_how_many_went(
    settings: object, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.TOURS_RETENTION_DAYS = 30  # type: ignore[attr-defined]
    visitor = VisitorProfile.objects.create()
    _interaction(visitor, days_ago=31)
    _interaction(visitor, days_ago=31)
    _interaction(visitor, days_ago=29)
    call_command("purge_interactions")
    assert (
        "Deleted 2 interactions and 0 idle visitor profiles older than 30 days."
        in capsys.readouterr().out
    )
    assert Interaction.objects.count() == 1


def test_the_command_takes_another_period_with_days(capsys: pytest.CaptureFixture[str]) -> None:
    visitor = VisitorProfile.objects.create()
    _interaction(visitor, days_ago=8)
    call_command("purge_interactions", "--days", "7")
    assert "Deleted 1 interaction " in capsys.readouterr().out
    assert not Interaction.objects.exists()


@pytest.mark.parametrize("days", ["0", "-5", "999999"])
def test_the_command_refuses_a_period_out_of_range(days: str) -> None:
    with pytest.raises(CommandError, match="--days must be"):
        call_command("purge_interactions", "--days", days)
