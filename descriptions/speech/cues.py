"""Per-sentence timings and the WebVTT captions made from them."""

from typing import TypedDict


class Cue(TypedDict):
    start: float
    end: float
    text: str


def cues_from_lengths(sentences: list[str], sample_counts: list[int], rate: int) -> list[Cue]:
    """One cue per sentence, back to back, from how many samples each sentence took."""
    cues: list[Cue] = []
    position = 0
    for sentence, count in zip(sentences, sample_counts, strict=True):
        start = position / rate
        position += count
        cues.append({"start": round(start, 3), "end": round(position / rate, 3), "text": sentence})
    return cues


def _timestamp(seconds: float) -> str:
    millis = max(0, round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _caption_text(text: str) -> str:
    # A cue's text ends at a blank line and may not hold "-->"; "<" and "&" start markup.
    text = " ".join(text.split()).replace("-->", "→")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def webvtt(cues: list[Cue]) -> str:
    """A WebVTT file with the cues in order, numbered from 1."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        blocks.append(
            f"{number}\n{_timestamp(cue['start'])} --> {_timestamp(cue['end'])}\n"
            f"{_caption_text(cue['text'])}"
        )
    return "\n\n".join(blocks) + "\n"
