"""The curators' admin in French: /admin/ has no /fr/ prefix, so the browser's language
(Accept-Language) chooses it; Vitrine's own admin pages follow, and stay English otherwise."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from descriptions.services import description_draft
from exhibition.models import CollectionObject, ObjectImage
from tests import builders
from tests.guide.recorded_answers import abstention, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


@pytest.fixture
def damaged() -> CollectionObject:
    return builders.make_object(slug="cracked-icon", title="Cracked icon", is_damaged=True)


@pytest.fixture
def image(damaged: CollectionObject) -> ObjectImage:
    return builders.add_image(damaged, width=96, height=64)


def _page(client: Client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return str(response.content.decode())


def _both(client: Client, url: str) -> tuple[str, str]:
    return _page(client, url, "fr"), _page(client, url, "en")


def test_the_admin_index_is_french_for_a_french_browser(curator_client: Client) -> None:
    french, english = _both(curator_client, reverse("admin:index"))

    assert 'lang="fr"' in french
    assert "File de validation : résultats automatiques en attente de décision" in french
    assert "Collection, expositions et validation" in french
    assert "Review queue: machine output awaiting a decision" not in french
    assert "Review queue: machine output awaiting a decision" in english
    assert "Collection, exhibitions and review" in english


def test_the_object_change_form_is_french(curator_client: Client, image: ObjectImage) -> None:
    url = reverse("admin:exhibition_collectionobject_change", args=[image.collection_object.pk])

    french, english = _both(curator_client, url)

    assert "Historique des modifications" in french
    assert "Ouvrir l’outil de restauration pour son image" in french
    assert "cet objet est signalé endommagé" in french
    assert ">Droits<" in french
    assert "History of changes" not in french
    assert "Open the restoration tool for its image" not in french
    assert "History of changes" in english
    assert "Open the restoration tool for its image" in english
    assert "Cracked icon" in french  # record data is never translated


def test_the_restoration_tool_is_french(curator_client: Client, image: ObjectImage) -> None:
    index, _ = _both(curator_client, reverse("admin:exhibition_restoration_tool_index"))
    tool, english = _both(
        curator_client, reverse("admin:exhibition_restoration_tool", args=[image.pk])
    )

    assert "Choisissez une image à restaurer." in index
    assert "1. Masque des dommages proposé" in tool
    assert "3. Lancer un moteur" in tool
    assert 'value="Lancer et enregistrer comme brouillon"' in tool
    assert "Une image de masque téléversée" in tool
    assert "Run and store as a draft" not in tool
    assert "1. Proposed damage mask" in english
    assert 'value="Run and store as a draft"' in english


def test_the_restoration_review_page_is_french(curator_client: Client, image: ObjectImage) -> None:
    restoration = builders.add_restoration(image)
    url = reverse("admin:exhibition_machineoutput_change", args=[restoration.machine_output_id])

    french, english = _both(curator_client, url)

    assert "Décision de validation" in french
    assert ">Approuver</button>" in french
    assert "Carte d’incertitude" in french
    # The viewer's script reads its spoken value from the page, in the page's language.
    assert 'data-reveal-text="{shown} de la vue montre la reconstruction' in french
    assert "Review decision" not in french
    assert "Review decision" in english
    assert 'data-reveal-text="{shown} of the view shows the reconstruction' in english


def test_the_review_queue_is_french(curator_client: Client, image: ObjectImage) -> None:
    builders.add_restoration(image)

    french, english = _both(curator_client, reverse("admin:exhibition_machineoutput_changelist"))

    assert "En attente de validation" in french
    assert "Approuver les résultats sélectionnés" in french
    assert "Approve selected outputs" not in french
    assert "Approve selected outputs" in english


def test_the_description_review_is_french(curator_client: Client, image: ObjectImage) -> None:
    description = description_draft(collection_object=image.collection_object)
    url = reverse("admin:exhibition_machineoutput_change", args=[description.machine_output_id])

    french, english = _both(curator_client, url)

    assert "Chaque phrase et ses sources" in french
    assert "Modifier cette description à côté de l’image" in french
    assert "Each sentence and its sources" not in french
    assert "Each sentence and its sources" in english


def test_the_guide_report_is_french(curator_client: Client, damaged: CollectionObject) -> None:
    record(abstention("Who owned it before 1900?"), about=damaged)

    french, english = _both(curator_client, reverse("admin:guide_guidequestion_report"))

    assert "Ce que les visiteurs demandent et que les notices ne disent pas" in french
    assert "Questions sans réponse" in french
    assert "30 derniers jours" in french
    assert "Who owned it before 1900?" in french  # a visitor's words stay as typed
    assert "Unanswered questions" not in french
    assert "Unanswered questions" in english
    assert "last 30 days" in english


def test_the_sign_in_page_follows_the_browser_but_visitors_pages_keep_their_url(
    client: Client,
) -> None:
    login_url, home_url = reverse("admin:login"), reverse("exhibition:home")

    sign_in = client.get(login_url, HTTP_ACCEPT_LANGUAGE="fr")
    home = client.get(home_url, HTTP_ACCEPT_LANGUAGE="fr")

    assert 'lang="fr"' in sign_in.content.decode()
    assert sign_in["Content-Language"] == "fr"
    assert "Accept-Language" in sign_in["Vary"]
    # An unprefixed visitor's page is English whatever the browser asks (French is /fr/).
    assert '<html lang="en"' in home.content.decode()
