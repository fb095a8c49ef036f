"""Curators make reports again from the object and exhibition lists."""

import pytest
from django.test import Client

from reports.models import GeneratedReport, ReportStatus
from tests import builders
from tests.reports.collection import report_collection

pytestmark = pytest.mark.django_db


def _run_action(client: Client, url: str, *pks: int) -> str:
    response = client.post(
        url,
        {"action": "make_reports", "_selected_action": [str(pk) for pk in pks]},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_curator_queues_an_objects_reports_in_every_language(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    collection = report_collection()
    client.force_login(collection.curator)

    with django_capture_on_commit_callbacks() as queued:
        page = _run_action(
            client,
            "/admin/exhibition/collectionobject/",
            collection.painting.pk,
            collection.restricted.pk,
        )

    assert len(queued) == 2
    reports = GeneratedReport.objects.filter(subject_id=collection.painting.pk)
    assert sorted(reports.values_list("language", flat=True)) == ["en", "fr"]
    assert {report.status for report in reports} == {ReportStatus.PENDING}
    assert not GeneratedReport.objects.filter(subject_id=collection.restricted.pk).exists()
    assert "2 reports are being made." in page
    assert "1 is not public and has no report." in page


def test_curator_queues_an_exhibitions_reports(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    curator = builders.make_curator()
    exhibition = builders.make_exhibition(builders.make_object())
    client.force_login(curator)

    with django_capture_on_commit_callbacks() as queued:
        _run_action(client, "/admin/exhibition/exhibition/", exhibition.pk)

    assert len(queued) == 2
    assert GeneratedReport.objects.filter(subject_kind="exhibition").count() == 2


def test_visitors_cannot_run_the_action(client: Client) -> None:
    obj = builders.make_object()
    client.force_login(builders.make_visitor())

    client.post(
        "/admin/exhibition/collectionobject/",
        {"action": "make_reports", "_selected_action": [str(obj.pk)]},
    )

    assert not GeneratedReport.objects.exists()
