"""The review queue in the admin: every kind of machine output, one way to decide."""

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from exhibition.models import MachineOutput, MachineOutputKind, Restoration, ReviewStatus
from exhibition.selectors import public_restorations
from exhibition.services.review import machine_output_record
from tests.builders import add_image, add_restoration, make_object, png_bytes
from tests.exhibition.admin.html_forms import form_fields

pytestmark = pytest.mark.django_db

QUEUE = "admin:exhibition_machineoutput_changelist"


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


def _output(
    kind: str, *, engine: str = "engine", error: str = "", **fields: object
) -> MachineOutput:
    return machine_output_record(
        kind=kind,
        collection_object=fields.pop("collection_object", None) or make_object(),  # type: ignore[arg-type]
        method="method",
        engine=engine,
        engine_version="2.1.0",
        parameters={"top_k": 5},
        input_checksums={},
        duration_seconds=1.0,
        error=error,
    )


def _results(client: Client, **params: str) -> str:
    """The queue's result table (not its filters), as HTML."""
    page = client.get(reverse(QUEUE), params).content.decode()
    start = page.index('id="result_list"')
    return page[start : page.index("</table>", start)]


def _review_page(output: MachineOutput) -> str:
    return reverse("admin:exhibition_machineoutput_change", args=[output.pk])


def _decide(client: Client, output: MachineOutput, decision: str, note: str = "") -> None:
    url = reverse("admin:exhibition_machineoutput_review", args=[output.pk])
    response = client.post(url, {"decision": decision, "note": note})
    assert response.status_code == 302


def test_the_queue_lists_pending_output_of_every_kind_and_hides_decided_ones(
    curator_client: Client, curator: User
) -> None:
    engines = {}
    for kind in MachineOutputKind.values:
        engines[kind] = f"engine-for-{kind}"
        _output(kind, engine=engines[kind])
    approved = add_restoration(
        add_image(make_object()),
        status=ReviewStatus.APPROVED,
        reviewer=curator,
        engine="old-engine",
    )

    pending = _results(curator_client)

    for kind, engine in engines.items():
        assert engine in pending, kind
        assert str(MachineOutputKind(kind).label) in pending
    assert "top_k=5" in pending and "2.1.0" in pending
    assert "old-engine" not in pending
    assert approved.machine_output.engine in _results(curator_client, status="all")
    assert approved.machine_output.engine in _results(curator_client, status="approved")


def test_failed_runs_are_listed_with_their_error(curator_client: Client) -> None:
    _output(MachineOutputKind.DESCRIPTION, error="Model file missing")
    pending = _results(curator_client)
    assert "Failed:" in pending and "Model file missing" in pending


def test_an_unknown_status_filter_is_not_a_server_error(curator_client: Client) -> None:
    response = curator_client.get(reverse(QUEUE), {"status": "bogus"})
    assert response.status_code == 302
    assert "e=1" in response["Location"]


def test_the_review_page_shows_source_result_and_mask_and_provenance(
    curator_client: Client,
) -> None:
    restoration = add_restoration(add_image(make_object(title="Cracked fresco")))
    restoration.uncertainty.save("uncertainty.png", ContentFile(png_bytes(64, 48)), save=True)
    output = restoration.machine_output

    page = curator_client.get(_review_page(output)).content.decode()

    # The full-size viewer gets the original, the result, the outline and the uncertainty…
    outline = reverse("admin:exhibition_machineoutput_mask_outline", args=[output.pk])
    assert f'data-source-url="{restoration.source_image.original.url}"' in page
    assert f'data-result-url="{restoration.result.url}"' in page
    assert f'data-outline-url="{outline}"' in page
    assert f'data-uncertainty-url="{restoration.uncertainty.url}"' in page
    assert "js/admin-restoration-review.js" in page and "vendor/openseadragon.min.js" in page
    # …and without script, every file is a link at full size.
    for image in (restoration.source_image.original, restoration.result, restoration.mask):
        assert f'href="{image.url}"' in page
    assert "Original (full size)" in page and "Result — AI reconstruction (full size)" in page
    assert "max-height:360px" not in page  # no thumbnails any more
    assert "telea" in page and "4.10.0" in page and "radius" in page
    assert "provenance events" in page.lower()
    assert 'value="approve"' in page and 'value="reject"' in page


