"""Whole-page caching for visitors: fast repeat visits, never a stale hidden record."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from exhibition.models import ReviewStatus, Visibility
from exhibition.page_cache import collection_version
from exhibition.services.review import machine_output_approve
from tests import builders

pytestmark = pytest.mark.django_db(transaction=True)

AssertQueries = Callable[..., Any]


def test_a_repeat_visit_is_served_without_touching_the_database(
    client: Client, django_assert_num_queries: AssertQueries, steady_version: None
) -> None:
    obj = builders.make_object(title="The Hay Wain")
    first = client.get(obj.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(obj.get_absolute_url())
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_record_made_restricted_disappears_from_the_next_response(client: Client) -> None:
    obj = builders.make_object(title="Ancestor portrait")
    assert client.get(obj.get_absolute_url()).status_code == 200
    assert b"Ancestor portrait" in client.get("/objects/").content

    obj.visibility = Visibility.RESTRICTED
    obj.save()

    assert client.get(obj.get_absolute_url()).status_code == 404
    assert b"Ancestor portrait" not in client.get("/objects/").content


def test_an_approved_restoration_appears_at_once(client: Client, curator: Any) -> None:
    image = builders.add_image(builders.make_object(title="Fresco"))
    restoration = builders.add_restoration(image)
    page = image.collection_object.get_absolute_url()
    assert b"restoration-compare" not in client.get(page).content

    machine_output_approve(output=restoration.machine_output, reviewer=curator)

    assert restoration.machine_output.status == ReviewStatus.APPROVED
    assert b"restoration-compare" in client.get(page).content


def test_tiles_becoming_ready_move_the_collection_version_on() -> None:
    from exhibition.iiif.tiles import image_generate_tiles

    image = builders.add_image(builders.make_object(), width=700, height=500)
    before = collection_version()
    image_generate_tiles(image=image)
    assert collection_version() != before


def test_signed_in_curators_always_get_a_fresh_page(client: Client, curator: Any) -> None:
    obj = builders.make_object(title="Before")
    client.get(obj.get_absolute_url())
    # A write that bypasses signals would leave visitors' cache stale, not a curator's view.
    type(obj).objects.filter(pk=obj.pk).update(title="After")
    client.force_login(curator)
    assert b"After" in client.get(obj.get_absolute_url()).content


def test_a_change_made_by_another_process_shows_once_the_version_is_reread(
    client: Client,
) -> None:
    from django.core.cache import cache
    from django.db.models import F

    from exhibition.models import CollectionObject, CollectionVersion
    from exhibition.page_cache import VERSION_KEY

    obj = builders.make_object(title="Before")
    assert b"Before" in client.get(obj.get_absolute_url()).content
    # Another process (an import run from the shell) edits and moves the stored version
    # on; this process only learns of it when its short-lived copy of the version expires.
    CollectionObject.objects.filter(pk=obj.pk).update(title="After")
    CollectionVersion.objects.update(version=F("version") + 1)
    cache.delete(VERSION_KEY)  # what VERSION_SECONDS of waiting does
    assert b"After" in client.get(obj.get_absolute_url()).content


def test_a_page_asked_for_under_another_host_name_is_not_served_to_this_one(
    client: Client,
) -> None:
    obj = builders.make_object(title="The Hay Wain")
    builders.add_image(obj)
    poisoned = client.get(obj.get_absolute_url(), HTTP_HOST="testserver")
    assert b"http://testserver/" in poisoned.content
    honest = client.get(obj.get_absolute_url(), HTTP_HOST="localhost")
    assert honest.status_code == 200
    assert b"http://testserver/" not in honest.content
    assert b"http://localhost/" in honest.content
    # And each host keeps its own cached copy.
    assert client.get(obj.get_absolute_url(), HTTP_HOST="localhost").content == honest.content


def test_a_host_name_not_allowed_is_refused_before_the_cache(client: Client) -> None:
    obj = builders.make_object()
    assert client.get(obj.get_absolute_url(), HTTP_HOST="evil.example").status_code == 400
