"""The object document says what the record says, and only what is public."""

from typing import Any

import pytest
from django.test import Client

from exhibition.models import Visibility
from exhibition.restoration_display import AI_LABEL
from tests.interop.linked_art.collection import GENERATED_TEXT, Collection
from tests.interop.linked_art.conftest import HOST, LINKED_ART

pytestmark = pytest.mark.django_db
BASE = f"http://{HOST}"


def get_doc(client: Client, path: str) -> dict[str, Any]:
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, response.content
    return response.json()


def classes(node: dict[str, Any]) -> set[str]:
    return {term["id"] for term in node.get("classified_as", [])}


def statements(doc: dict[str, Any], aat_id: str) -> list[str]:
    wanted = f"http://vocab.getty.edu/aat/{aat_id}"
    return [s["content"] for s in doc.get("referred_to_by", []) if wanted in classes(s)]


def test_record_fields_become_names_identifiers_and_statements(
    client: Client, collection: Collection
) -> None:
    doc = get_doc(client, "/linked-art/object/harbour-at-dusk")
    assert doc["id"] == f"{BASE}/linked-art/object/harbour-at-dusk"
    assert doc["@context"] == "https://linked.art/ns/v1/linked-art.json"
    names = {(n["type"], n["content"]) for n in doc["identified_by"]}
    assert names == {("Name", "Harbour at Dusk"), ("Identifier", "VT.1850.1")}
    assert [c["id"] for c in doc["classified_as"]] == ["http://vocab.getty.edu/aat/300033618"]
    assert statements(doc, "300435430") == ["60 × 80 cm"]
    assert statements(doc, "300435429") == ["oil on canvas"]
    assert statements(doc, "300026687") == ["CC BY 4.0 · Gift of the Vos family"]
    rights = [
        s for s in doc["referred_to_by"] if "http://vocab.getty.edu/aat/300435434" in classes(s)
    ]
    assert "https://creativecommons.org/licenses/by/4.0/" in classes(rights[0])
    assert {m["_label"] for m in doc["made_of"]} == {"Oil Paint", "Canvas"}


def test_production_has_dates_place_and_makers(client: Client, collection: Collection) -> None:
    made = get_doc(client, "/linked-art/object/harbour-at-dusk")["produced_by"]
    span = made["timespan"]
    assert span["begin_of_the_begin"] == "1848-01-01T00:00:00Z"
    assert span["end_of_the_end"] == "1852-12-31T23:59:59Z"
    assert span["identified_by"][0]["content"] == "c. 1850"
    assert made["took_place_at"] == [
        {"id": f"{BASE}/linked-art/place/harbour", "type": "Place", "_label": "Harbour Town"}
    ]
    plain, workshop = made["part"]
    assert plain["carried_out_by"][0]["id"] == f"{BASE}/linked-art/person/anna-vos"
    # "workshop of" is not a claim that Jan Mol made it.
    assert "carried_out_by" not in workshop
    assert workshop["influenced_by"][0]["id"] == f"{BASE}/linked-art/person/jan-mol"
    assert workshop["referred_to_by"][0]["content"] == "workshop of Jan Mol (creator)"


def test_bce_dates_are_negative_years(client: Client, collection: Collection) -> None:
    span = get_doc(client, "/linked-art/object/ancient-coin")["produced_by"]["timespan"]
    assert span["begin_of_the_begin"] == "-0450-01-01T00:00:00Z"
    assert span["end_of_the_end"] == "-0440-12-31T23:59:59Z"


def test_attributed_to_is_an_uncertain_attribution(client: Client, collection: Collection) -> None:
    doc = get_doc(client, "/linked-art/object/bust")
    assert "part" not in doc["produced_by"]
    (attribution,) = doc["attributed_by"]
    assert classes(attribution) == {"http://vocab.getty.edu/aat/300435722"}
    assert attribution["assigned_property"] == "produced_by"
    maker = attribution["assigned"][0]["carried_out_by"][0]
    assert maker["id"] == f"{BASE}/linked-art/person/anna-vos"
    assert attribution["_label"] == "attributed to Anna Vos (creator)"


def test_unmapped_type_is_a_local_term_that_resolves(
    client: Client, collection: Collection
) -> None:
    (term,) = get_doc(client, "/linked-art/object/ten-guilders")["classified_as"]
    assert term["_label"] == "banknote"
    assert term["id"] == f"{BASE}/linked-art/concept/object-type-banknote"
    concept = get_doc(client, "/linked-art/concept/object-type-banknote")
    assert concept["type"] == "Type" and concept["_label"] == "banknote"


