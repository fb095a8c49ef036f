from descriptions.speech.cues import cues_from_lengths, webvtt


def test_cues_follow_each_other_from_the_samples_each_sentence_took() -> None:
    cues = cues_from_lengths(["First.", "Second."], [22050, 11025], 22050)
    assert cues == [
        {"start": 0.0, "end": 1.0, "text": "First."},
        {"start": 1.0, "end": 1.5, "text": "Second."},
    ]


def test_webvtt_has_the_header_and_one_timed_block_per_cue() -> None:
    vtt = webvtt([{"start": 0.0, "end": 61.25, "text": "A harbour."}])
    assert vtt == "WEBVTT\n\n1\n00:00:00.000 --> 00:01:01.250\nA harbour.\n"


def test_cue_text_cannot_end_the_cue_or_inject_markup() -> None:
    vtt = webvtt([{"start": 0, "end": 1, "text": "a --> b\n\n<b>c</b> & d"}])
    body = vtt.split("\n", 4)[4]
    assert "-->" not in body and "\n\n" not in body.rstrip("\n")
    assert "<b>" not in body and "&amp; d" in body
