"""The API keeps its published contract: schemathesis finds no failure of any check.

Runs the real schemathesis command (every check, every phase: examples, coverage,
fuzzing and stateful links) against the site on a loopback port, with a bounded
number of examples and a fixed seed so that the suite stays quick and repeatable.
Run it by hand with more examples against `make demo`:

    .venv/bin/schemathesis run http://127.0.0.1:8000/api/schema/ --checks all -n 100
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from config.throttling import AnonRateThrottle
from search.warmup import warm_up
from tests import builders
from tests.exhibition.iiif.helpers import write_tiles
from tests.tours.views.maps import small_map

EXAMPLES_PER_OPERATION = 8
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def _collection() -> None:
    """A few public records of each kind, and hidden ones that must stay hidden."""
    agent = builders.make_agent("Katsushika Hokusai")
    waves = []
    for n in range(3):
        obj = builders.make_object(title=f"Wave {n}", creator=agent, culture="Japan (Edo)")
        write_tiles(builders.add_image(obj, width=64, height=48))
        waves.append(obj)
    small_map(waves)  # tours in the building need a gallery map
    builders.add_model(builders.make_object(title="Bust", object_type="sculpture"))
    builders.make_exhibition(builders.make_object(title="Hero"))
    builders.make_object(title="Sacred object", visibility="restricted")


def test_schemathesis_finds_no_failure(
    site_server: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The contract, not the rate limit, is under test here (429 is documented anyway).
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/minute"})
    monkeypatch.setattr(settings, "SEARCH_PHOTO_RATE", "100000/minute", raising=False)
    _collection()
    warm_up()  # the search models load before the first request, not inside its timeout
    host, port = site_server
    base = f"http://{host}:{port}"
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{base}/api/schema/",
            "--url",
            base,
            "--checks",
            "all",
            "--max-examples",
            str(EXAMPLES_PER_OPERATION),
            "--seed",
            "20261207",
            "--no-color",
            "--request-timeout",
            "60",
        ],
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": "tests.exhibition.api.schemathesis_hooks",
            "PYTHONPATH": str(Path(settings.BASE_DIR)),
        },
        capture_output=True,
        text=True,
        timeout=500,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
