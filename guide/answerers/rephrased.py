"""Grounded answers, reworded by an OpenAI-compatible chat model — never beyond the records.

The grounded answerer composes the answer; this one only asks the chat endpoint
(``GUIDE_LLM_URL``) to reword each cited sentence for a visitor from that sentence's own
cited span. A rewording keeps the sentence's citation and must pass the same containment
check as every answer sentence (``guide.answering.containment``); one that adds a fact,
runs to more than one sentence, or does not come back in time is dropped and the grounded
sentence stays. An abstention is returned as it is: the model is never asked to fill a gap.
The whole answer has one time budget (``GUIDE_LLM_TIMEOUT_SECONDS``); after a failure the
endpoint is not asked again for the same answer.
"""

import dataclasses
import time

from django.conf import settings

from guide.answerers.base import Answerer
from guide.answerers.grounded import GroundedAnswerer
from guide.answerers.llm_client import ChatEndpoint, ChatError
from guide.answering.containment import is_contained
from guide.answering.text import split_sentences
from guide.answers import Answer, AnswerSentence, Conversation

SYSTEM_PROMPT = (
    "You rephrase museum record text for a museum visitor. Use only the given passage. "
    "Reply with exactly one plain sentence and nothing else. Add no new facts: no names, "
    "dates, numbers, places, materials or opinions that are not in the passage."
)
MAX_SENTENCE_CHARS = 400
_QUOTES = "\"'“”‘’«»"


class RephrasedAnswerer(Answerer):
    name = "rephrased"
    version = "1"

    def __init__(self, grounded: Answerer | None = None) -> None:
        self.grounded = grounded if grounded is not None else GroundedAnswerer()
        # The provenance names the chat model as well as this answerer.
        model = settings.GUIDE_LLM_MODEL or "unnamed model"
        self.version = f"{type(self).version} ({model})"[:100]

    def answer(self, question: str, conversation: Conversation) -> Answer:
        answer = self.grounded.answer(question, conversation)
        if answer.abstained or not answer.sentences or not settings.GUIDE_LLM_URL:
            return answer
        endpoint = ChatEndpoint(
            base_url=settings.GUIDE_LLM_URL,
            model=settings.GUIDE_LLM_MODEL,
            timeout_seconds=float(settings.GUIDE_LLM_TIMEOUT_SECONDS),
        )
        deadline = time.monotonic() + endpoint.timeout_seconds
        sentences: list[AnswerSentence] = []
        reachable = True
        for sentence in answer.sentences:
            left = deadline - time.monotonic()
            reworded = None
            if reachable and left > 0:
                try:
                    reworded = self._reword(
                        dataclasses.replace(endpoint, timeout_seconds=left), sentence, question
                    )
                except ChatError:
                    reachable = False  # do not wait on a failing endpoint once per sentence
            sentences.append(sentence if reworded is None else reworded)
        return dataclasses.replace(answer, sentences=tuple(sentences))

    def _reword(
        self, endpoint: ChatEndpoint, sentence: AnswerSentence, question: str
    ) -> AnswerSentence | None:
        """The rewording of one sentence from its span, or None when it fails the checks."""
        citation = sentence.citation
        reply = endpoint.complete(
            system=SYSTEM_PROMPT,
            user=(
                f"Visitor's question: {question}\n"
                f"Passage: {citation.span}\n"
                f"Sentence to rephrase: {sentence.text}"
            ),
        )
        text = " ".join(reply.split()).strip(_QUOTES + " ")
        if not text or len(text) > MAX_SENTENCE_CHARS or len(split_sentences(text)) != 1:
            return None
        if not is_contained(text, citation.span, question=question, title=citation.object_title):
            return None
        return AnswerSentence(text=text, citation=citation)
