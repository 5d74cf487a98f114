"""Progress of a long dataset load (a large CSV file), reported to whoever started it.

Makers take only their parameters and a random generator, so the reporter travels in a context
variable that `load_dataset` sets for the length of one load; nothing is reported without one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Reporter = Callable[[str, float], None]  # (what is being read, share done from 0 to 1)

_reporter: ContextVar[Reporter | None] = ContextVar("dataset_progress", default=None)


@contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    token = _reporter.set(reporter)
    try:
        yield
    finally:
        _reporter.reset(token)


def report(what: str, share: float) -> None:
    reporter = _reporter.get()
    if reporter is not None:
        reporter(what, min(max(share, 0.0), 1.0))
