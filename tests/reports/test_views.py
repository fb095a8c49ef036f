"""The report addresses: 404 for what the site hides, 202 while preparing, then the file."""

import pytest
from django.test import Client

from exhibition.models import Visibility
from reports.models import GeneratedReport, ReportStatus
from tests import builders
from tests.reports.collection import RESTRICTED_TITLE, report_collection
from tests.reports.reading import read_pdf

pytestmark = pytest.mark.django_db
OBJECT_URL = "/objects/harbour-at-dusk/report.pdf"


def test_restricted_and_draft_subjects_are_not_found(client: Client) -> None:
    collection = report_collection()
    draft = builders.make_object(slug="a-draft", visibility=Visibility.DRAFT)
    hidden = builders.make_exhibition(collection.painting, visibility=Visibility.DRAFT)

    for url in (
        f"/objects/{collection.restricted.slug}/report.pdf",
        f"/objects/{draft.slug}/report.pdf",
        f"/exhibitions/{hidden.slug}/report.pdf",
        f"/fr/objects/{collection.restricted.slug}/report.pdf",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert RESTRICTED_TITLE not in response.content.decode()
    assert not GeneratedReport.objects.exists()


def test_report_is_prepared_then_served_as_an_attachment(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    report_collection()

    with django_capture_on_commit_callbacks(execute=True) as queued:
        waiting = client.get(OBJECT_URL)
    # Asked again before it is made: still waiting, and nothing more is queued.
    assert len(queued) == 1

    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "3"
    assert "being prepared" in waiting.content.decode()
    assert waiting["X-Robots-Tag"] == "noindex"
    ready = client.get(OBJECT_URL)
    assert ready.status_code == 200
    assert ready["Content-Type"] == "application/pdf"
    assert ready["Content-Disposition"] == 'attachment; filename="harbour-at-dusk-report-en.pdf"'
    facts = read_pdf(b"".join(ready.streaming_content))
    assert facts.language == "en" and "Harbour at Dusk" in facts.text
    # Served again from the stored file: nothing is made again.
    with django_capture_on_commit_callbacks() as again:
        assert client.get(OBJECT_URL).status_code == 200
    assert again == []


def test_waiting_twice_queues_the_report_once(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    report_collection()

    with django_capture_on_commit_callbacks() as queued:
        first = client.get(OBJECT_URL)
        second = client.get(OBJECT_URL)

    assert (first.status_code, second.status_code) == (202, 202)
    assert len(queued) == 1
    assert GeneratedReport.objects.get().status == ReportStatus.PENDING


def test_a_changed_record_gets_a_new_report(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    collection = report_collection()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(OBJECT_URL)
    first = GeneratedReport.objects.get()
    assert first.status == ReportStatus.READY

    collection.painting.title = "Harbour at Dawn"
    collection.painting.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(OBJECT_URL).status_code == 202

    current = GeneratedReport.objects.get()  # the older version and its file are gone
    assert current.version_key != first.version_key
    ready = client.get(OBJECT_URL)
    assert "Harbour at Dawn" in read_pdf(b"".join(ready.streaming_content)).text


def test_french_address_gives_the_french_report(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    report_collection()

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/fr" + OBJECT_URL)
    response = client.get("/fr" + OBJECT_URL)

    assert response["Content-Disposition"].endswith('harbour-at-dusk-report-fr.pdf"')
    assert read_pdf(b"".join(response.streaming_content)).language == "fr"


def test_the_waiting_page_says_an_untranslated_title_is_in_its_own_language(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    report_collection()

    with django_capture_on_commit_callbacks():  # queued, not made: the page waits
        french = client.get("/fr" + OBJECT_URL)
        english = client.get(OBJECT_URL)

    assert french.status_code == english.status_code == 202
    # No French title: a French voice must read the English one as English.
    assert '<span lang="en">Harbour at Dusk</span>' in french.content.decode()
    assert '<span lang="en">Harbour at Dusk</span>' in english.content.decode()


def test_one_client_may_have_only_so_many_reports_made(
    client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.REPORTS_RATE = "1/hour"
    collection = report_collection()
    other = builders.make_object(slug="another-object")
    exhibition = builders.make_exhibition(collection.painting)

    with django_capture_on_commit_callbacks() as queued:
        assert client.get(OBJECT_URL).status_code == 202
        refused = client.get(f"/objects/{other.slug}/report.pdf")
        also_refused = client.get(f"/exhibitions/{exhibition.slug}/report.pdf")

    assert refused.status_code == 429
    assert also_refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert len(queued) == 1


def test_the_site_queues_only_so_many_reports_at_once(
    client: Client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.REPORTS_MAX_QUEUED = 1
    report_collection()
    other = builders.make_object(slug="another-object")

    with django_capture_on_commit_callbacks() as queued:
        assert client.get(OBJECT_URL).status_code == 202
        busy = client.get(f"/objects/{other.slug}/report.pdf", REMOTE_ADDR="203.0.113.9")

    assert busy.status_code == 503
    assert busy["Retry-After"] == "60"
    assert len(queued) == 1


def test_pages_link_to_their_reports(client: Client) -> None:
    collection = report_collection()
    exhibition = builders.make_exhibition(collection.painting)

    object_page = client.get("/objects/harbour-at-dusk/").content.decode()
    exhibition_page = client.get(f"/exhibitions/{exhibition.slug}/").content.decode()

    assert f'href="{OBJECT_URL}"' in object_page
    assert f'href="/exhibitions/{exhibition.slug}/report.pdf"' in exhibition_page
    french = client.get("/fr/objects/harbour-at-dusk/").content.decode()
    assert f'href="/fr{OBJECT_URL}"' in french
