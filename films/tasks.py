"""Films built in the background: thin Celery wrappers over ``films.services``.

With no broker (the laptop and demo default, CELERY_TASK_ALWAYS_EAGER) the task runs
in-process once the transaction commits, so a curator's request waits for the build; with
Redis and a worker it runs there.
"""

from celery import shared_task
from django.db import transaction

from exhibition.models import Exhibition
from films.services import films_build


@shared_task
def build_exhibition_films(exhibition_id: int, force: bool = False) -> list[str]:
    """Build the exhibition's films; what each language came to (nothing if it is gone)."""
    exhibition = Exhibition.objects.filter(pk=exhibition_id).first()
    if exhibition is None:
        return []
    return [f"{o.language}: {o.message}" for o in films_build(exhibition=exhibition, force=force)]


def films_schedule(*, exhibition: Exhibition, force: bool = False) -> None:
    """Build the exhibition's films in the background once the transaction commits."""
    exhibition_id = exhibition.pk
    # Robust: in-process without a broker, a failed build must not turn the curator's
    # action into an error page; the build records its own failures on the film.
    transaction.on_commit(lambda: build_exhibition_films.delay(exhibition_id, force), robust=True)
