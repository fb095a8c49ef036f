"""The film's captions: each narrated sentence, timed where it is spoken in the film.

The cues are the speech's own (one per sentence, timed from the synthesis), moved to the
film's clock; the WebVTT is written by the descriptions app's ``webvtt``, so the film and
the "Listen" panel caption alike. The same file becomes the MP4's subtitle track.
"""

from descriptions.speech.cues import Cue, webvtt
from films.timeline import Timeline


def film_cues(timeline: Timeline) -> list[Cue]:
    film = timeline.film
    cues: list[Cue] = []
    for segment, start in zip(timeline.segments, timeline.start_frames(), strict=True):
        if segment.narration is None:
            continue
        offset = film.seconds(start) + segment.narration_at
        end_of_segment = film.seconds(start + segment.frames)
        for cue in segment.narration.cues:
            cues.append(
                {
                    "start": round(offset + cue["start"], 3),
                    "end": round(min(offset + cue["end"], end_of_segment), 3),
                    "text": cue["text"],
                }
            )
    return cues


def film_webvtt(timeline: Timeline) -> str:
    return webvtt(film_cues(timeline))
