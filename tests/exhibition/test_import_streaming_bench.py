"""``manage.py bench_import``: arguments checked before anything is generated or migrated."""

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--records", "0"], "--records must be from 1 to 1,000,000"),
        (["--kill-after", "0"], "--kill-after must be a positive number"),
        (["--database-url", "sqlite:///x.db"], "--database-url must be a postgres:// URL"),
    ],
)
def test_out_of_range_arguments_are_refused(arguments: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("bench_import", *arguments)
