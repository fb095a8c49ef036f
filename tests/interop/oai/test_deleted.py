"""An object that was public and is no longer is a deleted record: its header, never its
data. Known from the audit log that every curator's write goes through."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from exhibition.models import Visibility
from tests.builders import make_exhibition, make_object
from tests.interop.oai.harvest import error_code, oai, set_visibility
from tests.interop.oai.oai_schema import OAI

pytestmark = pytest.mark.django_db


def _headers(client: Client, **arguments: str) -> dict[str, str | None]:
    root = oai(client, verb="ListRecords", metadataPrefix="oai_dc", **arguments)
    return {
        r.findtext(f"{OAI}header/{OAI}identifier") or "": r.find(f"{OAI}header").get("status")  # type: ignore[union-attr]
        for r in root.iter(f"{OAI}record")
    }


@pytest.mark.parametrize("visibility", [Visibility.RESTRICTED, Visibility.DRAFT])
def test_an_object_withdrawn_from_view_is_reported_deleted_without_its_data(
    client: Client, curator: User, visibility: str
) -> None:
    obj = make_object(slug="ancestor-portrait", title="Portrait of an ancestor")
    make_object(slug="still-public")
    set_visibility(obj, visibility, curator=curator)

    root = oai(
        client,
        verb="GetRecord",
        metadataPrefix="oai_dc",
        identifier="oai:testserver:ancestor-portrait",
    )

    header = root.find(f".//{OAI}header")
    assert header is not None and header.get("status") == "deleted"
    assert root.find(f".//{OAI}metadata") is None
    assert (
        b"Portrait of an ancestor"
        not in client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc").content
    )
    assert _headers(client) == {
        "oai:testserver:ancestor-portrait": "deleted",
        "oai:testserver:still-public": None,
    }


def test_a_deletion_in_the_admin_is_reported_deleted(client: Client, curator: User) -> None:
    obj = make_object(slug="lost-vase", object_type="vessel")
    client.force_login(curator)
    response = client.post(f"/admin/exhibition/collectionobject/{obj.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    client.logout()

    assert _headers(client) == {"oai:testserver:lost-vase": "deleted"}
    assert _headers(client, set="type:vessel") == {"oai:testserver:lost-vase": "deleted"}


def test_a_deleted_record_is_dated_by_its_withdrawal(client: Client, curator: User) -> None:
    obj = make_object(slug="withdrawn")
    harvested_at = oai(client, verb="Identify").findtext(f"{OAI}responseDate") or ""
    set_visibility(obj, Visibility.RESTRICTED, curator=curator)

    # An incremental harvest from the last one's time learns of the withdrawal.
    assert _headers(client, **{"from": harvested_at}) == {"oai:testserver:withdrawn": "deleted"}


def test_a_deleted_record_stays_in_the_sets_it_was_harvested_from(
    client: Client, curator: User
) -> None:
    obj = make_object(slug="loaned-back")
    make_exhibition(obj, slug="on-loan")
    set_visibility(obj, Visibility.DRAFT, curator=curator)

    assert _headers(client, set="exhibition:on-loan") == {"oai:testserver:loaned-back": "deleted"}


def test_an_object_made_public_again_is_an_ordinary_record(client: Client, curator: User) -> None:
    obj = make_object(slug="back-on-view")
    set_visibility(obj, Visibility.RESTRICTED, curator=curator)
    set_visibility(obj, Visibility.PUBLIC, curator=curator)

    assert _headers(client) == {"oai:testserver:back-on-view": None}


def test_an_object_never_public_leaves_no_trace(client: Client, curator: User) -> None:
    obj = make_object(slug="draft-only", visibility=Visibility.DRAFT)
    set_visibility(obj, Visibility.RESTRICTED, curator=curator)

    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")

    assert error_code(root) == "noRecordsMatch"
