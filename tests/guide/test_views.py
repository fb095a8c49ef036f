"""The guide without JavaScript: the panel's plain form, and the page that answers it."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from exhibition.models import CollectionObject, ReviewStatus, Visibility
from guide.answering.records import forget_catalogue
from tests.builders import add_image, add_restoration, make_agent, make_object
from tests.tours.views.collection import small_museum
from tests.tours.views.planning import plan_tour

pytestmark = pytest.mark.django_db

ASK = reverse("guide:ask")


@pytest.fixture(autouse=True)
def _fresh_records() -> None:
    # The guide keeps the records per collection version, and each test's rolled-back
    # database numbers its versions afresh: an earlier test's records must not answer.
    forget_catalogue()


def _hay_wain() -> CollectionObject:
    return make_object(
        slug="the-hay-wain",
        title="The Hay Wain",
        creator=make_agent("John Constable"),
        date_display="1821",
        date_start=1821,
        date_end=1821,
        description="A rural scene on the River Stour, painted in oil on canvas.",
    )


def _ask(client: Client, question: str, **params: str) -> tuple[int, str]:
    response = client.get(ASK, {"q": question, **params})
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.content.decode()


def _answer_part(html: str) -> str:
    """The answer shown on the page: between the question and the form to ask again."""
    return html[html.index('id="answer-heading"') : html.index('class="guide__form"')]


def test_the_object_page_offers_the_guide_as_a_plain_form_with_no_visitor_state() -> None:
    obj = _hay_wain()
    html = Client().get(obj.get_absolute_url()).content.decode()
    panel = html[html.index('id="guide"') :]
    panel = panel[: panel.index("</section>")]
    assert 'aria-labelledby="guide-heading"' in panel and "Ask the guide" in panel
    assert f'method="get" action="{ASK}"' in panel
    assert '<label class="guide__label" for="guide-question">' in panel
    assert 'maxlength="300"' in panel
    assert '<input type="hidden" name="object" value="the-hay-wain">' in panel
    assert 'aria-live="polite"' in panel
    # The page is cached for every visitor: no CSRF token, no conversation.
    assert "csrfmiddlewaretoken" not in html


def test_the_page_answers_with_each_sentence_cited_and_links_to_the_record() -> None:
    obj = _hay_wain()
    status, html = _ask(Client(), "Who painted The Hay Wain?", object=obj.slug)
    assert status == 200
    answer = _answer_part(html)
    assert "Constable" in answer
    # Every sentence carries a numbered marker that links to the object's page …
    markers = re.findall(r'<a class="guide__marker" href="([^"]+)"[^>]*>(\d+)</a>', answer)
    sentences = re.findall(r'<span class="guide__sentence">', answer)
    assert markers and len(markers) == len(sentences)
    assert {href for href, _ in markers} == {"/objects/the-hay-wain/"}
    # … and the sources list names the object and field, with the text cited.
    sources = answer[answer.index('class="guide__sources"') :]
    assert '<a href="/objects/the-hay-wain/">The Hay Wain</a>' in sources
    assert '<blockquote lang="en">' in sources and "Constable" in sources
    # A follow-up is asked about the object under discussion.
    assert '<input type="hidden" name="about" value="the-hay-wain">' in html


def test_a_follow_up_resolves_to_the_object_the_last_answer_was_about() -> None:
    _hay_wain()
    status, html = _ask(Client(), "and when was it made?", about="the-hay-wain")
    assert status == 200
    answer = _answer_part(html)
    assert "1821" in answer
    assert 'href="/objects/the-hay-wain/"' in answer


def test_a_question_the_records_do_not_answer_is_said_plainly_and_cites_nothing() -> None:
    obj = _hay_wain()
    status, html = _ask(Client(), "What is the weather in Paris?", object=obj.slug)
    assert status == 200
    answer = _answer_part(html)
    assert "Not in the records" in answer
    assert "guide__marker" not in answer


def test_a_restricted_object_is_treated_as_absent_and_never_named() -> None:
    make_object(
        slug="secret-hoard",
        title="The Secret Hoard",
        creator=make_agent("Hidden Goldsmith"),
        visibility=Visibility.RESTRICTED,
    )
    client = Client()
    status, html = _ask(client, "Who made this?", object="secret-hoard", about="secret-hoard")
    assert status == 200
    assert "Secret Hoard" not in html and "Hidden Goldsmith" not in html
    assert "secret-hoard" not in html.replace("Who made this?", "")
    # Exactly as if no object had been named.
    _, unnamed = _ask(client, "Who made this?", object="no-such-object")
    assert _answer_part(html) == _answer_part(unnamed)


def test_an_overlong_question_is_refused_in_words() -> None:
    status, html = _ask(Client(), "why " * 80)  # 320 characters
    assert status == 400
    assert "up to 300 characters" in html and "Please shorten it" in html
    assert 'id="answer-heading"' not in html


def test_an_empty_question_asks_for_one() -> None:
    status, html = _ask(Client(), "   ")
    assert status == 400
    assert "Type a question for the guide first." in html


def test_the_page_without_a_question_is_just_the_form() -> None:
    response = Client().get(ASK)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


def test_a_client_asking_too_often_is_told_to_wait_in_words(settings: object) -> None:
    _hay_wain()
    settings.GUIDE_RATE_PER_CLIENT = 2  # type: ignore[attr-defined]
    client = Client()
    assert _ask(client, "Who painted The Hay Wain?")[0] == 200
    assert _ask(client, "When was The Hay Wain painted?")[0] == 200
    response = client.get(ASK, {"q": "Where is The Hay Wain from?"})
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    words = unescape(response.content.decode())
    assert f"You're asking quickly — try again in {seconds} s." in words
    # Another address is not held back by this one.
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.get(ASK, {"q": "Who painted The Hay Wain?"}).status_code == 200


def test_what_a_visitor_types_is_shown_escaped() -> None:
    status, html = _ask(Client(), '<script>alert("x")</script> who made <b>this</b>?')
    assert status == 200
    assert "<script>alert" not in html and "<b>this</b>" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; who made &lt;b&gt;this&lt;/b&gt;?"
    assert escaped in html


def test_the_tour_page_offers_the_guide_among_the_tours_stops() -> None:
    small_museum()
    client = Client()
    tour = plan_tour(client)
    html = client.get(reverse("tours:tour", kwargs={"public_id": tour.public_id})).content.decode()
    panel = html[html.index('id="guide"') :]
    panel = panel[: panel.index("</section>")]
    stops = list(tour.stops.order_by("order").values_list("collection_object__slug", flat=True))
    assert stops
    assert f'data-guide-objects="{" ".join(stops)}"' in panel
    for slug in stops:
        assert f'<input type="hidden" name="objects" value="{slug}">' in panel
    assert '<input type="hidden" name="object" value="' in panel  # the next stop


def test_an_approved_reconstruction_is_shown_labelled_and_a_draft_never(curator: User) -> None:
    damaged = make_object(slug="damaged-icon", title="Damaged Icon")
    approved = add_restoration(add_image(damaged), status=ReviewStatus.APPROVED, reviewer=curator)
    status, html = _ask(Client(), "What did it look like before?", object=damaged.slug)
    assert status == 200
    figure = html[html.index("guide__figure--reconstruction") :]
    figure = figure[: figure.index("</figure>")]
    assert '<p class="ai-label guide__ai-label">AI reconstruction — not the original</p>' in figure
    assert f'src="{approved.result.url}"' in figure
    assert "How this reconstruction was made" in figure
    assert "<dt>Engine version</dt>" in figure and "Status: approved" in figure

    faded = make_object(slug="faded-fresco", title="Faded Fresco")
    draft = add_restoration(add_image(faded))
    status, html = _ask(Client(), "What did it look like before?", object=faded.slug)
    assert status == 200
    assert draft.result.url not in html
    assert "guide__figure--reconstruction" not in html


def test_when_the_guide_fails_the_visitor_is_told_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**kwargs: object) -> None:
        raise RuntimeError("the answerer broke")

    monkeypatch.setattr("guide.views.ask_guide", broken)
    status, html = _ask(Client(), "Who made this?")
    assert status == 503
    assert "The guide cannot answer just now. Please try again in a moment." in html
    assert "the answerer broke" not in html
