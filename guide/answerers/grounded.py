"""The default answerer: answers composed from the public records, every sentence cited."""

from guide.answerers.base import Answerer
from guide.answering.respond import answer_from_records
from guide.answers import Answer, Conversation


class GroundedAnswerer(Answerer):
    name = "grounded"
    version = "1.0"

    def answer(self, question: str, conversation: Conversation) -> Answer:
        return answer_from_records(question, conversation)
