"""Stopping a headless run the way users and machines do: Ctrl-C, `timeout`, a scheduler's SIGTERM,
or a closed terminal's SIGHUP all end training the same way, and none of them can cut a save short."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(Exception):
    """A stop signal arrived while training; `name` is the signal's (SIGTERM …)."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class StopSignals:
    """Turns the stop signals into `Stopped` in training, and holds them back while a file is written."""

    def __init__(self) -> None:
        self.pending: str | None = None
        self._holding = False
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopSignals:
        for number in STOP_SIGNALS:
            try:
                self._previous[number] = signal.signal(number, self._arrived)
            except ValueError:  # not the main thread (a test or an embedding program): signals stay as they were
                break
        return self

    def __exit__(self, *exc) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)

    def _arrived(self, number: int, frame) -> None:
        name = signal.Signals(number).name
        if self._holding:
            self.pending = self.pending or name
            return
        raise Stopped(name)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Inside, a stop signal only marks `pending`; the caller checks it once the write is done."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False

    def raise_pending(self) -> None:
        if self.pending:
            raise Stopped(self.pending)
