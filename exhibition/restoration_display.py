"""Reads that show a restoration to visitors: its label, caption and provenance record.

The labelled download names a reconstruction from here; the object page's template spells
the same label, and the display tests check that both say exactly AI_LABEL.
"""

from typing import Any

from exhibition.models import MachineOutput, Restoration
from exhibition.public_names import person_name

AI_LABEL = "AI reconstruction — not the original"


def reconstruction_caption(output: MachineOutput) -> str:
    """The one-line label a download carries: label · engine version · date produced."""
    engine = f"{output.engine} {output.engine_version}".strip()
    return f"{AI_LABEL} · {engine} · {output.produced_at:%Y-%m-%d}"


def provenance_record(restoration: Restoration, *, source_url: str) -> dict[str, Any]:
    """What produced a restoration and who approved it, JSON-serialisable.

    Embedded in every download so the file explains itself wherever it travels.
    """
    output = restoration.machine_output
    obj = restoration.source_image.collection_object
    return {
        "label": AI_LABEL,
        "object": {"slug": obj.slug, "title": obj.title, "url": source_url},
        "method": output.method,
        "engine": output.engine,
        "engine_version": output.engine_version,
        "parameters": output.parameters,
        "input_checksums": output.input_checksums,
        "duration_seconds": output.duration_seconds,
        "produced_at": output.produced_at.isoformat(),
        "review": {
            "status": output.status,
            "reviewed_by": person_name(output.reviewed_by) if output.reviewed_by else None,
            "reviewed_at": output.reviewed_at.isoformat() if output.reviewed_at else None,
            "note": output.review_note,
        },
    }
