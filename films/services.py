"""Building an exhibition's narrated film, and asking for builds in the background.

``film_build`` makes the film of one exhibition in one language from its current content
and stores it under MEDIA_ROOT/films/ (``ExhibitionFilm``); a film already built from the
same content is kept unless forced. A build that fails (ffmpeg's error, an unreadable
picture, the time or size limit) is recorded on the film with its reason, for curators,
and raises nothing: the admin action and the command report it, a visitor sees no film.
"""

import logging
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from exhibition.models import Exhibition
from exhibition.page_cache import collection_changed
from films.captions import film_webvtt
from films.ffmpeg import FilmBuildError, probe
from films.formats import film_format
from films.models import ExhibitionFilm, FilmStatus
from films.pictures import PictureError
from films.render import Deadline, render_film
from films.soundtrack import write_soundtrack
from films.storyboard import Storyboard, film_languages, film_storyboard, film_version_key
from films.timeline import Timeline, film_timeline

logger = logging.getLogger(__name__)

POSTER_QUALITY = 85


@dataclass(frozen=True)
class FilmOutcome:
    """What a build request came to, in words a curator reads."""

    language: str
    film: ExhibitionFilm | None
    message: str
    failed: bool = False


def _claim(exhibition: Exhibition, language: str, key: str, force: bool) -> ExhibitionFilm | None:
    """Mark the film as building ``key``; None when it is already built or being built."""
    stale_after = timedelta(seconds=int(settings.FILMS_BUILD_TIMEOUT_SECONDS) + 60)
    with transaction.atomic():
        film, _ = ExhibitionFilm.objects.select_for_update().get_or_create(
            exhibition=exhibition, language=language
        )
        same = film.version_key == key
        if same and not force and film.status == FilmStatus.READY and film.video:
            return None
        started = film.started_at
        building = same and film.status == FilmStatus.BUILDING
        if building and started is not None and started > timezone.now() - stale_after:
            return None  # another build is on it
        film.status, film.version_key = FilmStatus.BUILDING, key
        film.started_at, film.error = timezone.now(), ""
        film.save(update_fields=["status", "version_key", "started_at", "error"])
        # The page may show this film's old version: it is not served while building.
        collection_changed()
    return film


def _stored_name(film: ExhibitionFilm, key: str, suffix: str) -> str:
    return f"{film.exhibition.slug}/{film.language}-{key[:16]}{suffix}"


def _store(film: ExhibitionFilm, key: str, work: Path, timeline: Timeline) -> None:
    """Move the built files into storage and the film's row; the old files go."""
    video = work / "film.mp4"
    facts = probe(video)
    duration = float(facts.get("format", {}).get("duration") or 0)
    kinds = sorted(stream.get("codec_name", "") for stream in facts.get("streams", []))
    if kinds != ["aac", "h264", "mov_text"]:
        raise FilmBuildError(f"The film has the wrong streams: {', '.join(kinds)}.")
    old = [field.name for field in (film.video, film.captions, film.poster) if field]
    with video.open("rb") as handle:
        film.video.save(_stored_name(film, key, ".mp4"), File(handle), save=False)
    with (work / "captions.vtt").open("rb") as handle:
        film.captions.save(_stored_name(film, key, ".vtt"), File(handle), save=False)
    with (work / "poster.jpg").open("rb") as handle:
        film.poster.save(_stored_name(film, key, ".jpg"), File(handle), save=False)
    film.duration_seconds = round(duration, 3)
    film.size_bytes = video.stat().st_size
    film.object_count = len(timeline.shown)
    film.narrated_count = sum(1 for shot in timeline.shown if shot.narration_text)
    film.left_out_count = timeline.left_out
    for name in old:
        if name not in {film.video.name, film.captions.name, film.poster.name}:
            film.video.storage.delete(name)


def _render(storyboard: Storyboard, work: Path) -> Timeline:
    deadline = Deadline.starting_now()
    timeline = film_timeline(storyboard, film_format(), work)
    write_soundtrack(timeline, work / "soundtrack.wav")
    (work / "captions.vtt").write_text(film_webvtt(timeline), encoding="utf-8")
    _poster(timeline.segments[0].still, work / "poster.jpg")
    render_film(
        timeline,
        work=work,
        soundtrack=work / "soundtrack.wav",
        captions=work / "captions.vtt",
        output=work / "film.mp4",
        language=storyboard.language,
        title=storyboard.exhibition.title,
        deadline=deadline,
    )
    return timeline


def _poster(still: Path, output: Path) -> None:
    """The title card, as the still a player shows before the film starts."""
    from PIL import Image

    with Image.open(still) as card:
        card.convert("RGB").save(output, format="JPEG", quality=POSTER_QUALITY)


def _failed(film: ExhibitionFilm, reason: str) -> None:
    film.status, film.error = FilmStatus.FAILED, reason[:4_000]
    film.save(update_fields=["status", "error"])


def film_build(*, exhibition: Exhibition, language: str, force: bool = False) -> FilmOutcome:
    """Build the film of ``exhibition`` in ``language`` unless it is current already."""
    storyboard = film_storyboard(exhibition=exhibition, language=language)
    if not storyboard.narrated_count:
        return FilmOutcome(language, None, "no object has an approved description to narrate")
    key = film_version_key(storyboard)
    film = _claim(exhibition, language, key, force)
    if film is None:
        current = ExhibitionFilm.objects.get(exhibition=exhibition, language=language)
        return FilmOutcome(language, current, f"already {current.get_status_display().lower()}")
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="vitrine-film-") as folder:
            timeline = _render(storyboard, Path(folder))
            _store(film, key, Path(folder), timeline)
    except (FilmBuildError, PictureError, OSError) as error:
        _failed(film, str(error))
        return FilmOutcome(language, film, f"failed: {error}", failed=True)
    except Exception as error:  # a bug must not leave the film "building" for ever
        logger.exception("Film build of %s (%s) failed", exhibition.slug, language)
        _failed(film, f"unexpected error: {type(error).__name__}: {error}")
        return FilmOutcome(language, film, f"failed: {type(error).__name__}", failed=True)
    film.status, film.built_at = FilmStatus.READY, timezone.now()
    film.build_seconds = round(time.perf_counter() - started, 1)
    film.save()
    collection_changed()  # the exhibition page now shows the film
    return FilmOutcome(language, film, f"built in {film.build_seconds:.0f} s")


def films_build(*, exhibition: Exhibition, force: bool = False) -> list[FilmOutcome]:
    """The exhibition's film in every language that has a voice."""
    return [
        film_build(exhibition=exhibition, language=language, force=force)
        for language in film_languages()
    ]
