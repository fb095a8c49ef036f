"""The object page shows an approved restoration labelled, with its uncertainty on demand."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client

from exhibition.models import Restoration, ReviewStatus
from exhibition.restoration_display import AI_LABEL, reconstruction_caption
from tests import builders

pytestmark = pytest.mark.django_db


def approved_restoration(curator: User, *, uncertainty: bool) -> Restoration:
    obj = builders.make_object(slug="damaged-fresco", title="Damaged fresco", is_damaged=True)
    restoration = builders.add_restoration(
        builders.add_image(obj), status=ReviewStatus.APPROVED, reviewer=curator
    )
    if uncertainty:
        restoration.uncertainty.save(
            "uncertainty.png", ContentFile(builders.png_bytes(64, 48, (128, 128, 128)))
        )
    output = restoration.machine_output
    output.input_checksums = {"source": "a" * 64, "mask": "b" * 64}
    output.duration_seconds = 1.234
    output.save()
    return restoration


def page(client: Client) -> str:
    response = client.get("/objects/damaged-fresco/")
    assert response.status_code == 200
    return response.content.decode()


def test_uncertainty_toggle_and_legend_appear_with_an_uncertainty_map(
    client: Client, curator: User
) -> None:
    restoration = approved_restoration(curator, uncertainty=True)

    html = page(client)

    toggle = re.search(r'<button type="button" class="button uncertainty-toggle"[^>]*>', html)
    assert toggle is not None
    assert 'aria-pressed="false"' in toggle.group(0)
    assert 'aria-describedby="uncertainty-legend-1"' in toggle.group(0)
    assert ">Show uncertainty</button>" in html
    assert 'id="uncertainty-legend-1"' in html
    assert "brighter = less certain" in html
    assert restoration.uncertainty.url in html
    # The viewer lays the map over the picture (hidden until the toggle reveals it).
    assert f'data-uncertainty-url="{restoration.uncertainty.url}"' in html


def test_no_uncertainty_toggle_without_an_uncertainty_map(client: Client, curator: User) -> None:
    approved_restoration(curator, uncertainty=False)

    html = page(client)

    assert AI_LABEL in html
    assert "Outline reconstructed regions" in html
    assert "uncertainty-toggle" not in html
    assert "Show uncertainty" not in html


def test_provenance_panel_names_the_input_checksums_and_duration(
    client: Client, curator: User
) -> None:
    approved_restoration(curator, uncertainty=True)

    provenance = page(client).split('<details class="provenance">')[1].split("</details>")[0]

    assert f'Source image: <code class="break-anywhere">{"a" * 64}</code>' in provenance
    assert f'Mask: <code class="break-anywhere">{"b" * 64}</code>' in provenance
    assert "<dt>Duration</dt><dd>1.23 s</dd>" in provenance


def test_page_links_to_the_labelled_download(client: Client, curator: User) -> None:
    restoration = approved_restoration(curator, uncertainty=False)

    html = page(client)

    url = f"/objects/damaged-fresco/restorations/{restoration.pk}/download.png"
    assert re.search(rf'<a class="button compare-download" href="{re.escape(url)}" download>', html)


def test_caption_names_label_engine_version_and_date(curator: User) -> None:
    restoration = approved_restoration(curator, uncertainty=False)
    output = restoration.machine_output

    caption = reconstruction_caption(output)

    assert caption == f"{AI_LABEL} · telea 4.10.0 · {output.produced_at:%Y-%m-%d}"
