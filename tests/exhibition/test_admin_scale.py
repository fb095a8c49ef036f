"""The admin's change lists never count a whole large table, and still page and search."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exhibition.admin import large_tables
from exhibition.admin.collection import CollectionObjectAdmin
from exhibition.models import CollectionObject
from tests import builders

pytestmark = pytest.mark.django_db

CAP = 25


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


@pytest.fixture(autouse=True)
def _small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real cap is 10,000 rows and pages hold 100; a few dozen objects, ten a page,
    # stand in for a million.
    monkeypatch.setattr(large_tables, "COUNT_CAP", CAP)
    monkeypatch.setattr(CollectionObjectAdmin, "list_per_page", 10)


def _whole_table_counts(queries: list[dict[str, str]]) -> list[str]:
    """COUNT queries over the objects table that nothing stops early."""
    return [
        q["sql"]
        for q in queries
        if "COUNT(" in q["sql"].upper()
        and "exhibition_collectionobject" in q["sql"]
        and " LIMIT " not in q["sql"].upper()
    ]


def test_object_change_list_loads_without_counting_the_whole_table(
    curator_client: Client,
) -> None:
    for n in range(CAP + 15):
        builders.make_object(title=f"Harbour {n:02d}")
    url = reverse("admin:exhibition_collectionobject_changelist")

    with CaptureQueriesContext(connection) as queries:
        response = curator_client.get(url)

    assert response.status_code == 200
    assert _whole_table_counts(queries.captured_queries) == []
    body = response.content.decode()
    # The count stops at the cap; the unfiltered total is not shown.
    assert f"{CAP} collection objects" in body
    assert "total)" not in body
    assert len(re.findall(r'class="action-select"', body)) == 10


def test_search_and_filters_count_at_most_the_cap(curator_client: Client) -> None:
    for n in range(CAP + 5):
        builders.make_object(title=f"Bowl {n:02d}", object_type="ceramic")
    builders.make_object(title="Storm at sea", accession_number="SEA.1")
    url = reverse("admin:exhibition_collectionobject_changelist")

    with CaptureQueriesContext(connection) as queries:
        found = curator_client.get(url, {"q": "storm"})
        by_accession = curator_client.get(url, {"q": "sea.1"})
        filtered = curator_client.get(url, {"object_type": "ceramic"})

    assert _whole_table_counts(queries.captured_queries) == []
    assert "Storm at sea" in found.content.decode()
    assert "1 collection object" in found.content.decode()
    assert "Storm at sea" in by_accession.content.decode()
    assert f"{CAP} collection objects" in filtered.content.decode()


def test_the_last_capped_page_still_loads(curator_client: Client) -> None:
    for n in range(CAP + 3):
        builders.make_object(title=f"Coin {n:02d}")
    url = reverse("admin:exhibition_collectionobject_changelist")
    last = curator_client.get(url, {"p": "3"})
    assert last.status_code == 200
    titles = [o.title for o in CollectionObject.objects.order_by("title", "pk")][20:25]
    assert all(title in last.content.decode() for title in titles)


@pytest.mark.parametrize(
    "name",
    [
        "exhibition_objectimage",
        "exhibition_objectmodel3d",
        "exhibition_auditlogentry",
        "exhibition_machineoutput",
        "exhibition_annotation",
    ],
)
def test_other_large_change_lists_show_no_full_count(curator_client: Client, name: str) -> None:
    obj = builders.make_object(title="Vase")
    builders.add_model(obj)
    response = curator_client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].show_full_result_count is False
