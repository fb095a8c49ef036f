"""The object page's "I like this" and "Add to my tour", with and without JavaScript.

The object page is cached for every anonymous visitor, so the panel must be the same HTML for
all of them; a visitor's state comes from /tours/state/ and their own small pages.
"""

import re
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from tests import builders
from tours.models import Interaction, VisitorProfile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache(settings: object) -> None:
    settings.VITRINE_PAGE_CACHE = True  # type: ignore[attr-defined]


def _panel(html: str) -> str:
    match = re.search(
        r'<section class="object__visit".*?</section>\s*<script[^>]*></script>', html, re.S
    )
    assert match, "the panel is on the page"
    return match.group(0)


def _like(client: Client, slug: str, kind: str = "like", **data: str) -> object:
    page = client.get(f"/tours/objects/{slug}/like/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    return client.post(
        f"/tours/objects/{slug}/like/", {"csrfmiddlewaretoken": token, "kind": kind, **data}
    )


def test_the_object_page_offers_both_buttons_that_work_without_javascript(client: Client) -> None:
    obj = builders.make_object(title="The Hay Wain")
    panel = _panel(client.get(obj.get_absolute_url()).content.decode())
    assert f'<form method="get" action="/tours/objects/{obj.slug}/like/">' in panel
    assert f'<form method="get" action="/tours/objects/{obj.slug}/add-to-tour/">' in panel
    assert ">I like this</button>" in panel and ">Add to my tour</button>" in panel
    assert f'data-object-slug="{obj.slug}"' in panel and "data-object-view" in panel
    assert "no account, no IP address" in panel


def test_the_panel_is_the_same_for_every_visitor_and_holds_no_token_nor_inline_code(
    settings: object,
) -> None:
    settings.VITRINE_PAGE_CACHE = False  # type: ignore[attr-defined]  # render it afresh each time
    obj = builders.make_object()
    fan = Client(enforce_csrf_checks=True)
    _like(fan, obj.slug)
    assert Interaction.objects.filter(kind="like").count() == 1
    stranger_first = Client().get(obj.get_absolute_url()).content.decode()
    fan_page = fan.get(obj.get_absolute_url()).content.decode()
    assert _panel(stranger_first) == _panel(fan_page)
    panel = _panel(fan_page)
    assert "csrfmiddlewaretoken" not in panel and "aria-pressed" not in panel
    assert "style=" not in panel
    # Scripts come from files; the only inline script is data (the buttons' words).
    assert all(
        'src="' in tag or 'type="application/json"' in tag
        for tag in re.findall(r"<script[^>]*>", panel)
    )


def test_without_javascript_a_like_is_confirmed_recorded_and_the_visitor_sent_back() -> None:
    obj = builders.make_object(title="The Hay Wain")
    client = Client(enforce_csrf_checks=True)
    ask = client.get(f"/tours/objects/{obj.slug}/like/").content.decode()
    assert "Yes, I like this" in ask and "The Hay Wain" in ask
    response = _like(client, obj.slug)
    assert response.status_code == 303
    assert response["Location"] == obj.get_absolute_url()
    again = client.get(f"/tours/objects/{obj.slug}/like/").content.decode()
    assert "You like this object." in again and "Take back my like" in again
    _like(client, obj.slug, kind="unlike")
    assert "Yes, I like this" in client.get(f"/tours/objects/{obj.slug}/like/").content.decode()
    profile = VisitorProfile.objects.get()
    assert list(profile.interactions.values_list("kind", "source")) == [
        ("like", "object_page"),
        ("unlike", "object_page"),
    ]


