""" "What did it look like before?": approved reconstructions only, always labelled.

An unreviewed or rejected reconstruction is never offered (``public_restorations`` reads
approved ones of public objects only). Each one shown carries the permanent label, what
produced it and its review, and the sentence that announces it cites that caption.
"""

from exhibition.models import CollectionObject
from exhibition.restoration_display import AI_LABEL, provenance_record, reconstruction_caption
from exhibition.selectors import public_restorations
from guide.answering.asked import cited
from guide.answering.records import GuideRecord
from guide.answers import AnswerSentence, Media


def has_reconstructions(record: GuideRecord) -> bool:
    """Whether "what did it look like before?" has an approved answer (one cheap query)."""
    return public_restorations(collection_object=CollectionObject(pk=record.pk)).exists()


def reconstructions(record: GuideRecord) -> tuple[list[AnswerSentence], list[Media]]:
    restorations = public_restorations(collection_object=CollectionObject(pk=record.pk))
    sentences: list[AnswerSentence] = []
    media: list[Media] = []
    for restoration in restorations[:2]:
        output = restoration.machine_output
        caption = f"{reconstruction_caption(output)} · review: {output.status}"
        made = f"{output.engine} {output.engine_version}".strip()
        text = (
            f"Here is an {output.status} {AI_LABEL}, made by {made} "
            f"on {output.produced_at:%Y-%m-%d}."
        )
        sentences.append(cited(record, "restoration", caption, text))
        media.append(
            Media(
                kind="reconstruction",
                url=restoration.result.url,
                alt=f"{AI_LABEL}: {record.title}",
                object_slug=record.slug,
                label=AI_LABEL,
                provenance=provenance_record(restoration, source_url=record.url),
                review_state=output.status,
            )
        )
    return sentences, media
