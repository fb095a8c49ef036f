"""A harness for the publication tests: readers run while a writer publishes."""

import threading
from collections.abc import Callable


def read_while(read_once: Callable[[], int], write: Callable[[], None]) -> set[int]:
    """Run ``read_once`` on two threads over and over while ``write`` runs; the sizes seen.

    Any exception a reader raises is the finding: it is raised again here.
    """
    errors: list[BaseException] = []
    sizes: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            try:
                sizes.add(read_once())
            except BaseException as error:
                errors.append(error)
                return

    readers = [threading.Thread(target=read) for _ in range(2)]
    for thread in readers:
        thread.start()
    try:
        write()
    finally:
        done.set()
        for thread in readers:
            thread.join(timeout=30)
    if errors:
        raise errors[0]
    return sizes
