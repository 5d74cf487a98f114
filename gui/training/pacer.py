"""Snapshots drawn at the pace the window can keep: the GUI thread skips frames rather than queue them.

The trainer publishes up to 30 snapshots a second. Drawing one (curves, axes, the boundary, the
neurons) costs the GUI thread ~10-15 ms here; when other programs keep the cores busy, that
stretches, the snapshots queue up and the window stops answering (bench/gui_latency.py: over
100 ms late). The pacer merges the snapshots that arrive while it waits into one (their steps,
losses and evaluations are concatenated, so no point of a curve is lost) and hands it on at most
every `interval` seconds. The interval follows how late the event loop is: a flush that fires
more than LATE late lengthens it, an on-time one shortens it back towards MIN_INTERVAL.

Probe results are merged too: each probe's newest result is kept, as every result holds the whole
picture (a history included), not what changed since the last. Handing each on as computed made a
view that draws slower than its probe computes (Space folding on the spiral: ~40 ms a picture, 30
pictures a second) queue them without end, and the window stopped answering for minutes.
The probe results go on at most every PICTURE_INTERVAL; the steps that come with them do not wait.
`flush()` hands on at once what is waiting, for messages that must not overtake it (a state
change, a failure).
"""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from core.run.snapshot import PICTURE_RATE, Snapshot

MIN_INTERVAL = 1 / 30  # seconds: as often as the trainer publishes
PICTURE_INTERVAL = 1 / PICTURE_RATE  # seconds: the views' pictures at most 10 a second, the curves 30:
# drawing Space folding's six panels for every picture the spiral's trainer sent took 0.9 of a core
MAX_INTERVAL = 0.5  # even a starved window shows training move twice a second
LATE = 0.008  # seconds: a flush later than this means the event loop is busy


def merge(first: Snapshot, then: Snapshot) -> Snapshot:
    """One snapshot saying what both said: `then`'s counters, both's steps and evaluations, and
    each probe's newest result."""
    return replace(
        then,
        steps=np.concatenate([first.steps, then.steps]),
        losses=np.concatenate([first.losses, then.losses]),
        lrs=np.concatenate([first.lrs, then.lrs]),
        evaluations=[*first.evaluations, *then.evaluations],
        insights=None
        if first.insights is None and then.insights is None
        else {**(first.insights or {}), **(then.insights or {})},
    )


class SnapshotPacer(QObject):
    ready = Signal(object)  # a Snapshot, maybe several merged

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pending: Snapshot | None = None
        self.interval = MIN_INTERVAL
        self.last = -float("inf")  # when the last snapshot was handed on
        self.last_picture = -float("inf")  # ... and the last one with probe results
        self.due = 0.0  # when the timer should fire
        self.timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._fire)

    def add(self, shot: Snapshot) -> None:
        self.pending = shot if self.pending is None else merge(self.pending, shot)
        if not self.timer.isActive():
            now = time.perf_counter()
            self.due = max(now, self.last + self.interval)
            self.timer.start(round((self.due - now) * 1000))

    def flush(self) -> None:
        """Hand on what is waiting, now."""
        self.timer.stop()
        shot, self.pending = self.pending, None
        if shot is not None:
            self.last = time.perf_counter()
            if shot.insights is not None:
                self.last_picture = self.last
            self.ready.emit(shot)

    def clear(self) -> None:
        """Drop what is waiting (its run is gone)."""
        self.timer.stop()
        self.pending = None

    def _fire(self) -> None:
        now = time.perf_counter()
        if now - self.due > LATE:
            self.interval = min(MAX_INTERVAL, self.interval * 1.5)
        else:
            self.interval = max(MIN_INTERVAL, self.interval * 0.9)
        shot = self.pending
        if shot is None or shot.insights is None or now - self.last_picture >= PICTURE_INTERVAL:
            self.flush()
            return
        # the probe results wait for their turn (or newer ones); the curves and counters go now
        self.due = self.last_picture + PICTURE_INTERVAL
        if len(shot.steps) or shot.evaluations:
            empty = np.empty(0)
            self.pending = replace(shot, steps=empty.astype(shot.steps.dtype), losses=empty, lrs=empty, evaluations=[])
            self.last = now
            self.ready.emit(replace(shot, insights=None))
            self.due = min(now + self.interval, self.due)
        self.timer.start(math.ceil((self.due - now) * 1000))  # not before: a millisecond early would spin
