"""The curators' virtual-restoration tool: see the proposed mask, correct it, run, compare."""

import base64
import io
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from PIL import Image, ImageDraw

from exhibition.models import MachineOutput, ObjectImage, ReviewStatus
from tests import builders

pytestmark = pytest.mark.django_db

WIDTH, HEIGHT = 96, 64


@pytest.fixture
def curator_client(client: Client, curator: User) -> Client:
    client.force_login(curator)
    return client


@pytest.fixture
def image() -> ObjectImage:
    obj = builders.make_object(slug="cracked-icon", title="Cracked icon", is_damaged=True)
    return builders.add_image(obj, width=WIDTH, height=HEIGHT)


def tool(image: ObjectImage) -> str:
    return reverse("admin:exhibition_restoration_tool", args=[image.pk])


def mask_png(width: int = WIDTH, height: int = HEIGHT, *, stroke: bool = True) -> bytes:
    picture = Image.new("L", (width, height), 0)
    if stroke:
        ImageDraw.Draw(picture).line([(10, 10), (60, 40)], fill=255, width=4)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def test_only_staff_can_open_the_tool(client: Client, visitor: User, image: ObjectImage) -> None:
    anonymous = client.get(tool(image))
    client.force_login(visitor)
    not_staff = client.get(tool(image))

    for response in (anonymous, not_staff):
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_tool_shows_the_image_the_proposed_mask_and_the_engines(
    curator_client: Client, image: ObjectImage
) -> None:
    html = curator_client.get(tool(image)).content.decode()

    assert "Virtual restoration: Cracked icon" in html
    assert "marked damaged" in html
    assert image.original.url in html
    assert 'class="mask-overlay" src="data:image/png;base64,' in html
    assert f'<canvas id="mask-canvas" width="{WIDTH}" height="{HEIGHT}"' in html
    for engine in ("telea", "ns", "biharmonic"):
        assert f'name="engine" value="{engine}"' in html
    assert 'name="crack_kernel"' in html  # detection parameters are adjustable


def test_unavailable_engine_is_shown_disabled_with_its_reason(
    curator_client: Client, image: ObjectImage, settings: Any
) -> None:
    settings.RESTORATION_ENGINES = {
        **settings.RESTORATION_ENGINES,
        "missing": "restoration.engines.nowhere:X",
    }

    html = curator_client.get(tool(image)).content.decode()

    assert (
        'value="missing" aria-describedby="engine-missing-about engine-missing-reason" disabled'
        in html
    )
    assert "Unavailable: not installed" in html


def test_every_engine_is_explained_in_one_line(curator_client: Client, image: ObjectImage) -> None:
    from restoration.engines import restoration_engines

    html = curator_client.get(tool(image)).content.decode()

    for name in restoration_engines.names():
        description = restoration_engines.engine_class(name).description
        assert description, f"{name} has no description"
        assert "\n" not in description and len(description) < 200
        about = (
            f'<span class="engine-about" id="engine-{name}-about">— {escape(description)}</span>'
        )
        assert about in html
        assert f'value="{name}" aria-describedby="engine-{name}-about' in html


def test_wrong_size_mask_upload_is_refused_with_a_clear_error(
    curator_client: Client, image: ObjectImage
) -> None:
    upload = SimpleUploadedFile("mask.png", mask_png(40, 30), content_type="image/png")

    response = curator_client.post(
        tool(image), {"engine": "telea", "mask_source": "upload", "mask_file": upload}
    )

    assert response.status_code == 400
    assert f"mask is 40×30 but the image is {WIDTH}×{HEIGHT}" in response.content.decode()
    assert not MachineOutput.objects.exists()


def test_empty_painted_mask_is_refused_as_nothing_to_do(
    curator_client: Client, image: ObjectImage
) -> None:
    response = curator_client.post(
        tool(image),
        {"engine": "telea", "mask_source": "canvas", "mask_data": data_url(mask_png(stroke=False))},
    )

    assert response.status_code == 400
    assert "nothing to reconstruct" in response.content.decode()
    assert not MachineOutput.objects.exists()


def test_a_painted_mask_that_is_not_a_png_data_url_is_refused(
    curator_client: Client, image: ObjectImage
) -> None:
    response = curator_client.post(
        tool(image), {"engine": "telea", "mask_source": "canvas", "mask_data": "javascript:1"}
    )

    assert response.status_code == 400
    assert "must be a PNG data URL" in response.content.decode()


def test_bad_detection_parameters_are_explained(curator_client: Client, image: ObjectImage) -> None:
    response = curator_client.get(tool(image), {"crack_kernel": "4", "crack_threshold": "28"})

    assert response.status_code == 200
    assert "crack_kernel must be an odd number" in response.content.decode()


# Committed for real, as on the site: the run starts when the request is recorded, and in
# the embedded default the curator's request returns with it done.
@pytest.mark.django_db(transaction=True)
def test_running_an_engine_puts_a_draft_restoration_in_the_review_queue(
    curator_client: Client, image: ObjectImage
) -> None:
    response = curator_client.post(
        tool(image),
        {"engine": "telea", "mask_source": "canvas", "mask_data": data_url(mask_png())},
        follow=True,
    )

    assert response.status_code == 200
    output = MachineOutput.objects.get()
    assert output.status == ReviewStatus.DRAFT
    assert output.engine == "telea"
    assert output.restoration.source_image == image
    html = response.content.decode()
    assert "produced a draft restoration" in html
    assert output.restoration.result.url in html  # shown among the runs to compare
    queue = curator_client.get(reverse("admin:exhibition_machineoutput_changelist"))
    assert reverse("admin:exhibition_machineoutput_change", args=[output.pk]) in (
        queue.content.decode()
    )


