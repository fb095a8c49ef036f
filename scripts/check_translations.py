"""Fail when a string of the interface has no French translation (run by `make test`).

`makemessages` is run on a temporary copy of the working tree, so the check sees exactly
what a translator would be asked for, and the repository's catalogue is never rewritten
by a test run. Any untranslated or fuzzy entry left after merging the committed
catalogue is printed with the place it comes from.
"""

# ruff: noqa: S603, S607  (runs git, gettext and manage.py with fixed arguments)
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr",)
# Code that never shows text to visitors or curators (and third-party code).
IGNORED = ("tests", "bench", "static/vendor", "node_modules", ".venv", "var", "scripts")


def _tracked_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in listing.decode().split("\0") if name]


def _copy_tree(destination: Path) -> None:
    for name in _tracked_files():
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _entries(catalogue: Path, *flags: str) -> str:
    selected = subprocess.run(
        ["msgattrib", *flags, "--no-obsolete", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # msgattrib prints nothing at all when no entry is selected; otherwise the header too.
    return selected


def _problems(catalogue: Path) -> list[str]:
    found = []
    for flags, reason in ((("--untranslated",), "untranslated"), (("--only-fuzzy",), "fuzzy")):
        text = _entries(catalogue, *flags)
        blocks = [block for block in text.split("\n\n") if "msgid" in block]
        entries = [block for block in blocks if 'msgid ""\nmsgstr ""\n"' not in block]
        found += [f"{reason}:\n{block}" for block in entries]
    return found


def main() -> int:
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="vitrine-messages-") as work:
        copy = Path(work)
        _copy_tree(copy)
        command = [python, "manage.py", "makemessages", "--no-obsolete", "--verbosity", "0"]
        for language in LANGUAGES:
            command += ["-l", language]
        for ignored in IGNORED:
            command += ["-i", ignored]
        subprocess.run(command, cwd=copy, check=True)
        problems = []
        for language in LANGUAGES:
            catalogue = copy / "locale" / language / "LC_MESSAGES" / "django.po"
            problems += _problems(catalogue)
    if problems:
        print("\n\n".join(problems))
        print(f"\n{len(problems)} interface string(s) lack a translation", file=sys.stderr)
        return 1
    print(f"Every interface string is translated ({', '.join(LANGUAGES)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
