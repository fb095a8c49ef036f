"""Building an exhibition's narrated film: streams, length, captions, approved words only."""

from pathlib import Path

import pytest

from descriptions.models import SpeechAudio
from films.formats import (
    CREDITS_LINE_SECONDS,
    CREDITS_PAGE_SECONDS,
    LEAD_IN_SECONDS,
    PAUSE_AFTER_SECONDS,
    SILENT_HOLD_SECONDS,
    TITLE_MIN_SECONDS,
)
from films.models import FilmStatus
from films.services import film_build
from tests.films.filming import (
    DRAFT,
    HARBOUR,
    VASE,
    ffprobe,
    film_sound,
    loudness,
    subtitle_text,
    tiny_exhibition,
    vtt_cues,
)

pytestmark = pytest.mark.django_db


def _spoken_seconds(text: str) -> float:
    return SpeechAudio.objects.get(text=text).duration_seconds


def test_the_film_of_two_objects_is_h264_aac_with_captions_timed_to_the_narration() -> None:
    tiny = tiny_exhibition()
    outcome = film_build(exhibition=tiny.exhibition, language="en")
    film = outcome.film
    assert film is not None and film.status == FilmStatus.READY, outcome.message
    video = Path(film.video.path)
    facts = ffprobe(video)
    streams = {stream["codec_type"]: stream for stream in facts["streams"]}
    assert streams["video"]["codec_name"] == "h264"
    assert streams["video"]["pix_fmt"] == "yuv420p"
    assert (streams["video"]["width"], streams["video"]["height"]) == (320, 180)
    assert streams["audio"]["codec_name"] == "aac"
    assert streams["subtitle"]["codec_name"] == "mov_text"
    assert streams["subtitle"]["tags"]["language"] == "eng"
    assert streams["audio"]["tags"]["language"] == "eng"
    # faststart: the index comes before the media, so a browser plays while loading.
    head = video.read_bytes()
    assert head.index(b"moov") < head.index(b"mdat")
    assert film.object_count == 2 and film.narrated_count == 2

    # The length: the title card, each narration with its lead-in and pause, the credits,
    # each rounded up to whole frames (a tenth of a second here).
    intro = SpeechAudio.objects.exclude(text__in=[HARBOUR, VASE]).get()
    parts = [
        max(TITLE_MIN_SECONDS, LEAD_IN_SECONDS + intro.duration_seconds + PAUSE_AFTER_SECONDS),
        LEAD_IN_SECONDS + _spoken_seconds(HARBOUR) + PAUSE_AFTER_SECONDS,
        LEAD_IN_SECONDS + _spoken_seconds(VASE) + PAUSE_AFTER_SECONDS,
        CREDITS_PAGE_SECONDS + 2 * CREDITS_LINE_SECONDS,
    ]
    assert sum(parts) <= film.duration_seconds <= sum(parts) + len(parts) * 0.1 + 0.1
    assert float(facts["format"]["duration"]) == pytest.approx(film.duration_seconds, abs=0.01)
    for stream in (streams["video"], streams["audio"]):
        assert float(stream["duration"]) == pytest.approx(film.duration_seconds, abs=0.1)

    # Captions: the approved sentences, in the exhibition's order, inside the film.
    cues = vtt_cues(Path(film.captions.path).read_text(encoding="utf-8"))
    texts = [text for _, _, text in cues]
    assert "A calm harbour at dusk, seen from the quay." in texts
    assert "The dragon coils around the neck." in texts
    assert any("approved by the museum's curators" in text for text in texts)
    for start, end, _ in cues:
        assert 0 <= start < end <= film.duration_seconds
    starts = [start for start, _, _ in cues]
    assert starts == sorted(starts)
    assert texts.index("A calm harbour at dusk, seen from the quay.") < texts.index(
        "A blue and white vase with a dragon."
    )
    # The harbour's first sentence is spoken where its caption says: after the title card
    # and the lead-in.
    harbour_cue = cues[texts.index("A calm harbour at dusk, seen from the quay.")]
    assert harbour_cue[0] == pytest.approx(parts[0] + LEAD_IN_SECONDS, abs=0.11)
    # The sound is there: speech where the harbour's caption is, silence under the credits.
    sound = film_sound(video)
    assert loudness(sound, harbour_cue[0], harbour_cue[1]) > 300
    assert loudness(sound, film.duration_seconds - 2, film.duration_seconds) < 30
    # The MP4 carries the same captions.
    embedded = subtitle_text(video)
    assert "A calm harbour at dusk, seen from the quay." in embedded
    assert "The dragon coils around the neck." in embedded


