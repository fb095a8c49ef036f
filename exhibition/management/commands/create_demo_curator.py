"""``manage.py create_demo_curator``: a staff account for trying the admin on a demo site.

Creates the superuser ``curator`` (or resets its password) with a freshly generated
random password and prints it. Refuses to run with DEBUG off unless ``--force`` is
given, so a demo account cannot appear in production by accident.
"""

import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

USERNAME = "curator"


class Command(BaseCommand):
    help = "Create (or reset the password of) the demo staff superuser 'curator'."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Also write the password to this file (readable by its owner only).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a public site).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production site, where a demo account "
                "must not exist. Use --force if you really mean it."
            )
        password = secrets.token_urlsafe(18)
        password_file: Path | None = options["password_file"]
        # One transaction: if the file cannot be written, the old password stays valid.
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=USERNAME)
            user.is_staff = True
            user.is_superuser = True
            user.is_active = True
            user.set_password(password)
            user.save()
            if password_file is not None:
                _write_private(password_file, password)
        self.stdout.write(
            f"{'Created' if created else 'Reset the password of'} the demo curator.\n"
            f"username: {USERNAME}\npassword: {password}"
        )
        if password_file is not None:
            self.stdout.write(f"The password is also in {password_file}.")


def _write_private(path: Path, password: str) -> None:
    """Write the password to a file only its owner can read."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(password + "\n")
        path.chmod(0o600)  # An existing file keeps its old mode through os.open.
    except OSError as exc:
        raise CommandError(f"Cannot write the password file {path}: {exc.strerror}") from None
