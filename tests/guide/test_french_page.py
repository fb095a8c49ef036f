"""The guide's page and panel in French: its own words translated, its answers marked English."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from exhibition.models import CollectionObject, ReviewStatus
from guide.answering.records import forget_catalogue
from tests.builders import add_image, add_restoration, make_agent, make_object

pytestmark = pytest.mark.django_db

NOTICE = "Pour le moment, le guide ne comprend les questions et ne répond qu’en anglais."


@pytest.fixture(autouse=True)
def _fresh_records() -> None:
    # The guide keeps its records per collection version; each test's database starts afresh.
    forget_catalogue()


def _hay_wain() -> CollectionObject:
    return make_object(
        slug="the-hay-wain",
        title="The Hay Wain",
        creator=make_agent("John Constable"),
        description="A rural scene on the River Stour, painted in oil on canvas.",
    )


def _get(path: str, **params: str) -> tuple[int, str]:
    response = Client().get(path, params)
    return response.status_code, response.content.decode()


def _panel(html: str) -> str:
    panel = html[html.index('id="guide"') :]
    return panel[: panel.index("</section>")]


def _panel_strings(panel: str) -> dict[str, str]:
    found = re.search(r'<script type="application/json">(.*?)</script>', panel, re.S)
    assert found, "the panel carries the scripts' words"
    strings: dict[str, str] = json.loads(found.group(1))
    return strings


def test_the_french_ask_page_says_the_guide_answers_in_english() -> None:
    status, html = _get("/fr/guide/ask/")
    assert status == 200
    assert "<h1>Interroger le guide</h1>" in html
    assert NOTICE in html
    assert "Votre question" in html and ">Demander</button>" in html
    assert "Ask the guide" not in html and "Your question" not in html


def test_a_french_answer_is_marked_english_around_french_words() -> None:
    obj = _hay_wain()
    status, html = _get("/fr/guide/ask/", q="Who painted The Hay Wain?", object=obj.slug)
    assert status == 200
    answer = html[html.index('id="answer-heading"') : html.index('class="guide__form"')]
    assert '<p class="guide__text" lang="en">' in answer and "Constable" in answer
    assert '<blockquote lang="en">' in answer
    assert ">Sources</h3>" in answer and "<summary>Texte cité</summary>" in answer
    assert 'aria-label="source 1 : The Hay Wain' in answer
    # Links in the answer stay in French.
    assert 'href="/fr/objects/the-hay-wain/"' in answer
    assert "Poser une autre question" in html and "Retour à l’objet" in html
    assert "You asked" not in html and "Cited text" not in html


def test_the_french_page_refuses_in_french() -> None:
    status, html = _get("/fr/guide/ask/", q="")
    assert status == 400
    assert "Saisissez d’abord une question pour le guide." in html

    status, html = _get("/fr/guide/ask/", q="x" * 2000)
    assert status == 400
    assert "Veuillez la raccourcir." in html and "Please shorten it" not in html


def test_a_reconstruction_is_labelled_in_french(curator: User) -> None:
    damaged = make_object(slug="damaged-icon", title="Damaged Icon")
    add_restoration(add_image(damaged), status=ReviewStatus.APPROVED, reviewer=curator)
    status, html = _get("/fr/guide/ask/", q="What did it look like before?", object=damaged.slug)
    assert status == 200
    figure = html[html.index("guide__figure--reconstruction") :]
    figure = figure[: figure.index("</figure>")]
    assert "Reconstruction par IA — pas l’original" in figure
    assert "Vérifiée et approuvée par l’équipe de conservation." in figure
    assert ">AI reconstruction — not the original</p>" not in figure
    # The picture's description is the guide's, in English, and says so.
    assert re.search(r'<img [^>]*alt="AI reconstruction[^"]*" lang="en"', figure)


def test_the_french_panel_speaks_french_and_gives_its_script_french_words() -> None:
    obj = _hay_wain()
    status, html = _get(f"/fr/objects/{obj.slug}/")
    assert status == 200
    panel = _panel(html)
    assert ">Interroger le guide</h2>" in panel
    assert NOTICE in panel and 'aria-describedby="guide-examples guide-language"' in panel
    assert 'aria-label="Conversation avec le guide"' in panel
    assert 'action="/fr/guide/ask/"' in panel
    # The examples stay English, as the guide understands English questions only.
    assert '<span lang="en">“Who made this?”' in panel
    strings = _panel_strings(panel)
    assert strings["connecting"] == "Connexion au guide…"
    assert strings["lost_other"].endswith("Reconnexion dans {seconds} secondes…")
    assert strings["reconstruction"] == "Reconstruction par IA — pas l’original"
    assert strings["object_url"] == "/fr/objects/__slug__/"


def test_the_english_panel_and_page_are_unchanged() -> None:
    obj = _hay_wain()
    _, html = _get(obj.get_absolute_url())
    panel = _panel(html)
    assert ">Ask the guide</h2>" in panel and "guide__language" not in panel
    assert 'aria-describedby="guide-examples"' in panel
    strings = _panel_strings(panel)
    assert strings["connecting"] == "Connecting to the guide…"
    assert strings["object_url"] == "/objects/__slug__/"

    status, html = _get("/guide/ask/")
    assert status == 200
    assert "<h1>Ask the guide</h1>" in html and "guide__language" not in html
    assert "Interroger" not in html
