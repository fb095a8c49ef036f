"""The real eSpeak NG library, through ctypes."""

import threading

import numpy as np

from descriptions.speech import engine

ENGLISH = engine.Voice("en-gb", 160, 50)


def test_the_engine_speaks_at_22050_hz() -> None:
    assert engine.sample_rate() == 22050


def test_a_sentence_becomes_audible_speech_of_a_plausible_length() -> None:
    [pcm] = engine.synthesise_sentences(["A calm harbour at dusk, seen from the quay."], ENGLISH)
    seconds = pcm.size / engine.sample_rate()
    assert 1.5 < seconds < 6  # nine words at 160 words a minute, with pauses
    assert np.abs(pcm.astype(np.int32)).max() > 1000  # not silence


def test_a_faster_rate_speaks_the_same_words_in_less_time() -> None:
    text = ["In the foreground two fishing boats rest on the water."]
    [slow] = engine.synthesise_sentences(text, engine.Voice("en-gb", 120, 50))
    [fast] = engine.synthesise_sentences(text, engine.Voice("en-gb", 300, 50))
    assert fast.size < slow.size * 0.6


def test_french_has_a_voice_and_an_unknown_language_has_none() -> None:
    assert engine.voice_exists("fr-fr")
    assert not engine.voice_exists("xx-nowhere")


def test_threads_speaking_at_once_each_get_their_own_audio() -> None:
    results: dict[int, int] = {}

    def speak(index: int) -> None:
        words = ["One short sentence."] if index % 2 else ["A much longer sentence than that one."]
        [pcm] = engine.synthesise_sentences(words, ENGLISH)
        results[index] = pcm.size

    threads = [threading.Thread(target=speak, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    short = [results[i] for i in (1, 3, 5)]
    long = [results[i] for i in (0, 2, 4)]
    # The same words give the same length (to a few milliseconds of carried-over state), never
    # another thread's audio mixed in.
    assert max(short) < min(short) * 1.02 and max(long) < min(long) * 1.02
    assert max(short) < min(long) * 0.8
