"""What a film shows and says, and the version key that names that content.

A film follows the exhibition page: its public objects in the sections' order (the first
``FILMS_MAX_OBJECTS``), each shown by its first image (else its 3D model's poster; nothing
when a content note asks visitors to choose to see the media first) and narrated by its
**approved** description in the film's language. A draft, a rejected description or one in
another language is never spoken: an object without an approved description is held
silently for a few seconds under its title, so the picture sequence stays the exhibition's.

The version key hashes everything that shapes the film, so a film built from other
content is recognised as stale by a plain comparison, without making any speech.
"""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.utils import translation
from django.utils.translation import gettext

from descriptions.models import Description
from descriptions.selectors import approved_description
from descriptions.speech.sentences import bounded_sentences
from descriptions.speech.services import speech_key
from descriptions.speech.voices import VoiceChoice, voice_for
from exhibition.models import CollectionObject, Exhibition
from exhibition.selectors import exhibition_section_objects
from exhibition.templatetags.vitrine import creator_names
from films.formats import film_format


@dataclass(frozen=True)
class Shot:
    """One object of the film: its picture, the words under it, and what is spoken."""

    collection_object: CollectionObject
    title: str
    byline: str
    credit: str
    picture: FieldFile | None
    picture_checksum: str
    description: Description | None  # approved, in the film's language

    @property
    def narration_text(self) -> str:
        return self.description.long_text.strip() if self.description is not None else ""


@dataclass(frozen=True)
class Storyboard:
    exhibition: Exhibition
    language: str
    voice: VoiceChoice
    title_lines: list[str]  # exhibition title, subtitle, the museum
    provenance_note: str  # what the narration is, shown and spoken on the title card
    shots: list[Shot]
    left_out: int  # public objects past FILMS_MAX_OBJECTS

    @property
    def intro_text(self) -> str:
        """What the title card says aloud: its lines, then the provenance note."""
        lines = [line.rstrip(".") + "." for line in self.title_lines]
        return " ".join([*lines, self.provenance_note])

    @property
    def narrated_count(self) -> int:
        return sum(1 for shot in self.shots if shot.narration_text)


def provenance_note(language: str) -> str:
    """The film's label of machine output (DESIGN.md, principle 1), in its language."""
    with translation.override(language):
        return gettext(
            "The descriptions were drafted by machine and approved by the museum's curators; "
            "the narration is synthetic speech (eSpeak NG)."
        )


def _picture(collection_object: CollectionObject) -> tuple[FieldFile | None, str]:
    """The object's first image, else its first 3D model's poster: originals only (a
    virtual restoration is never shown unlabelled); none behind a content note."""
    if collection_object.content_note:
        return None, ""
    images = [image for image in collection_object.images.all() if image.width]
    if images:
        return images[0].original, images[0].checksum
    for model in collection_object.models3d.all():
        if model.poster:
            return model.poster, model.checksum
    return None, ""


def _shot(collection_object: CollectionObject, language: str) -> Shot:
    picture, checksum = _picture(collection_object)
    description = approved_description(collection_object, language)
    if description is not None and not description.long_text.strip():
        description = None
    date = collection_object.date_display
    names = creator_names(collection_object)
    return Shot(
        collection_object=collection_object,
        title=collection_object.text_in(language).title,
        byline=", ".join(part for part in (names, date) if part),
        credit=collection_object.public_credit_line,
        picture=picture,
        picture_checksum=checksum,
        description=description,
    )


def film_storyboard(*, exhibition: Exhibition, language: str) -> Storyboard:
    """The film of ``exhibition`` in ``language``, as the current records describe it."""
    seen: set[int] = set()
    objects: list[CollectionObject] = []
    for entry in exhibition_section_objects(exhibition=exhibition):
        if entry.collection_object_id not in seen:  # an object in two sections is shown once
            seen.add(entry.collection_object_id)
            objects.append(entry.collection_object)
    limit = max(1, int(settings.FILMS_MAX_OBJECTS))
    title_lines = [exhibition.title, exhibition.subtitle, str(settings.VITRINE_SITE_NAME)]
    return Storyboard(
        exhibition=exhibition,
        language=language,
        voice=voice_for(language),
        title_lines=[" ".join(line.split()) for line in title_lines if line.strip()],
        provenance_note=provenance_note(language),
        shots=[_shot(obj, language) for obj in objects[:limit]],
        left_out=max(0, len(objects) - limit),
    )


def _speech_key(text: str, voice: VoiceChoice) -> str:
    """The key the speech of ``text`` is cached under (``descriptions.speech.services``)."""
    sentences, _ = bounded_sentences(text)
    return speech_key(
        text=" ".join(sentences), voice=voice.voice, rate=voice.rate, pitch=voice.pitch
    )


def film_version_key(storyboard: Storyboard) -> str:
    """SHA-256 of everything the film's pixels, sound and captions are made from."""
    voice = storyboard.voice
    shape: list[object] = [
        film_format().as_key(),
        storyboard.language,
        storyboard.title_lines,
        _speech_key(storyboard.intro_text, voice),
        storyboard.left_out,
    ]
    for shot in storyboard.shots:
        obj = shot.collection_object
        shape.append(
            [
                obj.pk,
                obj.updated_at.isoformat(),
                shot.title,
                shot.byline,
                shot.credit,
                shot.picture.name if shot.picture else "",
                shot.picture_checksum,
                shot.description.pk if shot.description else None,
                _speech_key(shot.narration_text, voice) if shot.narration_text else "",
            ]
        )
    return hashlib.sha256(json.dumps(shape, ensure_ascii=False).encode()).hexdigest()


def film_languages() -> list[str]:
    """The languages films are made in: those the descriptions are spoken in."""
    return list(settings.DESCRIPTIONS_VOICES)
