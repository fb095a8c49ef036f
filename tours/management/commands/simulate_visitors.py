"""Writes a synthetic interaction log from documented personas (bench/tours/recommender)."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.tours.recommender.personas import PERSONAS
from bench.tours.recommender.simulate import write_simulated_log
from tours.recommending.catalogue import load_catalogue

MAX_VISITORS = 100_000


class Command(BaseCommand):
    help = (
        "Simulates museum visitors browsing the public collection and writes their "
        "interactions as JSON Lines (first line: a header declaring the file synthetic). "
        "Personas are defined by record metadata only (culture, object type, period, tags, "
        "makers), never by embeddings; see bench/tours/recommender/personas.py. The log is "
        "what `evaluate_recommender` measures the strategies on; nothing is written to the "
        "database."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--visitors", type=int, default=1000, help="how many (default 1000)")
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
        parser.add_argument(
            "--out",
            type=Path,
            default=None,
            help="file to write (default: <VAR_DIR>/simulated_visitors.jsonl)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        visitors = options["visitors"]
        if not 1 <= visitors <= MAX_VISITORS:
            raise CommandError(f"--visitors must be from 1 to {MAX_VISITORS}.")
        out = options["out"] or Path(settings.VAR_DIR) / "simulated_visitors.jsonl"
        catalogue = load_catalogue(with_vectors=False)
        if not catalogue.facts:
            raise CommandError("The collection has no public objects to visit.")
        try:
            rows = write_simulated_log(
                path=out, catalogue=catalogue, visitors=visitors, seed=options["seed"]
            )
        except OSError as exc:
            raise CommandError(f"Cannot write {out}: {exc.strerror or exc}") from None
        self.stdout.write(
            f"Wrote {rows} interactions of {visitors} simulated visitors "
            f"({len(PERSONAS)} personas, seed {options['seed']}, "
            f"{len(catalogue.facts)} public objects) to {out}. The log is synthetic."
        )