def test_without_javascript_an_object_is_added_to_the_tour_once() -> None:
    obj = builders.make_object()
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/tours/objects/{obj.slug}/add-to-tour/").content.decode()
    assert "Add it to my tour" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        f"/tours/objects/{obj.slug}/add-to-tour/", {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 303
    after = client.get(f"/tours/objects/{obj.slug}/add-to-tour/").content.decode()
    assert "already on your list" in after and "Add it to my tour" not in after
    assert Interaction.objects.get().kind == "add_to_tour"


def test_the_form_without_its_token_is_refused() -> None:
    obj = builders.make_object()
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/tours/objects/{obj.slug}/like/", {"kind": "like"})
    assert response.status_code == 403
    assert not Interaction.objects.exists()


def test_going_back_stays_on_this_site(client: Client) -> None:
    obj = builders.make_object()
    to_search = client.post(
        f"/tours/objects/{obj.slug}/like/", {"kind": "like", "next": "/search/?q=hay"}
    )
    assert to_search["Location"] == "/search/?q=hay"
    elsewhere = client.post(
        f"/tours/objects/{obj.slug}/like/", {"kind": "unlike", "next": "https://evil.example/"}
    )
    assert elsewhere["Location"] == obj.get_absolute_url()


@pytest.mark.parametrize("visibility", ["restricted", "draft"])
def test_hidden_objects_have_no_buttons_and_cannot_be_liked(
    client: Client, visibility: str
) -> None:
    obj = builders.make_object(visibility=visibility)
    assert client.get(f"/tours/objects/{obj.slug}/like/").status_code == 404
    assert client.post(f"/tours/objects/{obj.slug}/like/", {"kind": "like"}).status_code == 404
    assert client.post(f"/tours/objects/{obj.slug}/add-to-tour/").status_code == 404
    assert not Interaction.objects.exists()


def test_an_unknown_choice_is_a_clear_400(client: Client) -> None:
    obj = builders.make_object()
    response = client.post(f"/tours/objects/{obj.slug}/like/", {"kind": "adore"})
    assert response.status_code == 400
    assert b"Choose 'like' or 'unlike'." in response.content


def test_the_state_says_what_this_visitor_likes_and_gives_a_token() -> None:
    liked, other = builders.make_object(), builders.make_object()
    client = Client(enforce_csrf_checks=True)
    _like(client, liked.slug)
    response = client.get("/tours/state/", {"object": [liked.slug, other.slug, "no-such"]})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    state = response.json()
    assert state["liked"] == [liked.slug] and state["added_to_tour"] == []
    assert state["csrf_token"]


def test_asking_for_state_starts_no_session_for_a_new_visitor(client: Client) -> None:
    obj = builders.make_object()
    response = client.get("/tours/state/", {"object": obj.slug})
    assert response.json()["liked"] == []
    assert "sessionid" not in response.cookies
    assert not VisitorProfile.objects.exists()


def test_the_state_of_too_many_objects_is_a_clear_400(client: Client) -> None:
    response = client.get("/tours/state/", {"object": [f"o-{n}" for n in range(101)]})
    assert response.status_code == 400
    assert "0 to 100 objects" in response.json()["detail"]
    long = client.get("/tours/state/", {"object": "x" * 201})
    assert long.status_code == 400


def test_search_results_carry_neutral_marks_for_the_buttons() -> None:
    obj = builders.make_object(title="Ships in a storm")
    explanation = SimpleNamespace(sentences=["Matches your words"], channels={}, concepts=[])
    html = render_to_string(
        "search/results.html",
        {
            "results": SimpleNamespace(
                match="words", total=1, query="ships", page=1, notice="", suggestions={}
            ),
            "hits": [SimpleNamespace(collection_object=obj, explanation=explanation)],
            "pages": {"start": 1, "count": 1},
        },
        request=RequestFactory().get("/search/"),
    )
    assert 'data-interaction-source="search"' in html
    assert f'data-object-slug="{obj.slug}" data-object-title="Ships in a storm"' in html
    assert "data-object-actions" in html
    assert "tours" not in html  # search knows nothing of tours: the script adds the buttons


def test_the_search_page_loads_the_interactions_script(client: Client) -> None:
    assert b"js/interactions.js" in client.get("/search/").content
