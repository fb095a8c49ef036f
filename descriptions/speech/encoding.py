"""PCM to the files browsers play: Ogg/Opus for all current browsers, MP3 for the rest.

``soundfile`` bundles libsndfile with both encoders. Opus only takes 8, 12, 16, 24 or
48 kHz, so eSpeak's 22,050 Hz is resampled to 24 kHz first (upsampling by linear
interpolation: speech has nothing above 11 kHz to alias). MP3 takes 22,050 Hz as it is.
"""

import io

import numpy as np
import numpy.typing as npt

# Part of the speech cache key: changing how audio is encoded makes every file anew.
ENCODER_VERSION = "opus24k-mp3-1"
OPUS_RATE = 24_000


def _resampled(pcm: npt.NDArray[np.int16], rate: int, target: int) -> npt.NDArray[np.int16]:
    if rate == target or pcm.size == 0:
        return pcm
    count = max(1, round(pcm.size * target / rate))
    positions = np.arange(count) * (rate / target)
    values = np.interp(positions, np.arange(pcm.size), pcm.astype(np.float32))
    return values.round().astype(np.int16)


def _encoded(pcm: npt.NDArray[np.int16], rate: int, audio_format: str, subtype: str) -> bytes:
    import soundfile  # loaded on first use: only processes that encode pay for libsndfile

    buffer = io.BytesIO()
    soundfile.write(buffer, pcm, rate, format=audio_format, subtype=subtype)
    return buffer.getvalue()


def mp3_supported() -> bool:
    import soundfile

    return "MPEG_LAYER_III" in soundfile.available_subtypes("MP3")


def encode_ogg_opus(pcm: npt.NDArray[np.int16], rate: int) -> bytes:
    return _encoded(_resampled(pcm, rate, OPUS_RATE), OPUS_RATE, "OGG", "OPUS")


def encode_mp3(pcm: npt.NDArray[np.int16], rate: int) -> bytes:
    return _encoded(pcm, rate, "MP3", "MPEG_LAYER_III")
