"""IIIF language maps: every label, summary and metadata value goes out as one."""

LangMap = dict[str, list[str]]


def lang(*values: str) -> LangMap:
    """A IIIF language map in English of plain-text values.

    A value that starts with "<" and ends with ">" would be read as HTML by viewers; a
    leading space keeps a curator's plain text plain.
    """
    return {"en": [f" {v}" if v.startswith("<") and v.endswith(">") else v for v in values]}
