"""The restoration app's admin: the Restoration list with the curators' tool, and the
restoration preview on the review queue's page (connected in RestorationConfig.ready)."""

from restoration.admin import restorations

__all__ = ["restorations"]
