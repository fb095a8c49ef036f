"""Text to speak, cut into sentences: each is synthesised alone and gets its own caption.

Very long text is split at sentence boundaries; a sentence too long to caption (a list run
together with commas, a pasted paragraph with no full stop) is cut again at a clause
boundary, then between words. The whole text is bounded: past ``MAX_TEXT_CHARS`` only the
sentences that fit are spoken (a description is at most 250 words, about 1,600 characters).
"""

import re

MAX_TEXT_CHARS = 8_000
MAX_SENTENCE_CHARS = 300

# Words that end with a full stop without ending the sentence: "c. 1503", "St. Ives",
# "fig. 2", "No. 5", "e.g. oil"; single capitals are initials ("J. M. W. Turner").
_ABBREVIATIONS = frozenset(
    [
        "c",
        "ca",
        "cf",
        "fig",
        "figs",
        "no",
        "nos",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "vol",
        "vols",
        "ed",
        "eds",
        "approx",
        "inc",
        "ltd",
        "jr",
        "sr",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cm",
        "mm",
        "ft",
        "ill",
        "pl",
    ]
)
_BOUNDARY = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"'”’)\]])\s+")
_CLAUSE = re.compile(r"(?<=[;:,—])\s+")
_SPACE = re.compile(r"\s+")


def _ends_sentence(piece: str) -> bool:
    last_word = piece.rstrip("\"'”’)]").rsplit(maxsplit=1)[-1].rstrip(".").lower()
    if len(last_word) == 1 and last_word.isalpha():
        return False  # an initial
    return last_word not in _ABBREVIATIONS


def _cut_long(sentence: str) -> list[str]:
    """A sentence over MAX_SENTENCE_CHARS cut at clauses, then between words."""
    pieces: list[str] = []
    current = ""
    for part in _CLAUSE.split(sentence):
        words = part.split(" ") if len(part) > MAX_SENTENCE_CHARS else [part]
        for word in words:
            word = word[:MAX_SENTENCE_CHARS]  # one unbroken "word" longer than a caption
            joined = f"{current} {word}" if current else word
            if len(joined) > MAX_SENTENCE_CHARS:
                pieces.append(current)
                joined = word
            current = joined
    if current:
        pieces.append(current)
    return pieces


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, whitespace tidied, none empty or over-long."""
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return []
    sentences: list[str] = []
    pending = ""
    for piece in _BOUNDARY.split(text):
        pending = f"{pending} {piece}" if pending else piece
        if _ends_sentence(pending):
            sentences.append(pending)
            pending = ""
    if pending:
        sentences.append(pending)
    cut: list[str] = []
    for sentence in sentences:
        cut.extend(_cut_long(sentence) if len(sentence) > MAX_SENTENCE_CHARS else [sentence])
    return [sentence for sentence in cut if sentence.strip()]


def bounded_sentences(text: str) -> tuple[list[str], bool]:
    """The sentences to speak and whether some were left off to stay within MAX_TEXT_CHARS."""
    kept: list[str] = []
    total = 0
    sentences = split_sentences(text[: MAX_TEXT_CHARS * 2])
    for sentence in sentences:
        total += len(sentence) + 1
        if total > MAX_TEXT_CHARS:
            return kept, True
        kept.append(sentence)
    return kept, len(text) > MAX_TEXT_CHARS * 2
