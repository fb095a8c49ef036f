"""Judging the guide on a question set: accuracy, sources, abstention, citations, latency.

A question file is JSON Lines: ``{"question", "object" (slug or null), "expect_any":
[strings], "sources": [slugs], "answerable": bool, "intent"?}``. Each question is asked in
a fresh conversation on its object's page, in process, through the answerer in use
(nothing is recorded). Expected strings are matched ignoring case and accents.
"""

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from guide.answerers import get_answerer
from guide.answering.containment import is_contained
from guide.answering.text import fold
from guide.answers import Answer, Conversation

MAX_QUESTIONS = 10_000


class BadQuestionFile(ValueError):
    """A question file line that cannot be judged (its line number and reason)."""


@dataclass(frozen=True)
class EvalQuestion:
    question: str
    object: str | None
    expect_any: tuple[str, ...]
    sources: tuple[str, ...]
    answerable: bool
    intent: str | None = None


@dataclass
class Outcome:
    question: EvalQuestion
    answer: Answer
    latency_ms: float
    correct: bool
    contained_sentences: int = field(default=0)

    @property
    def is_miss(self) -> bool:
        """Judged wrong: a wrong or uncited-elsewhere answer, or a wrong abstention."""
        if not self.question.answerable:
            return not self.answer.abstained
        extra = set(self.answer.source_slugs) - set(self.question.sources)
        return not self.correct or bool(extra)


def read_questions(path: Path) -> list[EvalQuestion]:
    questions: list[EvalQuestion] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if len(questions) >= MAX_QUESTIONS:
                raise BadQuestionFile(f"line {number}: more than {MAX_QUESTIONS} questions")
            questions.append(_parse(line, number))
    return questions


def _parse(line: str, number: int) -> EvalQuestion:
    try:
        row = json.loads(line)
        return EvalQuestion(
            question=str(row["question"]),
            object=row.get("object") or None,
            expect_any=tuple(str(s) for s in row.get("expect_any") or ()),
            sources=tuple(str(s) for s in row.get("sources") or ()),
            answerable=bool(row["answerable"]),
            intent=row.get("intent"),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise BadQuestionFile(f"line {number}: {exc}") from exc


def warm_up() -> None:
    """Load the models and the catalogue once, so latency measures answering, not loading.

    The warm-up question is none of the file's: each judged question is asked cold.
    """
    from guide.warmup import warm_up as warm_up_guide

    warm_up_guide()
    conversation = Conversation()
    get_answerer().answer("What is in the collection?", conversation)


def evaluate(questions: Iterable[EvalQuestion]) -> list[Outcome]:
    answerer = get_answerer()
    outcomes = []
    for question in questions:
        conversation = Conversation()
        conversation.switch_page(question.object)
        started = time.perf_counter()
        answer = answerer.answer(question.question, conversation)
        latency = (time.perf_counter() - started) * 1000
        text = fold(answer.text)
        correct = any(fold(expected) in text for expected in question.expect_any)
        contained = sum(
            is_contained(
                s.text,
                s.citation.span,
                title=s.citation.object_title,
                derived_numbers=_listed_counts(answer),
            )
            for s in answer.sentences
        )
        outcomes.append(Outcome(question, answer, latency, correct, contained))
    return outcomes


def _listed_counts(answer: Answer) -> frozenset[int]:
    """The counts a listing answer may state: how many objects it cites."""
    listed = len(answer.source_slugs)
    return frozenset({listed, *range(listed, 10_000)}) if listed > 1 else frozenset({listed})


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    answerable = [o for o in outcomes if o.question.answerable]
    unanswerable = [o for o in outcomes if not o.question.answerable]
    abstained = [o for o in outcomes if o.answer.abstained]
    cited = [o for o in outcomes if o.answer.source_slugs]
    sentences = sum(len(o.answer.sentences) for o in outcomes)
    latencies = np.array([o.latency_ms for o in outcomes]) if outcomes else np.zeros(1)
    return {
        "accuracy": _share(sum(o.correct for o in answerable), len(answerable)),
        "source_precision": _mean(_precision(o) for o in cited if o.question.answerable),
        "source_recall": _mean(_recall(o) for o in answerable if o.question.sources),
        "abstention_precision": _share(
            sum(not o.question.answerable for o in abstained), len(abstained)
        ),
        "abstention_recall": _share(
            sum(o.answer.abstained for o in unanswerable), len(unanswerable)
        ),
        "cited_sentence_share": _share(sum(o.contained_sentences for o in outcomes), sentences),
        "latency_ms": {
            "p50": round(float(np.percentile(latencies, 50)), 2),
            "p95": round(float(np.percentile(latencies, 95)), 2),
        },
        "questions": len(outcomes),
    }


def _precision(outcome: Outcome) -> float:
    cited = set(outcome.answer.source_slugs)
    return len(cited & set(outcome.question.sources)) / len(cited)


def _recall(outcome: Outcome) -> float:
    expected = set(outcome.question.sources)
    return len(set(outcome.answer.source_slugs) & expected) / len(expected)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: Iterable[float]) -> float | None:
    found = list(values)
    return round(sum(found) / len(found), 4) if found else None
