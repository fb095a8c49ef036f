"""Collection objects and the authority records they link to (agents, places, tags)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy

from exhibition.licences import LICENCE_CHOICES, public_credit_line
from exhibition.models.translations import RecordText


class Visibility(models.TextChoices):
    PUBLIC = "public", gettext_lazy("Public")
    # Community-controlled material: never shown publicly, anywhere.
    RESTRICTED = "restricted", gettext_lazy("Restricted (community-controlled)")
    DRAFT = "draft", gettext_lazy("Draft")


class Agent(models.Model):
    """A person or organisation that made or is associated with objects."""

    slug = models.SlugField(max_length=200, unique=True)
    name = models.CharField(max_length=300)
    dates = models.CharField(max_length=100, blank=True, help_text=gettext_lazy("e.g. ‘1452–1519’"))
    biography = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = gettext_lazy("agent")
        verbose_name_plural = gettext_lazy("agents")

    def __str__(self) -> str:
        return self.name


class Place(models.Model):
    slug = models.SlugField(max_length=200, unique=True)
    name = models.CharField(max_length=300)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = gettext_lazy("place")
        verbose_name_plural = gettext_lazy("places")

    def __str__(self) -> str:
        return self.name

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Tag(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = gettext_lazy("tag")
        verbose_name_plural = gettext_lazy("tags")

    def __str__(self) -> str:
        return self.name


def culture_group(culture: str) -> str:
    """A culture without its detail in parentheses, the part before " ("."""
    return culture.split(" (", 1)[0].strip()


_PUBLIC = models.Q(visibility="public")
# browse.py's sort_year: undated objects sort after every dated one (MAX_YEAR + 1).
_SORT_YEAR = Coalesce(F("date_start"), F("date_end"), Value(3001))


class CollectionObject(models.Model):
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text=gettext_lazy("Stable identifier; the record’s id on import."),
    )
    accession_number = models.CharField(max_length=100, unique=True)
    title = models.CharField(max_length=500)
    creators: "models.ManyToManyField[Agent, ObjectCreator]" = models.ManyToManyField(
        Agent, through="ObjectCreator", related_name="collection_objects", blank=True
    )
    date_display = models.CharField(max_length=200, blank=True)
    date_start = models.IntegerField(null=True, blank=True)
    date_end = models.IntegerField(null=True, blank=True)
    culture = models.CharField(max_length=200, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="collection_objects"
    )
    object_type = models.CharField(max_length=100, db_index=True)
    medium = models.CharField(max_length=500, blank=True)
    dimensions = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    language = models.CharField(
        gettext_lazy("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=gettext_lazy("The language the title and description are written in."),
    )
    tags = models.ManyToManyField(Tag, related_name="collection_objects", blank=True)
    credit_line = models.CharField(max_length=500, blank=True)
    licence = models.CharField(max_length=40, choices=LICENCE_CHOICES)
    attribution = models.TextField(blank=True)
    source = models.TextField(blank=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.DRAFT, db_index=True
    )
    content_note = models.TextField(
        blank=True,
        help_text=gettext_lazy(
            "Shown before the media, e.g. for images of ancestors, sacred material "
            "or historical violence."
        ),
    )
    is_damaged = models.BooleanField(
        default=False,
        help_text=gettext_lazy("Shows real damage; a candidate for virtual restoration."),
    )
    featured = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = gettext_lazy("collection object")
        verbose_name_plural = gettext_lazy("collection objects")
        indexes = [
            models.Index(fields=["visibility", "object_type"]),
            # The browse page's sorts, walked in order for keyset pages (browse_pages.py).
            # Not partial: the admin's change list walks it too, drafts and all.
            models.Index(fields=["title", "id"], name="object_title_id"),
            models.Index(
                *(_SORT_YEAR, F("title"), F("id")), name="object_public_date", condition=_PUBLIC
            ),
            models.Index(
                *(_SORT_YEAR.desc(), F("title"), F("id")),
                name="object_public_date_desc",
                condition=_PUBLIC,
            ),
            models.Index(
                fields=["created_at", "id"], name="object_public_recent", condition=_PUBLIC
            ),
            models.Index(
                fields=["object_type", "title", "id"],
                name="object_public_type_title",
                condition=_PUBLIC,
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_start__isnull=True)
                | models.Q(date_end__isnull=True)
                | models.Q(date_start__lte=models.F("date_end")),
                name="object_date_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exhibition:object-detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def public_credit_line(self) -> str:
        """The credit every public surface shows; attribution and source stay with curators."""
        return public_credit_line(
            licence_id=self.licence, credit_line=self.credit_line, attribution=self.attribution
        )

    def text_in(self, language: str) -> RecordText:
        """The title and description in ``language``, or the original's where untranslated.

        Reads ``translations.all()``, so a list that prefetched them pays no query per record.
        """
        translation = None
        if language != self.language:
            translation = next((t for t in self.translations.all() if t.language == language), None)
        if translation is None:
            title, title_language = self.title, self.language
        else:
            title, title_language = translation.title, language
        if translation is not None and translation.description:
            description, description_language = translation.description, language
        else:
            description, description_language = self.description, self.language
        return RecordText(
            language=language,
            original_language=self.language,
            title=title,
            title_language=title_language,
            description=description,
            description_language=description_language,
        )

    @property
    def culture_group(self) -> str:
        """The culture browse facets on: "Dutch Republic" for "Dutch Republic (Delft)"."""
        return culture_group(self.culture)

    @property
    def century(self) -> int | None:
        """The century the object was begun in (1503 -> 16; -450 -> -5)."""
        year = self.date_start if self.date_start is not None else self.date_end
        if year is None:
            return None
        return (year - 1) // 100 + 1 if year > 0 else -((-year - 1) // 100 + 1)


class ObjectCreator(models.Model):
    collection_object = models.ForeignKey(
        CollectionObject, on_delete=models.CASCADE, related_name="creator_links"
    )
    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="object_links")
    role = models.CharField(max_length=100, default="creator")
    # Qualifiers such as "attributed to" or "manner of" belong to the link, not the agent.
    qualifier = models.CharField(max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = gettext_lazy("object creator")
        verbose_name_plural = gettext_lazy("object creators")
        constraints = [
            models.UniqueConstraint(
                fields=["collection_object", "agent", "role"], name="unique_creator_role"
            )
        ]

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.agent.name} ({self.role})"
