"""The audit log in the admin: readable, filterable per object, never editable."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from exhibition.models import AuditLogEntry
from exhibition.services.audit import audit_record_change
from tests.builders import make_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


def _entry(curator: User, title: str = "Old title") -> AuditLogEntry:
    return audit_record_change(
        actor=curator,
        instance=make_object(title=title),
        changes={"title": {"old": title, "new": f"{title} (revised)"}},
        action=AuditLogEntry.Action.CHANGED,
    )


def test_an_audit_entry_cannot_be_edited_or_deleted(curator_client: Client, curator: User) -> None:
    entry = _entry(curator)
    change_url = reverse("admin:exhibition_auditlogentry_change", args=[entry.pk])

    page = curator_client.get(change_url)
    assert page.status_code == 200  # readable
    assert b'name="note"' not in page.content and b'name="_save"' not in page.content
    assert curator_client.post(change_url, {"note": "tampered"}).status_code == 403
    delete_url = reverse("admin:exhibition_auditlogentry_delete", args=[entry.pk])
    assert curator_client.post(delete_url, {"post": "yes"}).status_code == 403
    add_url = reverse("admin:exhibition_auditlogentry_add")
    assert curator_client.get(add_url).status_code == 403

    entry.refresh_from_db()
    assert entry.note == ""
    assert AuditLogEntry.objects.count() == 1


def test_the_entry_page_shows_old_and_new_values(curator_client: Client, curator: User) -> None:
    entry = _entry(curator, title="Haywain")
    page = curator_client.get(
        reverse("admin:exhibition_auditlogentry_change", args=[entry.pk])
    ).content.decode()
    assert "Haywain" in page and "Haywain (revised)" in page and "curator" in page


def test_the_object_page_links_to_its_own_entries_only(
    curator_client: Client, curator: User
) -> None:
    mine = _entry(curator, title="Mine")
    _entry(curator, title="Someone else's")
    assert mine.collection_object is not None
    object_page = curator_client.get(
        reverse("admin:exhibition_collectionobject_change", args=[mine.collection_object.pk])
    ).content.decode()
    link = (
        reverse("admin:exhibition_auditlogentry_changelist")
        + f"?collection_object__id__exact={mine.collection_object.pk}"
    )
    assert link in object_page

    listing = curator_client.get(link)

    assert listing.status_code == 200
    rows = listing.content.decode()
    assert "Mine" in rows and "Someone else" not in rows