def test_tool_index_lists_damaged_images_first(curator_client: Client, image: ObjectImage) -> None:
    builders.add_image(builders.make_object(title="Aaa intact"))

    html = curator_client.get(reverse("admin:exhibition_restoration_tool_index")).content.decode()

    assert html.index("Cracked icon") < html.index("Aaa intact")
    assert "Marked damaged" in html
    assert tool(image) in html


def test_restoration_pages_link_to_the_tool(
    curator_client: Client, curator: User, image: ObjectImage
) -> None:
    restoration = builders.add_restoration(image)

    change = curator_client.get(
        reverse("admin:exhibition_restoration_change", args=[restoration.pk])
    ).content.decode()
    changelist = curator_client.get(
        reverse("admin:exhibition_restoration_changelist")
    ).content.decode()

    assert tool(image) in change
    assert reverse("admin:exhibition_restoration_tool_index") in changelist


def test_staff_without_the_add_restoration_permission_cannot_run_an_engine(
    client: Client, image: ObjectImage
) -> None:
    staff = User.objects.create_user(username="intern", password="x-long-password", is_staff=True)
    client.force_login(staff)

    page = client.get(tool(image))
    run = client.post(tool(image), {"engine": "telea", "mask_source": "canvas"})

    assert page.status_code == 200
    assert "needs the “add restoration” permission" in page.content.decode()
    assert run.status_code == 403
    assert not MachineOutput.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_with_the_limit_named(
    curator_client: Client, image: ObjectImage, settings: object
) -> None:
    settings.VITRINE_MAX_IMAGE_PIXELS = 1000  # type: ignore[attr-defined]

    html = curator_client.get(tool(image)).content.decode()

    assert "This image cannot be restored" in html
    assert "over the limit of 1,000 (VITRINE_MAX_IMAGE_PIXELS)" in html
    assert 'id="run-form"' not in html


def test_image_and_object_admin_pages_link_to_the_tool(
    curator_client: Client, image: ObjectImage
) -> None:
    image_page = curator_client.get(
        reverse("admin:exhibition_objectimage_change", args=[image.pk])
    ).content.decode()
    object_page = curator_client.get(
        reverse("admin:exhibition_collectionobject_change", args=[image.collection_object.pk])
    ).content.decode()
    for html in (image_page, object_page):
        assert f'<a href="{tool(image)}">Virtual restoration (marked damaged)</a>' in html


def test_the_proposal_is_detected_once_per_original_and_parameters(
    curator_client: Client, image: ObjectImage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from restoration import proposals

    calls: list[object] = []
    real = proposals.detect_damage

    def counted(pixels: Any, params: Any) -> Any:
        calls.append(params)
        return real(pixels, params)

    monkeypatch.setattr(proposals, "detect_damage", counted)

    for _ in range(3):
        assert curator_client.get(tool(image)).status_code == 200
    assert len(calls) == 1
    curator_client.get(tool(image), {"crack_kernel": "7"})
    assert len(calls) == 2  # other parameters: a new proposal


def test_a_run_left_to_a_worker_is_shown_in_progress_until_it_finishes(
    curator_client: Client,
    image: ObjectImage,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from restoration.tasks import restore_image

    queued: list[dict[str, Any]] = []
    monkeypatch.setattr(restore_image, "delay", lambda **arguments: queued.append(arguments))

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            tool(image),
            {"engine": "telea", "mask_source": "canvas", "mask_data": data_url(mask_png())},
            follow=True,
        )

    html = response.content.decode()
    assert "The telea run is queued; this page shows its progress." in html
    assert "Waiting for a worker" in html
    progress = reverse("admin:exhibition_restoration_tool_progress", args=[image.pk])
    assert f'data-progress-url="{progress}"' in html
    assert curator_client.get(progress).json()["in_progress"] == [
        {"engine": "telea", "state": "queued", "label": "Waiting for a worker"}
    ]
    assert not MachineOutput.objects.exists()

    [arguments] = queued
    restore_image(**arguments)  # the worker's turn

    assert curator_client.get(progress).json() == {"in_progress": []}
    assert MachineOutput.objects.get().restoration.source_image == image
    assert "In progress" not in curator_client.get(tool(image)).content.decode()


def test_a_run_that_cannot_start_says_why_and_stores_nothing(
    curator_client: Client, image: ObjectImage
) -> None:
    response = curator_client.post(
        tool(image),
        {
            "engine": "telea",
            "mask_source": "upload",
            "mask_file": SimpleUploadedFile(
                "mask.png", mask_png(stroke=False), content_type="image/png"
            ),
        },
    )

    assert response.status_code in (200, 400)
    assert not MachineOutput.objects.exists()
    assert "Nothing was run" in response.content.decode() or "Mask refused" in (
        response.content.decode()
    )