def test_approving_through_the_page_makes_the_restoration_public(curator_client: Client) -> None:
    image = add_image(make_object())
    restoration = add_restoration(image)
    assert not public_restorations(collection_object=image.collection_object).exists()

    _decide(curator_client, restoration.machine_output, "approve", note="Checked against photos.")

    assert list(public_restorations(collection_object=image.collection_object)) == [restoration]
    output = MachineOutput.objects.get(pk=restoration.machine_output_id)
    assert output.review_note == "Checked against photos."
    page = curator_client.get(_review_page(output)).content.decode()
    assert "Checked against photos." in page  # in the read-only events and review fields


def test_rejecting_through_the_page_without_a_note_is_refused_with_a_message(
    curator_client: Client,
) -> None:
    output = add_restoration(add_image(make_object())).machine_output

    url = reverse("admin:exhibition_machineoutput_review", args=[output.pk])
    response = curator_client.post(url, {"decision": "reject", "note": ""}, follow=True)

    assert "A note saying why is required" in response.content.decode()
    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT
    _decide(curator_client, output, "reject", note="Smears the face.")
    output.refresh_from_db()
    assert output.status == ReviewStatus.REJECTED


def test_a_failed_run_offers_no_approve_button_and_cannot_be_approved(
    curator_client: Client,
) -> None:
    output = _output(MachineOutputKind.RESTORATION, error="Out of memory")

    page = curator_client.get(_review_page(output)).content.decode()
    assert 'value="approve"' not in page
    assert "cannot be approved" in page

    _decide(curator_client, output, "approve")
    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT


def test_provenance_cannot_be_edited_in_the_admin(curator_client: Client) -> None:
    output = _output(MachineOutputKind.DESCRIPTION, engine="honest-engine")
    page = curator_client.get(_review_page(output))
    assert 'name="engine"' not in page.content.decode()

    response = curator_client.post(_review_page(output), {"engine": "forged", "status": "approved"})

    assert response.status_code == 403
    output.refresh_from_db()
    assert (output.engine, output.status) == ("honest-engine", ReviewStatus.DRAFT)
    assert curator_client.get(reverse("admin:exhibition_machineoutput_add")).status_code == 403


def test_a_staff_member_without_review_permission_cannot_decide(client: Client) -> None:
    clerk = User.objects.create_user("clerk", password="a-long-test-password", is_staff=True)
    client.force_login(clerk)
    output = _output(MachineOutputKind.DESCRIPTION)
    url = reverse("admin:exhibition_machineoutput_review", args=[output.pk])

    assert client.post(url, {"decision": "approve"}).status_code == 403
    output.refresh_from_db()
    assert output.status == ReviewStatus.DRAFT


def test_bulk_approve_approves_the_selected_and_skips_failed_runs(curator_client: Client) -> None:
    good = [_output(MachineOutputKind.SUGGESTED_TAG) for _ in range(2)]
    failed = _output(MachineOutputKind.SUGGESTED_TAG, error="Timeout")
    untouched = _output(MachineOutputKind.SUGGESTED_TAG)

    response = curator_client.post(
        reverse(QUEUE),
        {"action": "approve_selected", "_selected_action": [o.pk for o in [*good, failed]]},
        follow=True,
    )

    statuses = dict(MachineOutput.objects.values_list("pk", "status"))
    assert [statuses[o.pk] for o in good] == [ReviewStatus.APPROVED] * 2
    assert statuses[failed.pk] == ReviewStatus.DRAFT
    assert statuses[untouched.pk] == ReviewStatus.DRAFT
    page = response.content.decode()
    assert "2 outputs approved" in page
    assert "cannot be approved" in page


