"""The snapshot pacer (gui/training/pacer.py): merged snapshots lose no step, keep each probe's
newest result, and what waits is handed on before a later message of the run."""

import time

import numpy as np

from core.run.snapshot import Snapshot
from core.train.records import EpochRecord
from gui.training.pacer import SnapshotPacer, merge


def shot(first: int, n: int, insights=None, evaluations=()) -> Snapshot:
    steps = np.arange(first, first + n)
    return Snapshot(first + n - 1, 0, 0.1, steps, steps * 0.5, np.full(n, 0.1), list(evaluations), insights)


def test_merging_keeps_every_step_and_evaluation_and_the_newest_counters():
    record = EpochRecord(1, 3, 0.5, 0.8, 0.6, 0.7, 0.1, 0.2)
    merged = merge(shot(1, 3, evaluations=[record]), shot(4, 2, insights={"boundary": 1}))
    assert merged.step == 5 and list(merged.steps) == [1, 2, 3, 4, 5]
    assert list(merged.losses) == [0.5, 1.0, 1.5, 2.0, 2.5] and merged.evaluations == [record]
    assert merged.insights == {"boundary": 1}


def test_snapshots_arriving_while_it_waits_reach_the_window_as_one(qtbot):
    pacer, received = SnapshotPacer(), []
    pacer.ready.connect(received.append)
    pacer.last = time.perf_counter() + 60  # as if it had just drawn: the next snapshots wait
    for first in (1, 3, 5):
        pacer.add(shot(first, 2))
    assert received == []
    pacer.flush()
    assert len(received) == 1 and list(received[0].steps) == [1, 2, 3, 4, 5, 6]


def test_probe_results_waiting_together_reach_the_window_as_each_probes_newest(qtbot):
    """A view slower to draw than its probe computes skips the pictures it had no time for, rather
    than queue them (the window stopped answering for minutes with Space folding on the spiral)."""
    pacer, received = SnapshotPacer(), []
    pacer.ready.connect(received.append)
    pacer.last = time.perf_counter() + 60
    pacer.add(shot(1, 2, insights={"hidden": "first", "boundary": "only one"}))
    pacer.add(shot(3, 2, insights={"hidden": "second"}))
    pacer.add(shot(5, 2))
    assert received == []
    pacer.flush()
    assert len(received) == 1 and received[0].insights == {"hidden": "second", "boundary": "only one"}
    assert list(received[0].steps) == [1, 2, 3, 4, 5, 6]


def test_the_timer_hands_on_what_waits(qtbot):
    pacer, received = SnapshotPacer(), []
    pacer.ready.connect(received.append)
    pacer.add(shot(1, 2))
    qtbot.waitUntil(lambda: len(received) == 1, timeout=2000)


def test_pictures_go_at_most_ten_a_second_the_curves_do_not_wait_for_them(qtbot):
    """Probe results drawn as often as they came took a core for Space folding on the spiral."""
    from gui.training.pacer import PICTURE_INTERVAL

    pacer, received = SnapshotPacer(), []
    pacer.ready.connect(lambda s: received.append((time.perf_counter(), s)))
    pacer.add(shot(1, 2, insights={"folding": "first"}))
    qtbot.waitUntil(lambda: len(received) == 1, timeout=2000)
    pacer.add(shot(3, 2, insights={"folding": "second"}))
    qtbot.waitUntil(lambda: len(received) == 2, timeout=2000)
    curves_at, curves = received[1]
    assert curves.insights is None and list(curves.steps) == [3, 4]  # the steps went on at once
    pacer.add(shot(5, 2, insights={"folding": "third"}))
    qtbot.waitUntil(lambda: any(s.insights for _, s in received[2:]), timeout=2000)
    at, picture = next((t, s) for t, s in received[2:] if s.insights)
    assert picture.insights == {"folding": "third"}  # the newest; "second" was never drawn
    assert at - received[0][0] >= PICTURE_INTERVAL * 0.95
    assert [int(s) for _, r in received for s in r.steps] == [1, 2, 3, 4, 5, 6]  # no step lost or repeated
