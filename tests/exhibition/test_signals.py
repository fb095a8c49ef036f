"""The exhibition announces changes (for search and tours) once they have committed."""

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from exhibition.signals import collection_object_changed, collection_object_deleted
from tests import builders
from tests.exhibition.admin.html_forms import form_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard() -> Iterator[list[dict[str, Any]]]:
    calls: list[dict[str, Any]] = []

    def listen(**kwargs: Any) -> None:
        calls.append(kwargs)

    collection_object_changed.connect(listen, dispatch_uid="test-changed")
    collection_object_deleted.connect(listen, dispatch_uid="test-deleted")
    yield calls
    collection_object_changed.disconnect(dispatch_uid="test-changed")
    collection_object_deleted.disconnect(dispatch_uid="test-deleted")


def test_an_import_announces_each_record(
    tmp_path: Path, heard: list[dict[str, Any]], django_capture_on_commit_callbacks: Any
) -> None:
    (tmp_path / "objects.jsonl").write_text(
        '{"id": "river-view", "title": "River view", "object_type": "painting", '
        '"licence": "PDM-1.0"}\n',
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_collection", str(tmp_path), stdout=io.StringIO())
    assert [(c["collection_object"].slug, c["reason"]) for c in heard] == [
        ("river-view", "imported")
    ]


def test_an_admin_edit_and_delete_are_announced(
    client: Client,
    curator: User,
    heard: list[dict[str, Any]],
    django_capture_on_commit_callbacks: Any,
) -> None:
    obj = builders.make_object(title="Before")
    client.force_login(curator)
    url = reverse("admin:exhibition_collectionobject_change", args=[obj.pk])
    data = form_fields(client.get(url), "collectionobject_form")
    data["title"] = "After"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert [(c["collection_object"].title, c["reason"]) for c in heard] == [("After", "admin")]

    delete_url = reverse("admin:exhibition_collectionobject_delete", args=[obj.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(delete_url, {"post": "yes"}).status_code == 302
    assert heard[-1] == {
        "signal": collection_object_deleted,
        "sender": type(obj),
        "object_id": obj.pk,
        "slug": obj.slug,
    }
