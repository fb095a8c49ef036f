"""Practical questions (opening hours, shop, café…) answered only from what the museum
filled in (``settings.GUIDE_MUSEUM_INFORMATION``: topic -> text). Nothing filled in,
nothing said: the guide never invents a museum."""

from django.conf import settings
from django.urls import reverse

from guide.answering.text import stem, words
from guide.answers import AnswerSentence, Citation

# Words that point at a topic a museum may fill in; the topic names are the settings' keys.
_TOPIC_WORDS = {
    "opening hours": "open opening close closing closed hours time today tomorrow late",
    "tickets": "ticket tickets admission price prices entry fee cost free",
    "shop": "shop gift poster postcard book souvenir buy",
    "café": "cafe coffee restaurant eat drink lunch food",
    "accessibility": "wheelchair lift elevator step access accessible buggy stroller",
    "facilities": "toilet toilets restroom bathroom cloakroom locker wifi",
    "address": "address where directions get there parking bus train",
}


def practical(question: str) -> list[AnswerSentence]:
    information: dict[str, str] = getattr(settings, "GUIDE_MUSEUM_INFORMATION", {}) or {}
    asked = {stem(w) for w in words(question)}
    for topic, topic_words in _TOPIC_WORDS.items():
        text = information.get(topic, "").strip()
        if text and asked & {stem(w) for w in topic_words.split()}:
            citation = Citation("", "Museum information", topic, text, reverse("exhibition:home"))
            return [AnswerSentence(text, citation)]
    return []
