"""Verbal descriptions of objects and the speech made from them.

A description is machine output (``exhibition.MachineOutput``, kind "description"): drafted
from the record's fields and from what the image analysis measured, then edited and
approved by a curator through the shared review. ``statements`` keeps, for each sentence,
the record field or measurement it comes from, so a draft can be checked and traced.

Speech is cached by a hash of everything that shapes it (text, voice, rate, pitch, encoder
version), so the same words are synthesised once however many pages speak them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


class Description(models.Model):
    collection_object = models.ForeignKey(
        "exhibition.CollectionObject", on_delete=models.CASCADE, related_name="descriptions"
    )
    machine_output = models.OneToOneField(
        "exhibition.MachineOutput", on_delete=models.CASCADE, related_name="description"
    )
    language = models.CharField(max_length=10, default="en")
    alt_text = models.CharField(max_length=125, help_text=gettext_lazy("At most 125 characters"))
    short_text = models.TextField(
        help_text=gettext_lazy("Object type, medium, orientation, main subject")
    )
    long_text = models.TextField(
        help_text=gettext_lazy(
            "At most 250 words: label facts first, then an overview and one spatial path"
        )
    )
    # [{"text": sentence, "sources": ["record:title", "image:concept:volcano", ...]}]
    statements = models.JSONField(default=list, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-machine_output__produced_at", "-pk"]
        verbose_name = gettext_lazy("description")
        verbose_name_plural = gettext_lazy("descriptions")
        indexes = [models.Index(fields=["collection_object", "language"])]

    def __str__(self) -> str:
        return f"Description of {self.collection_object} ({self.language})"


class SpeechAudio(models.Model):
    key = models.CharField(
        max_length=64, unique=True, help_text=gettext_lazy("SHA-256 of what shapes it")
    )
    language = models.CharField(max_length=10)
    voice = models.CharField(max_length=50)
    rate = models.PositiveSmallIntegerField(help_text=gettext_lazy("Words per minute"))
    pitch = models.PositiveSmallIntegerField(help_text=gettext_lazy("0–99, 50 is the voice’s own"))
    text = models.TextField()
    ogg = models.FileField(upload_to="speech/", max_length=300)
    mp3 = models.FileField(upload_to="speech/", blank=True, max_length=300)
    duration_seconds = models.FloatField()
    # [{"start": seconds, "end": seconds, "text": sentence}] for WebVTT captions.
    cues = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("speech audio")
        verbose_name_plural = gettext_lazy("speech audio")

    def __str__(self) -> str:
        return f"Speech ({self.language}, {self.voice}, {self.duration_seconds:.1f} s)"
