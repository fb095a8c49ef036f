"""The /search/ page: a plain form without JavaScript, clear errors, the photo button."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

pytestmark = pytest.mark.django_db


def test_search_page_has_a_form_that_works_without_javascript(client: Client) -> None:
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html
    assert 'method="get"' in html
    assert 'name="q"' in html
    assert 'role="status"' in html  # results are announced to screen readers


def test_photo_button_opens_the_camera_on_a_kiosk(client: Client) -> None:
    html = client.get("/search/").content.decode()
    assert 'type="file"' in html
    assert 'accept="image/*"' in html
    assert 'capture="environment"' in html
    assert "never stored" in html


def test_search_is_in_the_main_navigation(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'href="/search/"' in html


def test_overlong_query_shows_a_message_not_an_error_page(client: Client) -> None:
    response = client.get("/search/", {"q": "x" * 501})
    assert response.status_code == 400
    assert "500 characters" in response.content.decode()


def test_bad_filter_is_a_400_with_the_reason(client: Client) -> None:
    response = client.get("/search/", {"q": "ship", "date_from": "yesterday"})
    assert response.status_code == 400
    assert "date_from" in response.content.decode()


def test_results_fragment_is_just_the_results(client: Client) -> None:
    response = client.get("/search/", {"q": "", "fragment": "1"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_photo_that_is_not_an_image_is_refused_with_a_message(client: Client) -> None:
    upload = SimpleUploadedFile("cat.jpg", b"GIF89a not really")
    response = client.post("/search/photo/", {"image": upload})
    assert response.status_code == 415
    assert "JPEG, PNG or WebP" in response.content.decode()


def test_results_show_why_and_a_notice_when_the_index_is_missing(client: Client) -> None:
    from search.keyword import rebuild_keyword_index
    from tests.builders import make_agent, make_object

    make_object(title="Lighthouse at dusk", creator=make_agent("Winslow Homer"))
    make_object(title="A quiet harbour")
    rebuild_keyword_index()
    response = client.get("/search/", {"q": "lighthouse"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lighthouse at dusk" in html
    assert "A quiet harbour" not in html
    assert "Why this result" in html
    assert "Matches ‘Lighthouse’ in the title" in html
    assert "Winslow Homer" in html
    assert "keyword results only" in html
    assert 'data-announce="1 result for “lighthouse”"' in html


def test_culture_filter_offers_groups_not_every_recorded_detail(client: Client) -> None:
    from tests import builders

    builders.make_object(culture="Dutch Republic (Delft)")
    builders.make_object(culture="Dutch Republic (Amsterdam)")
    builders.make_object(culture="Dutch Republic")
    html = client.get("/search/").content.decode()
    assert 'value="Dutch Republic"' in html
    assert "(Delft)" not in html and "(Amsterdam)" not in html