def test_bulk_reject_asks_for_a_note_first(curator_client: Client) -> None:
    outputs = [_output(MachineOutputKind.GUIDE_ANSWER) for _ in range(2)]
    selected = [o.pk for o in outputs]

    ask = curator_client.post(
        reverse(QUEUE), {"action": "reject_selected", "_selected_action": selected}
    )
    assert ask.status_code == 200
    assert "Reason for rejecting" in ask.content.decode()
    assert not MachineOutput.objects.filter(status=ReviewStatus.REJECTED).exists()

    form = form_fields(ask, "reject-selected-form")
    missing = curator_client.post(reverse(QUEUE), form)
    assert "A note saying why is required" in missing.content.decode()
    assert not MachineOutput.objects.filter(status=ReviewStatus.REJECTED).exists()

    form["note"] = "Answers cite no record."
    curator_client.post(reverse(QUEUE), form)
    rejected = MachineOutput.objects.filter(status=ReviewStatus.REJECTED)
    assert sorted(rejected.values_list("pk", flat=True)) == sorted(selected)
    assert set(rejected.values_list("review_note", flat=True)) == {"Answers cite no record."}


def test_restorations_are_listed_read_only_with_a_link_to_review(curator_client: Client) -> None:
    restoration = add_restoration(add_image(make_object(title="Cracked fresco")))
    page = curator_client.get(reverse("admin:exhibition_restoration_changelist")).content.decode()
    assert "Cracked fresco" in page
    change = reverse("admin:exhibition_restoration_change", args=[restoration.pk])
    detail = curator_client.get(change).content.decode()
    assert _review_page(restoration.machine_output) in detail
    assert curator_client.post(change, {}).status_code == 403
    assert Restoration.objects.count() == 1


def test_the_mask_outline_is_a_transparent_png_the_size_of_the_image(
    curator_client: Client, client: Client, visitor: User
) -> None:
    import io

    import numpy as np
    from PIL import Image

    restoration = add_restoration(add_image(make_object(), width=80, height=60))
    mask = np.zeros((60, 80), dtype=np.uint8)
    mask[20:40, 30:60] = 255
    buffer = io.BytesIO()
    Image.fromarray(mask, mode="L").save(buffer, format="PNG")
    restoration.mask.save("mask.png", ContentFile(buffer.getvalue()), save=True)
    url = reverse(
        "admin:exhibition_machineoutput_mask_outline", args=[restoration.machine_output_id]
    )

    response = curator_client.get(url)

    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    outline = np.asarray(Image.open(io.BytesIO(response.content)).convert("RGBA"))
    assert outline.shape == (60, 80, 4)
    assert outline[20, 40, 3] == 255 and outline[20, 40, 0] > 200  # magenta on the edge
    assert outline[30, 45, 3] == 0 and outline[5, 5, 3] == 0  # the fill and the paint stay clear
    failed = machine_output_record(
        kind=MachineOutputKind.RESTORATION,
        collection_object=None,
        method="inpainting",
        engine="telea",
        engine_version="1",
        parameters={},
        input_checksums={},
        duration_seconds=None,
        error="boom",
    )
    outline_of_failed = reverse("admin:exhibition_machineoutput_mask_outline", args=[failed.pk])
    assert curator_client.get(outline_of_failed).status_code == 404
    client.force_login(visitor)
    assert client.get(url).status_code == 302  # to the admin login


def test_an_outline_asked_for_by_a_malformed_id_is_not_found(curator_client: Client) -> None:
    for object_id in ("abc", "%C2%B2", "0"):
        url = f"/admin/exhibition/machineoutput/{object_id}/mask-outline.png"
        assert curator_client.get(url).status_code == 404, object_id
