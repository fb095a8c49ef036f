"""Making a report must not change how the rest of the process decodes images."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings


def truncated_images_loaded_after(statement: str) -> bool:
    probe = f"{statement}\nfrom PIL import ImageFile\nprint(ImageFile.LOAD_TRUNCATED_IMAGES)"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(settings.BASE_DIR),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1] == "True"


def test_weasyprint_alone_would_accept_truncated_images_everywhere() -> None:
    assert truncated_images_loaded_after("import weasyprint")


def test_loading_it_for_reports_keeps_truncated_images_refused() -> None:
    assert not truncated_images_loaded_after(
        "from reports.rendering import load_weasyprint\nload_weasyprint()"
    )
