"""Asking the guide: the one path every surface (WebSocket, no-JavaScript page) goes through.

Every answer is recorded for curator review (guide/services/answer_log.py): the question,
its intent, sources and confidence as machine output, and the question for the gaps
report. Only the visitor's words are kept, never who asked.
"""

from guide.answerers import get_answerer
from guide.answers import Answer, Conversation
from guide.services.answer_log import guide_answer_record


def ask_guide(*, question: str, conversation: Conversation, channel: str) -> Answer:
    """Answer ``question`` in ``conversation``; ``channel`` names the surface ("websocket",
    "page", "kiosk") for the curators' report."""
    answerer = get_answerer()
    answer = answerer.answer(question, conversation)
    # The object the conversation is about once answered: an abstention cites nothing, yet
    # the report should say which object's record the visitor found wanting.
    guide_answer_record(
        answer=answer,
        channel=channel,
        engine=answerer.name,
        engine_version=answerer.version,
        about=answer.about or conversation.about or conversation.page_object,
    )
    return answer
