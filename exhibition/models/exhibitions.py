"""Exhibitions: curated stories of ordered sections with text and objects."""

import re

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy

from exhibition.models.collection import CollectionObject, Visibility, culture_group


class Exhibition(models.Model):
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    subtitle = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.DRAFT, db_index=True
    )
    featured = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    cover_object = models.ForeignKey(
        CollectionObject, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["order", "title"]
        verbose_name = gettext_lazy("exhibition")
        verbose_name_plural = gettext_lazy("exhibitions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exhibition:exhibition-detail", kwargs={"slug": self.slug})


class ExhibitionSection(models.Model):
    exhibition = models.ForeignKey(Exhibition, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    collection_objects: "models.ManyToManyField[CollectionObject, SectionObject]" = (
        models.ManyToManyField(
            CollectionObject, through="SectionObject", related_name="exhibition_sections"
        )
    )

    class Meta:
        ordering = ["exhibition", "order", "pk"]
        verbose_name = gettext_lazy("exhibition section")
        verbose_name_plural = gettext_lazy("exhibition sections")

    def __str__(self) -> str:
        return f"{self.exhibition}: {self.heading}"


class SectionObject(models.Model):
    section = models.ForeignKey(
        ExhibitionSection, on_delete=models.CASCADE, related_name="section_objects"
    )
    collection_object = models.ForeignKey(CollectionObject, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)
    caption = models.TextField(blank=True)

    class Meta:
        ordering = ["section", "order", "pk"]
        verbose_name = gettext_lazy("object in a section")
        verbose_name_plural = gettext_lazy("objects in the section")

    def __str__(self) -> str:
        return f"{self.collection_object} in {self.section}"

    @property
    def public_caption(self) -> str:
        """The caption without a leading byline that the page already shows beside it."""
        return caption_without_byline(self.caption, self.collection_object)


# Where a caption's first sentence may end: a full stop and a space, or the end. A full
# stop after a lone capital ("J. M. W. Turner") or "c" ("c. 1818") is part of the byline.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bc)\.(?:\s+|$)")


def _comparable(text: str) -> str:
    return " ".join(text.replace("–", "-").split()).strip(" .,;").casefold()


def caption_without_byline(caption: str, obj: CollectionObject) -> str:
    """Drop a first sentence that only repeats the object's maker, date, title or culture.

    "J. M. W. Turner, 1839. A small steam tug…" shown under "J. M. W. Turner, 1839"
    becomes "A small steam tug…". Creators come from ``obj.creator_links`` (prefetch
    them with their agents).
    """
    known = {obj.title, obj.date_display, obj.culture, culture_group(obj.culture)}
    for link in obj.creator_links.all():
        known.add(link.agent.name)
        known.add(f"{link.qualifier} {link.agent.name}")
    comparable = {_comparable(value) for value in known if value}
    for end in _SENTENCE_END.finditer(caption):
        sentence = caption[: end.start()]
        segments = [_comparable(part) for part in sentence.split(",")]
        if _comparable(sentence) in comparable or all(part in comparable for part in segments):
            return caption[end.end() :].strip()
    return caption
