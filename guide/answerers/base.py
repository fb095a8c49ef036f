"""The answerer interface: a question and its conversation in, a cited answer out."""

from abc import ABC, abstractmethod

from guide.answers import Answer, Conversation


class Answerer(ABC):
    name: str
    version: str

    @abstractmethod
    def answer(self, question: str, conversation: Conversation) -> Answer:
        """Answer from the public records only; update ``conversation.about``.

        Synchronous and reads the database: the consumer runs it off the event loop.
        """
