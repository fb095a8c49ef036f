"""Answers read straight from an object's fields: maker, date, medium, size, licence."""

import re

from guide.answering.asked import AskedQuestion, cited
from guide.answering.records import GuideRecord
from guide.answers import AnswerSentence

_COPYRIGHT = re.compile(r"©[^·;]+")
_PIXELS = re.compile(r"\b(pixels?|resolution|image size|px)\b")


def maker(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    if record.credits:
        text = f"The record names {record.maker} as the maker of {record.title}."
        return [cited(record, "maker", record.maker, text)]
    holder = _COPYRIGHT.search(record.credit_line)
    if holder:
        span = holder.group(0).strip().rstrip(",")
        return [
            cited(record, "credit", record.credit_line, f"{record.title} is credited to {span}.")
        ]
    return []


def date(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    if not record.date:
        return []
    return [cited(record, "date", record.date, f"{record.title} is dated {record.date}.")]


def material(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    if not record.medium:
        return []
    text = f"The medium of {record.title} is {record.medium}."
    return [cited(record, "medium", record.medium, text)]


def dimensions(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    if _PIXELS.search(asked.folded):
        if record.image_size is None:
            return []
        span = f"{record.image_size[0]} × {record.image_size[1]} pixels"
        return [cited(record, "image size", span, f"The image of {record.title} is {span}.")]
    if not record.dimensions:
        return []
    text = f"{record.title} measures {record.dimensions}."
    return [cited(record, "dimensions", record.dimensions, text)]


def licence(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    sentences = [
        cited(
            record,
            "licence",
            record.licence_name,
            f"{record.title} is shared under the {record.licence_name}.",
        )
    ]
    if record.credit_line:
        sentences.append(
            cited(record, "credit", record.credit_line, f"Credit line: {record.credit_line}.")
        )
    return sentences


def authenticity(asked: AskedQuestion, record: GuideRecord) -> list[AnswerSentence]:
    """ "Is this the original?": what the record says the thing in front of you is."""
    sentences = material(asked, record)
    if record.sentences:
        first = record.sentences[0]
        sentences.append(cited(record, "description", first, first))
    return sentences
