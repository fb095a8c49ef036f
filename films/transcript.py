"""The film's words as text beside the player: what the title card says, then each object's
title and the approved description that is read over its picture.

It is built from the same storyboard as the film (``films.storyboard``), so it holds the
film's words and nothing else: a draft is never in it, and an object shown in silence
appears by its title alone.
"""

from dataclasses import dataclass

from films.storyboard import Storyboard


@dataclass(frozen=True)
class TranscriptPart:
    title: str
    # The title's own language where the record has no title in the film's language
    # (a French voice must read an English title as English); "" otherwise.
    title_language: str
    spoken: str  # the description read aloud; "" for an object shown in silence


def film_transcript(storyboard: Storyboard) -> list[TranscriptPart]:
    parts = []
    for shot in storyboard.shots:
        text = shot.collection_object.text_in(storyboard.language)
        parts.append(
            TranscriptPart(
                title=shot.title,
                title_language=text.title_language if text.title_fell_back else "",
                spoken=shot.narration_text,
            )
        )
    return parts
