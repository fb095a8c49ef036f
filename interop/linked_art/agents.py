"""Person and Group documents for Vitrine's agents.

A Vitrine agent is a name, a free-text ``dates`` and a biography; it does not say whether
it is a person or an organisation. The rule (documented in the README): an agent is a
**Group** when its name contains a word that names an organisation ("Bank", "Corporation",
"Company", "Department", "Studio", "Society", "Fonds", "& Sons", …, see ORGANISATION_WORDS);
otherwise it is a **Person**. The rule errs towards Person, the common case in a museum's
list of makers, and a name like "Workshop of X" never reaches here (workshops are
qualifiers on the object's attribution, not agents).
"""

import re

from django.urls import reverse

from exhibition.models import Agent
from interop.linked_art import vocab
from interop.linked_art.common import (
    Absolute,
    Doc,
    aat,
    document_head,
    primary_name,
    statement,
    timespan,
    web_page,
)

ORGANISATION_WORDS = (
    "academy|agency|archive|archives|association|atelier|bank|board|brothers|bros|bureau|"
    "club|co|college|commission|committee|company|corporation|corp|council|department|"
    "factory|firm|fonds|foundation|gallery|gmbh|government|group|guild|inc|institute|"
    "institution|library|limited|ltd|manufactory|mint|ministry|museum|office|press|"
    "publishers|school|society|studio|studios|survey|trust|union|university"
)
_ORGANISATION = re.compile(rf"\b(?:{ORGANISATION_WORDS})\b\.?|&\s*(?:sons|co)\b", re.IGNORECASE)
# "1452–1519", "c. 1452 - 1519", "1452–": a birth (or formation) year, then maybe an end.
_RANGE = re.compile(r"^\D{0,20}?(\d{3,4})\s*[–—-]\s*(?:\D{0,10}?(\d{3,4}))?\s*$")
_BORN = re.compile(r"^\s*(?:b\.|born)\s*(\d{3,4})\s*$", re.IGNORECASE)
_DIED = re.compile(r"^\s*(?:d\.|died)\s*(\d{3,4})\s*$", re.IGNORECASE)


def is_group(agent: Agent) -> bool:
    return bool(_ORGANISATION.search(agent.name))


def agent_type(agent: Agent) -> str:
    return "Group" if is_group(agent) else "Person"


def agent_path(agent: Agent) -> str:
    """/linked-art/person/<slug> or /linked-art/group/<slug>, as the rule decides."""
    route = "linked-art:group" if is_group(agent) else "linked-art:person"
    return reverse(route, kwargs={"slug": agent.slug})


def agent_ref(absolute: Absolute, agent: Agent) -> Doc:
    return {"id": absolute(agent_path(agent)), "type": agent_type(agent), "_label": agent.name}


def life_years(dates: str) -> tuple[int | None, int | None]:
    """The first and last year in an agent's ``dates``; (None, None) when it says neither."""
    if match := _RANGE.match(dates):
        end = match.group(2)
        return int(match.group(1)), int(end) if end else None
    if match := _BORN.match(dates):
        return int(match.group(1)), None
    if match := _DIED.match(dates):
        return None, int(match.group(1))
    return None, None


def _life_events(agent: Agent, *, group: bool) -> Doc:
    """born/died for a Person, formed_by/dissolved_by for a Group, from the dates."""
    start, end = life_years(agent.dates)
    begin_key, begin_type = ("formed_by", "Formation") if group else ("born", "Birth")
    end_key, end_type = ("dissolved_by", "Dissolution") if group else ("died", "Death")
    events: Doc = {}
    if start is not None:
        span = timespan(start=start, end=start, display=str(start))
        events[begin_key] = {"type": begin_type, "timespan": span}
    if end is not None:
        span = timespan(start=end, end=end, display=str(end))
        events[end_key] = {"type": end_type, "timespan": span}
    return events


def agent_document(absolute: Absolute, agent: Agent) -> Doc:
    group = is_group(agent)
    doc = document_head(
        doc_id=absolute(agent_path(agent)),
        doc_type="Group" if group else "Person",
        label=agent.name,
    )
    doc["identified_by"] = [primary_name(agent.name)]
    statements = []
    if agent.dates:
        # The record's own wording ("c. 1452–1519") is kept beside the parsed events.
        statements.append(statement(f"Dates: {agent.dates}", aat(vocab.BRIEF_TEXT)))
    if agent.biography:
        statements.append(statement(agent.biography, aat(vocab.BIOGRAPHY_STATEMENT)))
    if statements:
        doc["referred_to_by"] = statements
    browse = f"{reverse('exhibition:browse')}?agent={agent.slug}"
    doc["subject_of"] = [web_page(absolute(browse), f"Works by {agent.name} at Vitrine")]
    doc.update(_life_events(agent, group=group))
    return doc
