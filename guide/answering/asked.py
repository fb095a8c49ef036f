"""One question as the answering steps see it: its words, intent, mentions and subject."""

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from guide.answering.intents import WORD_FORMS, WORDS_OF_INTENT
from guide.answering.linking import Mentions
from guide.answering.passages import encode_question
from guide.answering.records import Catalogue, GuideRecord
from guide.answering.text import stem, word_set, words
from guide.answers import AnswerSentence, Citation

# Question words that say how to answer, not what about: never "focus" words.
_QUESTION_VERBS = frozenset(
    stem(w)
    for w in word_set(
        """happen happening going show shows depict about kind sort made make paint painted drew
        draw created create called name named mean means meaning tell know see look doing did
        does is are was were be this that it its there here then please exactly picture photo
        image painting work piece object one happening else photograph artwork art statue
        sculpture print drawing scan version thing portrait taken take took photographed
        drawn built carved printed produced completed finished sculpted engraved designed"""
    )
)


@dataclass
class AskedQuestion:
    text: str
    intent: str
    catalogue: Catalogue
    mentions: Mentions
    subject: GuideRecord | None
    agent_slug: str | None
    named_stems: frozenset[str] = field(default=frozenset())  # the subject's title, if named
    derived_numbers: frozenset[int] = field(default=frozenset())

    @cached_property
    def folded(self) -> str:
        return " ".join(words(self.text))

    @cached_property
    def vector(self) -> np.ndarray:
        return encode_question(self.text)

    @cached_property
    def _intent_words(self) -> frozenset[str]:
        """The words that made this question's intent: "born" in "when was X born"."""
        return WORDS_OF_INTENT.get(self.intent, frozenset()) | WORD_FORMS

    @cached_property
    def focus(self) -> list[str]:
        """The stems of the words the answer must speak to ("apostles", "eat", "woman").

        Words that say what kind of question it is, or name the object asked about, are not
        focus words: "who is the woman in the portrait" must be answered about a woman.
        """
        return [w for w in self.topic if w not in self.named_stems]

    @cached_property
    def topic(self) -> list[str]:
        """The question's own subject words, title words included ("lincoln")."""
        return [
            stem(w)
            for w in self.mentions.leftover
            if stem(w) not in _QUESTION_VERBS
            and w not in self._intent_words
            and stem(w) not in self._intent_words
            and not w.isdigit()
        ]


def cited(record: GuideRecord, field_name: str, span: str, text: str) -> AnswerSentence:
    return AnswerSentence(text, Citation(record.slug, record.title, field_name, span, record.url))
