"""Forgetting visitors: interactions and idle profiles older than the retention period.

Run by ``manage.py purge_interactions`` (daily, from cron or a scheduler). A profile whose
visitor has done nothing for the whole period goes too, with its chosen interests; tours it
planned stay (they hold no visitor) but no longer point at it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tours.models import Interaction, VisitorProfile


@dataclass(frozen=True)
class Purged:
    interactions: int
    profiles: int


def interactions_purge(*, older_than_days: int) -> Purged:
    """Delete interactions made, and profiles last seen, more than ``older_than_days`` ago."""
    if older_than_days < 1:
        raise ValueError("The retention period must be at least one day.")
    cutoff = timezone.now() - timedelta(days=older_than_days)
    with transaction.atomic():
        interactions, _ = Interaction.objects.filter(created_at__lt=cutoff).delete()
        _, by_model = VisitorProfile.objects.filter(last_seen_at__lt=cutoff).delete()
    profiles = by_model.get(VisitorProfile._meta.label, 0)
    # Whatever rows an idle profile still had (recorded with a later ``at``) go with it.
    interactions += by_model.get(Interaction._meta.label, 0)
    return Purged(interactions=interactions, profiles=profiles)
