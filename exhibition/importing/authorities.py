"""Find or create the shared authority records an import links to: agents, places, tags.

Agents and places are matched by exact name, so every record crediting "Rembrandt van
Rijn" links to one agent; new ones get a unique slug made from the name.
"""

from django.db import models
from django.utils.text import slugify

from exhibition.importing.records import PlaceSpec
from exhibition.models import Agent, Place, Tag

_SLUG_LENGTH = 190  # leaves room for a "-N" suffix under the 200-character field


def agent_for_name(name: str) -> Agent:
    agent = Agent.objects.filter(name=name).first()
    if agent is None:
        agent = Agent.objects.create(name=name, slug=unique_slug(Agent, name, fallback="agent"))
    return agent


def place_for_spec(spec: PlaceSpec) -> Place:
    """The place with this name; coordinates given by the record update it."""
    place = Place.objects.filter(name=spec.name).first()
    if place is None:
        return Place.objects.create(
            name=spec.name,
            slug=unique_slug(Place, spec.name, fallback="place"),
            latitude=spec.latitude,
            longitude=spec.longitude,
        )
    if spec.latitude is not None and (place.latitude, place.longitude) != (
        spec.latitude,
        spec.longitude,
    ):
        place.latitude, place.longitude = spec.latitude, spec.longitude
        place.save(update_fields=["latitude", "longitude"])
    return place


def tags_for_names(names: list[str]) -> list[Tag]:
    """Tags matched case-insensitively, so "Portrait" and "portrait" stay one tag."""
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        tags.append(tag or Tag.objects.create(name=name))
    return tags


def unique_slug(model: type[models.Model], name: str, *, fallback: str) -> str:
    base = slugify(name)[:_SLUG_LENGTH].strip("-") or fallback
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
