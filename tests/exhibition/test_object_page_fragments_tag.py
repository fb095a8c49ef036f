"""``{% object_fragment %}``: parts are rendered from the page's data, never a visitor's."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from exhibition.object_fragments import ObjectFragments

PART = Template(
    "{% load object_fragments %}<{% object_fragment 'part' %}"
    "{{ title }}|{% csrf_token %}|{{ user.username }}|{{ request.path }}|{{ LANGUAGE_CODE }}"
    "{% endobject_fragment %}>"
)


def _fragments(key: str = "test:fragments", **context: Any) -> ObjectFragments:
    return ObjectFragments(key=key, build_context=lambda: context)


def _render(fragments: ObjectFragments, user: User | None = None) -> str:
    request = RequestFactory().get("/objects/secret-path/")
    context = Context(
        {
            "fragments": fragments,
            "user": user,
            "request": request,
            "csrf_token": "a-visitors-token",
            "title": "from the outer context",
        }
    )
    return PART.render(context)


def test_a_part_sees_the_page_data_and_no_visitor_state() -> None:
    visitor = User(username="visitor-ann")
    fragments = _fragments(title="Ships in a gale")
    rendered = _render(fragments, visitor)
    assert rendered == "<Ships in a gale||||en>"
    fragments.save()
    assert cache.get("test:fragments") == {"part": "Ships in a gale||||en"}


def test_a_held_part_is_served_without_building_the_context() -> None:
    cache.set("test:fragments", {"part": "held"})

    def fail() -> dict[str, Any]:
        raise AssertionError("the context was built for a held part")

    fragments = ObjectFragments(key="test:fragments", build_context=fail)
    assert _render(fragments) == "<held>"
    assert fragments.rendered == frozenset()


def test_a_page_without_fragments_in_its_context_is_a_mistake() -> None:
    with pytest.raises(TemplateSyntaxError):
        PART.render(Context({}))


def test_the_tag_takes_one_quoted_name() -> None:
    with pytest.raises(TemplateSyntaxError):
        Template("{% load object_fragments %}{% object_fragment part %}{% endobject_fragment %}")
