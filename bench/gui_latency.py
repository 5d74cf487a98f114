"""How long the GUI thread's event loop is kept waiting while a lesson trains in the window.

A 10 ms timer (Qt.PreciseTimer) in the GUI thread notes when it fires; each tick's
lateness is the interval actually seen minus the 10 ms asked for (a tick that comes
early after a late one counts negative). Three phases of PHASE seconds each, in the
real MainWindow (offscreen, dashboard visible) with the spiral MLP lesson open:
  idle      - no training: the floor set by the timer and the machine (then again with the
              spinners below: the floor when the cores are busy);
  training  - training in the app's process worker (a spawned child process);
  loaded    - the same, while LOADERS other programs (spinning Python processes started here)
              keep both cores busy, as a browser and a video call do on a classroom laptop.
Recording starts at the "running" state, so a worker's start-up is not counted.
(The thread worker, kept for tests, is no longer measured: bench/training_overhead.py chose the
process worker.)

Read: p50 near 0 means the loop is free most of the time; p99 and max are the
hitches a user feels (16 ms is one frame at 60 Hz). "ticks" below PHASE * 100
means ticks were swallowed by long stalls. "GUI CPU" is the GUI thread's CPU use
(1.00 = always busy); "drawn" the snapshots the window drew a second (gui/training/pacer.py
merges them when the loop is late); "training" the steps/s reached meanwhile; "others" the CPU
other processes used (in cores; rough): above ~0.2, distrust the numbers.
The last line is `p99_loaded_ms=<loaded p99> p99_ms=<training p99, no other load>`.
Usage, from the repository root: python bench/gui_latency.py
"""

import subprocess
import sys
import time

import numpy as np
from training_overhead import OtherLoad, Run, make_window, open_lesson, private_environment

PHASE = 8.0  # seconds per phase
INTERVAL_MS = 10
LOADERS = 2  # spinning processes in the loaded phase: one per core here


class Lateness:
    """Ticks of a precise 10 ms timer in the GUI thread, for a given time."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer(interval=INTERVAL_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.last: float | None = None
        self.samples: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.samples.append((now - self.last) * 1e3 - INTERVAL_MS)
        self.last = now

    def record(self, seconds: float) -> np.ndarray:
        from PySide6.QtCore import QEventLoop, QTimer

        self.samples, self.last = [], None
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        self.timer.start()
        loop.exec()
        self.timer.stop()
        return np.array(self.samples)


def phase(lateness: Lateness, label: str, window=None, loaders: int = 0) -> float:
    """Record one phase (training in the process worker if a window is given, with `loaders`
    spinning processes beside it) and print its line; returns p99 in ms."""
    run = None if window is None else Run(window, in_process=True)
    if run is not None:
        run.start()  # recording begins at "running": start-up is not counted
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(loaders)]
    if spinners:
        time.sleep(0.3)  # they are spinning before recording starts
    child = getattr(run and run.controller.worker, "process", None)  # the process worker's trainer
    (first, shots), gui_cpu = (run.step, run.shots) if run else (0, 0), time.thread_time()
    load = OtherLoad((child.pid,) if child else ())
    late = lateness.record(PHASE)
    others, gui = load.cores(), (time.thread_time() - gui_cpu) / PHASE
    training = "-" if run is None else f"{(run.step - first) / PHASE:.0f} steps/s"
    drawn = "-" if run is None else f"{(run.shots - shots) / PHASE:.0f}"
    for spinner in spinners:
        spinner.kill()
        spinner.wait()
    if run is not None:
        run.stop()
    p50, p99 = np.percentile(late, [50, 99])
    busy = "unknown" if others is None else f"{max(others, 0):.2f} cores"
    figures = f"{len(late):>6}{p50:>7.2f}{p99:>7.2f}{late.max():>7.1f}{gui:>9.2f}{drawn:>7}{training:>14}{busy:>12}"
    print(f"  {label:<25}{figures}")
    return p99


def main() -> None:
    folder = private_environment()
    import torch  # as the app has it once training ran; imported before any phase so no phase pays for it

    torch.set_num_threads(1)
    started = time.perf_counter()
    app, window = make_window()
    open_lesson(window, "spiral_mlp")
    lateness = Lateness()
    print(f"GUI event-loop lateness, spiral lesson, {INTERVAL_MS} ms precise timer, {PHASE:g} s per phase")
    head = ("ticks", 6), ("p50", 7), ("p99", 7), ("max", 7), ("GUI CPU", 9), ("drawn", 7), ("training", 14)
    head += (("others", 12),)
    print(f"  {'phase (ms late per tick)':<25}" + "".join(f"{text:>{width}}" for text, width in head))
    phase(lateness, "idle (no training)")
    phase(lateness, f"idle, {LOADERS} spinners", loaders=LOADERS)
    p99 = phase(lateness, "training", window)
    loaded = phase(lateness, f"training, {LOADERS} spinners", window, loaders=LOADERS)
    window.close()
    print(f"whole benchmark: {time.perf_counter() - started:.0f} s ('others' includes the spinners)")
    print(f"p99_loaded_ms={loaded:.2f} p99_ms={p99:.2f}")
    folder.cleanup()


if __name__ == "__main__":
    main()