def test_a_draft_description_is_never_spoken_nor_captioned() -> None:
    tiny = tiny_exhibition(approve_vase=False)
    film = film_build(exhibition=tiny.exhibition, language="en").film
    assert film is not None and film.status == FilmStatus.READY
    assert (film.object_count, film.narrated_count) == (2, 1)
    assert DRAFT not in Path(film.captions.path).read_text(encoding="utf-8")
    assert "lighthouse" not in subtitle_text(Path(film.video.path))
    assert not SpeechAudio.objects.filter(text__contains="lighthouse").exists()
    # The vase is still in the film, held in silence under its title.
    intro = SpeechAudio.objects.exclude(text=HARBOUR).get()
    spoken = max(TITLE_MIN_SECONDS, LEAD_IN_SECONDS + intro.duration_seconds + PAUSE_AFTER_SECONDS)
    spoken += LEAD_IN_SECONDS + _spoken_seconds(HARBOUR) + PAUSE_AFTER_SECONDS
    expected = spoken + SILENT_HOLD_SECONDS + CREDITS_PAGE_SECONDS + 2 * CREDITS_LINE_SECONDS
    assert film.duration_seconds == pytest.approx(expected, abs=0.5)


def test_no_film_is_made_when_nothing_in_that_language_is_approved() -> None:
    tiny = tiny_exhibition()
    outcome = film_build(exhibition=tiny.exhibition, language="fr")
    assert outcome.film is None and "approved" in outcome.message
    assert not tiny.exhibition.films.exists()


def test_a_current_film_is_kept_and_a_change_makes_it_rebuild() -> None:
    tiny = tiny_exhibition()
    first = film_build(exhibition=tiny.exhibition, language="en").film
    assert first is not None
    old_video = Path(first.video.path)
    again = film_build(exhibition=tiny.exhibition, language="en")
    assert again.message.startswith("already") and again.film is not None
    assert again.film.version_key == first.version_key

    tiny.harbour_text.long_text = "A stormy harbour at night. Waves break on the quay."
    tiny.harbour_text.save()
    rebuilt = film_build(exhibition=tiny.exhibition, language="en").film
    assert rebuilt is not None and rebuilt.status == FilmStatus.READY
    assert rebuilt.version_key != first.version_key
    assert "Waves break on the quay." in Path(rebuilt.captions.path).read_text(encoding="utf-8")
    assert not old_video.exists()  # the stale film's files are gone


def test_an_ffmpeg_failure_is_recorded_on_the_film_not_raised(settings: object) -> None:
    tiny = tiny_exhibition()
    settings.FILMS_FFMPEG = "/bin/false"  # type: ignore[attr-defined]
    outcome = film_build(exhibition=tiny.exhibition, language="en")
    assert outcome.failed and outcome.film is not None
    assert outcome.film.status == FilmStatus.FAILED
    assert "ffmpeg failed" in outcome.film.error
    assert not outcome.film.video


def test_a_missing_ffmpeg_says_how_to_install_it(settings: object) -> None:
    tiny = tiny_exhibition()
    settings.FILMS_FFMPEG = "/nonexistent/ffmpeg"  # type: ignore[attr-defined]
    outcome = film_build(exhibition=tiny.exhibition, language="en")
    assert outcome.failed and "make ffmpeg" in outcome.message