def test_images_manifest_and_page(client: Client, collection: Collection) -> None:
    doc = get_doc(client, "/linked-art/object/harbour-at-dusk")
    originals = [r for r in doc["representation"] if r["_label"].startswith("Image ")]
    tiled, untiled = (r["digitally_shown_by"][0] for r in originals)
    assert tiled["conforms_to"][0]["id"] == "http://iiif.io/api/image"
    assert tiled["access_point"][0]["id"] == (
        f"{BASE}/iiif/image/harbour-at-dusk-0/full/max/0/default.jpg"
    )
    assert untiled["access_point"][0]["id"].startswith(f"{BASE}/media/objects/harbour-at-dusk/")
    carriers = [s["digitally_carried_by"][0] for s in doc["subject_of"]]
    urls = {c["access_point"][0]["id"] for c in carriers}
    assert urls == {
        f"{BASE}/objects/harbour-at-dusk/",
        f"{BASE}/iiif/harbour-at-dusk/manifest.json",
    }


def test_object_without_images_has_no_manifest(client: Client, collection: Collection) -> None:
    doc = get_doc(client, "/linked-art/object/bust")
    assert len(doc["subject_of"]) == 1
    (model,) = doc["representation"]
    assert model["digitally_shown_by"][0]["format"] == "model/gltf-binary"


def test_approved_restoration_is_labelled_machine_output(
    client: Client, collection: Collection
) -> None:
    doc = get_doc(client, "/linked-art/object/harbour-at-dusk")
    restorations = [r for r in doc["representation"] if r["_label"] == AI_LABEL]
    assert len(restorations) == 1  # the pending one is not published
    (restored,) = restorations
    assert f"{BASE}/linked-art/concept/machine-generated" in classes(restored)
    provenance = restored["referred_to_by"][0]["content"]
    assert provenance.startswith(AI_LABEL)
    assert "telea 4.10.0" in provenance and "approved by curator" in provenance
    pk = collection.approved_restoration.pk
    urls = [d["access_point"][0]["id"] for d in restored["digitally_shown_by"]]
    assert urls == [f"{BASE}/objects/harbour-at-dusk/restorations/{pk}/download.png"]


def test_approved_description_is_marked_generated_draft_is_absent(
    client: Client, collection: Collection
) -> None:
    doc = get_doc(client, "/linked-art/object/harbour-at-dusk")
    (generated,) = [s for s in doc["referred_to_by"] if s["content"] == GENERATED_TEXT]
    assert f"{BASE}/linked-art/concept/machine-generated" in classes(generated)
    assert "not the catalogue record" in generated["_label"]
    assert "templates 2" in generated["referred_to_by"][0]["content"]
    draft_doc = get_doc(client, "/linked-art/object/ten-guilders")
    assert "Unreviewed draft." not in str(draft_doc)


@pytest.mark.parametrize("slug", ["sacred-object", "draft-object", "no-such-object", "x" * 300])
def test_hidden_and_missing_objects_are_the_same_404(
    client: Client, collection: Collection, slug: str
) -> None:
    response = client.get(f"/linked-art/object/{slug}", HTTP_HOST=HOST)
    assert response.status_code == 404
    assert response.content == b'{"error": "Not found"}'


def test_response_headers(client: Client, collection: Collection) -> None:
    response = client.get("/linked-art/object/harbour-at-dusk", HTTP_HOST=HOST)
    assert response["Content-Type"] == LINKED_ART
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/linked-art/object/harbour-at-dusk", HTTP_HOST=HOST).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_made_restricted_is_gone_from_the_next_response(
    client: Client, collection: Collection
) -> None:
    assert client.get("/linked-art/object/ten-guilders", HTTP_HOST=HOST).status_code == 200
    collection.banknote.visibility = Visibility.RESTRICTED
    collection.banknote.save()
    assert client.get("/linked-art/object/ten-guilders", HTTP_HOST=HOST).status_code == 404


def test_ids_follow_the_host_asked(client: Client, collection: Collection) -> None:
    client.get("/linked-art/object/bust", HTTP_HOST=HOST)
    other = client.get("/linked-art/object/bust", HTTP_HOST="other.example").json()
    assert other["id"] == "http://other.example/linked-art/object/bust"


def test_context_copy_is_served(client: Client) -> None:
    response = client.get("/linked-art/context.json", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "crm" in response.json()["@context"]
