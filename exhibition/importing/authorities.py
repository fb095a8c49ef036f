"""Find or create the shared authority records an import links to: agents, places, tags.

Agents and places are matched by exact name, so every record crediting "Rembrandt van
Rijn" links to one agent; new ones get a unique slug made from the name.
"""

from typing import TypeVar

from django.db import models
from django.db.models.functions import Lower
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


def unique_slug(
    model: type[models.Model], name: str, *, fallback: str, also_taken: set[str] | None = None
) -> str:
    """The name's slug, with "-N" added if the slug is used (or in ``also_taken``)."""
    base = slugify(name)[:_SLUG_LENGTH].strip("-") or fallback
    slug, n = base, 1
    taken = also_taken or set()
    while slug in taken or model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# The same lookups for a batch of records: one query per kind whatever the batch size, and
# new records created together. A batch import calls these; one record calls those above.


def agents_for_names(names: set[str]) -> dict[str, Agent]:
    """The agent for each name, created where missing; the oldest where a name has several."""
    found: dict[str, Agent] = {}
    for agent in Agent.objects.filter(name__in=names).order_by("-pk"):
        found[agent.name] = agent  # the lowest pk is read last and wins
    missing = sorted(names - set(found))
    for agent in _create_with_slugs(Agent, missing, fallback="agent"):
        found[agent.name] = agent
    return found


def places_for_specs(specs: list[PlaceSpec]) -> dict[str, Place]:
    """The place for each spec's name, created where missing; the last coordinates given win."""
    names = {spec.name for spec in specs}
    found: dict[str, Place] = {}
    for place in Place.objects.filter(name__in=names).order_by("-pk"):
        found[place.name] = place
    wanted: dict[str, PlaceSpec] = {}
    for spec in specs:
        if spec.name not in wanted or spec.latitude is not None:
            wanted[spec.name] = spec
    for place in _create_with_slugs(Place, sorted(names - set(found)), fallback="place"):
        found[place.name] = place
    moved = []
    for name, spec in wanted.items():
        place = found[name]
        if spec.latitude is not None and (place.latitude, place.longitude) != (
            spec.latitude,
            spec.longitude,
        ):
            place.latitude, place.longitude = spec.latitude, spec.longitude
            moved.append(place)
    Place.objects.bulk_update(moved, ["latitude", "longitude"])
    return found


def tags_for_batch(names: set[str]) -> dict[str, Tag]:
    """Tags by lower-cased name, matched case-insensitively, created where missing."""
    lowered = {name.lower(): name for name in sorted(names)}
    found: dict[str, Tag] = {}
    matches = Tag.objects.annotate(lowered=Lower("name")).filter(lowered__in=list(lowered))
    for tag in matches.order_by("-pk"):
        found[tag.name.lower()] = tag
    missing = [name for key, name in lowered.items() if key not in found]
    if missing:
        # Another spelling may exist that the database lower-cases differently (SQLite
        # folds ASCII only): never a second row for a name that is already there.
        Tag.objects.bulk_create([Tag(name=name) for name in missing], ignore_conflicts=True)
        for created in Tag.objects.filter(name__in=missing):
            found.setdefault(created.name.lower(), created)
    return found


_Named = TypeVar("_Named", Agent, Place)


def _create_with_slugs(model: type[_Named], names: list[str], *, fallback: str) -> list[_Named]:
    """Create one record per name with a unique slug, in one insert unless slugs collide."""
    if not names:
        return []
    bases = {name: slugify(name)[:_SLUG_LENGTH].strip("-") or fallback for name in names}
    taken = set(
        model._default_manager.filter(slug__in=set(bases.values())).values_list("slug", flat=True)
    )
    fresh: list[_Named] = []
    for name in names:
        slug = bases[name]
        if slug in taken:
            slug = unique_slug(model, name, fallback=fallback, also_taken=taken)
        taken.add(slug)
        fresh.append(model(name=name, slug=slug))
    return model._default_manager.bulk_create(fresh)
