"""Exhibitions: curated stories of ordered sections with text and objects."""

from django.db import models
from django.urls import reverse

from exhibition.models.collection import CollectionObject, Visibility


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

    def __str__(self) -> str:
        return f"{self.collection_object} in {self.section}"
