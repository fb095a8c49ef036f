"""eSpeak NG driven through ctypes: text in, 16-bit mono PCM out.

The library comes with ``espeakng-loader`` (its ``.so`` and voice data). It keeps one
global synthesiser per process and is not thread-safe, so it is initialised lazily, once,
and every call into it holds one lock. eSpeak is far faster than real time, so a request
may synthesise a short description itself while a background task does the rest.
"""

import ctypes
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

ENGINE_NAME = "espeak-ng"
AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
POS_CHARACTER = 1
ESPEAK_RATE = 1
ESPEAK_PITCH = 3
EE_OK = 0
# eSpeak's own bounds; values outside are clamped rather than refused.
MIN_RATE_WPM, MAX_RATE_WPM = 80, 450
MIN_PITCH, MAX_PITCH = 0, 99

# int callback(short *wav, int numsamples, espeak_EVENT *events): 0 to go on.
_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class _VoiceProperties(ctypes.Structure):
    # espeak_VOICE, as espeak_SetVoiceByProperties reads it.
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


class SpeechEngineError(RuntimeError):
    """eSpeak could not be loaded or refused a call."""


@dataclass(frozen=True)
class Voice:
    name: str
    rate_wpm: int
    pitch: int


class _Espeak:
    def __init__(self) -> None:
        import espeakng_loader  # loaded here: only processes that speak pay for it

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self._declare()
        # espeak_Initialize wants the folder that holds "espeak-ng-data", not that folder.
        data_path = str(Path(espeakng_loader.get_data_path()).parent).encode()
        rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data_path, 0)
        if rate <= 0:
            raise SpeechEngineError("eSpeak NG did not initialise (no voice data?)")
        self.sample_rate: int = rate
        self._chunks: list[bytes] = []
        # Kept on the instance: ctypes must keep the callback alive as long as eSpeak holds it.
        self._callback = _SynthCallback(self._collect)
        self.lib.espeak_SetSynthCallback(self._callback)
        self._voice: Voice | None = None

    def _declare(self) -> None:
        lib = self.lib
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_SynthCallback]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetVoiceByProperties.argtypes = [ctypes.POINTER(_VoiceProperties)]
        lib.espeak_SetVoiceByProperties.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.POINTER(ctypes.c_uint),
            ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        lib.espeak_Synchronize.argtypes = []
        lib.espeak_Synchronize.restype = ctypes.c_int

    def _collect(
        self, wav: "ctypes._Pointer[ctypes.c_short]", count: int, _events: int | None
    ) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def select_voice(self, name: str) -> bool:
        """Select a voice by language tag ("en-gb", the settings' form) or by voice name."""
        wanted = _VoiceProperties(languages=name.encode())
        if self.lib.espeak_SetVoiceByProperties(ctypes.byref(wanted)) == EE_OK:
            return True
        return self.lib.espeak_SetVoiceByName(name.encode()) == EE_OK

    def use(self, voice: Voice) -> None:
        if voice == self._voice:
            return
        if not self.select_voice(voice.name):
            raise SpeechEngineError(f"eSpeak NG has no voice {voice.name!r}")
        rate = min(max(voice.rate_wpm, MIN_RATE_WPM), MAX_RATE_WPM)
        pitch = min(max(voice.pitch, MIN_PITCH), MAX_PITCH)
        self.lib.espeak_SetParameter(ESPEAK_RATE, rate, 0)
        self.lib.espeak_SetParameter(ESPEAK_PITCH, pitch, 0)
        self._voice = voice

    def synthesise(self, text: str) -> bytes:
        encoded = text.encode("utf-8") + b"\0"
        self._chunks = []
        status = self.lib.espeak_Synth(
            encoded, len(encoded), 0, POS_CHARACTER, 0, ESPEAK_CHARS_UTF8, None, None
        )
        self.lib.espeak_Synchronize()
        if status != EE_OK:
            raise SpeechEngineError(f"eSpeak NG refused the text (error {status})")
        pcm = b"".join(self._chunks)
        self._chunks = []
        return pcm


_lock = threading.Lock()
_engine: _Espeak | None = None


def _loaded() -> _Espeak:
    # Callers hold _lock.
    global _engine
    if _engine is None:
        _engine = _Espeak()
    return _engine


def sample_rate() -> int:
    """Samples per second of everything the engine produces (22050 for eSpeak NG)."""
    with _lock:
        return _loaded().sample_rate


def voice_exists(name: str) -> bool:
    with _lock:
        engine = _loaded()
        found = engine.select_voice(name)
        engine._voice = None  # the current voice may have changed either way
        return found


def synthesise_sentences(sentences: list[str], voice: Voice) -> list[npt.NDArray[np.int16]]:
    """Each sentence spoken separately (so its start and end are known exactly), as PCM."""
    with _lock:
        engine = _loaded()
        engine.use(voice)
        return [np.frombuffer(engine.synthesise(s), dtype=np.int16) for s in sentences]
