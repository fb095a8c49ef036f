"""/favicon.ico, asked for by every browser (the admin pages link no icon), is not a 404."""

from django.templatetags.static import static
from django.test import Client


def test_favicon_ico_points_permanently_at_the_sites_icon(client: Client) -> None:
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == static("img/favicon.svg")


def test_favicon_ico_takes_no_posts(client: Client) -> None:
    assert client.post("/favicon.ico").status_code == 405
