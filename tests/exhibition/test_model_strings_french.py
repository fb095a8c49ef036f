"""The collection's model names, choices, help texts and review errors in French: the
admin (no /fr/ prefix) follows the browser's Accept-Language, and stays English otherwise."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import translation

from exhibition.models import CollectionObject, ObjectImage, ReviewStatus
from exhibition.services.review import (
    ReviewError,
    ReviewPermissionDenied,
    machine_output_approve,
    machine_output_reject,
)
from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


@pytest.fixture
def image() -> ObjectImage:
    obj = builders.make_object(slug="cracked-icon", title="Cracked icon", is_damaged=True)
    return builders.add_image(obj, width=96, height=64)


def _page(client: Client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_admin_index_names_the_models_in_french(curator_client: Client) -> None:
    french = _page(curator_client, reverse("admin:index"), "fr")
    english = _page(curator_client, reverse("admin:index"), "en")

    for name in ("Objets de la collection", "Personnes et organisations", "Lieux", "Mots-clés"):
        assert name in french
    assert "Journal des modifications" in french and "Résultats automatiques" in french
    assert "Collection objects" not in french and "Audit log" not in french
    assert "Collection objects" in english and "Audit log" in english
    assert "Objets de la collection" not in english


def test_the_object_form_gives_its_help_and_choices_in_french(
    curator_client: Client, image: ObjectImage
) -> None:
    url = reverse("admin:exhibition_collectionobject_change", args=[image.collection_object.pk])

    french = _page(curator_client, url, "fr")
    english = _page(curator_client, url, "en")

    assert "Présente des dommages réels : à proposer pour une restauration virtuelle." in french
    assert "Restreint (sous le contrôle de la communauté)" in french
    assert "Shows real damage" not in french and "community-controlled" not in french
    assert "Shows real damage; a candidate for virtual restoration." in english
    assert "Restricted (community-controlled)" in english


def test_the_review_queue_filters_in_french(curator_client: Client, image: ObjectImage) -> None:
    builders.add_restoration(image)
    url = reverse("admin:exhibition_machineoutput_changelist")

    french = _page(curator_client, url, "fr")
    english = _page(curator_client, url, "en")

    assert "Restauration virtuelle" in french and "Mot-clé suggéré" in french
    assert "Suggested tag" not in french
    assert "Suggested tag" in english and "Mot-clé suggéré" not in english


def test_review_errors_are_worded_in_the_curators_language(
    curator: User, visitor: User, image: ObjectImage
) -> None:
    output = builders.add_restoration(image).machine_output

    with translation.override("fr"):
        with pytest.raises(ReviewError, match="Une note indiquant le motif est obligatoire"):
            machine_output_reject(output=output, reviewer=curator, note=" ")
        with pytest.raises(ReviewPermissionDenied, match="Seuls les membres de l’équipe"):
            machine_output_approve(output=output, reviewer=visitor)
        machine_output_approve(output=output, reviewer=curator)
        with pytest.raises(ReviewError, match=r"^Ce résultat est déjà approuvé\.$"):
            machine_output_approve(output=output, reviewer=curator)

    assert output.status == ReviewStatus.APPROVED
    with pytest.raises(ReviewError, match=r"^This output is already approved\.$"):
        machine_output_approve(output=output, reviewer=curator)


def test_a_declined_decision_is_explained_in_french_in_the_admin(
    curator_client: Client, image: ObjectImage
) -> None:
    output = builders.add_restoration(image).machine_output
    output.error = "The engine ran out of memory."
    output.save()
    url = reverse("admin:exhibition_machineoutput_changelist")

    response = curator_client.post(
        url,
        {"action": "approve_selected", "_selected_action": [output.pk]},
        HTTP_ACCEPT_LANGUAGE="fr",
        follow=True,
    )

    assert "Un résultat dont l’exécution a échoué ne peut pas être approuvé." in (
        response.content.decode()
    )
    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT


def test_model_names_follow_the_active_language() -> None:
    with translation.override("fr"):
        assert str(CollectionObject._meta.verbose_name_plural) == "objets de la collection"
    assert str(CollectionObject._meta.verbose_name_plural) == "collection objects"
