"""The object page's "Recommended next": other public objects, each with a reason."""

import pytest
from django.test import Client

from exhibition.models import Visibility
from tests.builders import make_object
from tours.selectors.recommendations import forget_fitted

pytestmark = pytest.mark.django_db


def test_the_object_page_recommends_other_public_objects_with_reasons() -> None:
    here = make_object(title="Harbour at dawn", object_type="painting", culture="Dutch Republic")
    sibling = make_object(title="Harbour at dusk", object_type="painting", culture="Dutch Republic")
    secret = make_object(
        title="Secret harbour", object_type="painting", visibility=Visibility.RESTRICTED
    )
    forget_fitted()
    html = Client().get(here.get_absolute_url()).content.decode()
    panel = html[html.index('id="recommended-next-heading"') :]
    assert sibling.title in panel and secret.title not in panel
    assert "machine output" in panel
    assert "because you liked" not in panel  # the visitor said no such thing on this page
    start = panel.index(sibling.title)
    assert 'class="card__caption"' in panel[start : start + 600]


def test_no_panel_when_nothing_else_can_be_recommended() -> None:
    only = make_object(title="The only object")
    forget_fitted()
    html = Client().get(only.get_absolute_url()).content.decode()
    assert "Recommended next" not in html
