"""Resident memory of the app over a long run with every view visited: does anything grow without bound?

The real MainWindow (offscreen) trains the spiral MLP lesson in its process worker for STEPS
steps. Every VISIT steps the next tab comes to the front (the dashboard, then every view of
gui/views/registry.py, round and round), so every view is built, fed its probes and drawn, in
both halves of the run. Resident memory (VmRSS, /proc: Linux only) of the window's process and
of the training process is sampled every 0.2 s.

Read: peak_mb is the largest sum seen (window + trainer); growth_mb is the sum at the end of the
second half minus the sum at the end of the first half, once every view has been built: a
bounded app grows ~0 there (a few MB of allocator noise); a history kept without bound grows
with the steps. The per-process lines say where.
The last line is `peak_mb=... growth_mb=...`.
Usage, from the repository root: python bench/memory.py [STEPS]   (a longer run: e.g. 60000)
"""

import sys
import time

from training_overhead import Run, make_window, open_lesson, private_environment, wait_until

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
VISIT = 200  # steps between tab changes: 100 visits, every one of the 23 tabs at least twice in each half


def rss_mb(pid: int | str) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            line = next(line for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return None
    return int(line.split()[1]) / 1024


def main() -> None:
    folder = private_environment()
    import torch  # as the app has it once training ran
    from PySide6.QtCore import QTimer

    from gui.views.registry import VIEW_NAMES

    torch.set_num_threads(1)
    if rss_mb("self") is None:
        print("this benchmark reads /proc: Linux only")
        return
    started = time.perf_counter()
    app, window = make_window()
    open_lesson(window, "spiral_mlp")
    run = Run(window, in_process=True)
    run.start()
    child = run.controller.worker.process.pid
    samples = []  # (step, window MB, trainer MB)
    sampler = QTimer(interval=200)
    sampler.timeout.connect(lambda: samples.append((run.step, rss_mb("self"), rss_mb(child) or 0.0)))
    sampler.start()
    marks, first = {}, run.step
    for visit in range(STEPS // VISIT):
        window.show_view(VIEW_NAMES[visit % len(VIEW_NAMES)])
        target = first + (visit + 1) * VISIT
        wait_until(lambda target=target: run.step >= target, timeout=120)
        if (visit + 1) * VISIT % (STEPS // 8) == 0:
            marks[(visit + 1) * VISIT] = (rss_mb("self"), rss_mb(child) or 0.0)
    sampler.stop()
    seconds = time.perf_counter() - started
    run.stop()
    window.close()
    half, end = marks[STEPS // 2], marks[STEPS]
    peak = max(w + t for _, w, t in samples)
    print(f"spiral MLP, {STEPS:,} steps in the process worker, a new tab every {VISIT} steps ({len(VIEW_NAMES)} tabs)")
    print(f"  {'MB resident':<14}{'start':>8}{'half':>8}{'end':>8}{'peak':>8}")
    for i, name in ((1, "window"), (2, "trainer")):
        values = [s[i] for s in samples]
        print(f"  {name:<14}{values[0]:>8.0f}{half[i - 1]:>8.0f}{end[i - 1]:>8.0f}{max(values):>8.0f}")
    print("  window + trainer MB every eighth: " + " ".join(f"{sum(m):.0f}" for m in marks.values()))
    print(f"whole benchmark: {seconds:.0f} s")
    print(f"peak_mb={peak:.0f} growth_mb={sum(end) - sum(half):.1f}")
    folder.cleanup()


if __name__ == "__main__":
    sys.exit(main())
