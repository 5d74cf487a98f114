"""Training speed through the app against a bare PyTorch loop, same model, data and steps.

For each lesson (spiral MLP, N=3000 steps; digits CNN, N=600 steps) it trains
three ways, each from the same seed on the same tensors:
  bare    - a plain loop in this process: GraphModule from the lesson's graph, the
            lesson's optimiser and batch size, torch.set_num_threads(1) (the workers
            train on one thread, so the bare loop does too);
  thread  - Run in the real MainWindow (shown offscreen, dashboard visible, its event
            loop drawing every snapshot), training in a QThread;
  process - the same window, training in a spawned child process.
A worker's time runs from its "running" state to the snapshot whose step reaches N,
both as the GUI thread receives them; start-up (Run to "running") is shown apart.
The workers also evaluate the whole train and test sets at each epoch's end and
compute probes for the views; the bare loop does neither, so that is overhead too.
Each way runs REPEATS times, the order rotating; medians are reported.

Read: ratio = worker steps/s / bare steps/s; 1.0 means the app costs nothing.
The last line is the smaller of the two lessons' ratios for the better worker.
Usage (from the repository root): python bench/training_overhead.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NEURONA_DATA_DIR"] = tempfile.mkdtemp(prefix="neurona-bench-")  # never the user's settings

import torch  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.build import GraphModule  # noqa: E402
from core.graph import infer  # noqa: E402
from core.project import load_project  # noqa: E402
from core.training import make_optimizer  # noqa: E402

LESSONS = {"spiral_mlp": 3000, "digits_cnn": 600}
REPEATS = 3
WAYS = ("bare", "thread", "process")


def wait_until(predicate, timeout: float = 60.0) -> None:
    """Run the GUI event loop until predicate() holds (checked every 10 ms)."""
    loop, timer, deadline = QEventLoop(), QTimer(interval=10), time.perf_counter() + timeout
    timer.timeout.connect(lambda: (predicate() or time.perf_counter() > deadline) and loop.quit())
    timer.start()
    if not predicate():
        loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("gave up waiting")


def make_window():
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.show()
    return app, window


def open_lesson(window, name: str, epochs: int | None = None):
    """Open a lesson, wait for its dataset; optionally give it more epochs so a run never finishes early."""
    window.show_project(load_project(ROOT / "assets" / "lessons" / f"{name}.json"), None)
    panel = window.dataset_panel
    wait_until(lambda: panel.data is not None and panel.data.name == window.project.dataset)
    if epochs is not None:
        window.project.training.epochs = epochs
    return panel.data


class Run:
    """Press Run in the window and note, as the GUI thread receives them: when Run was pressed, the
    first "running" state, and the latest snapshot's step and arrival."""

    def __init__(self, window, in_process: bool):
        self.controller = controller = window.run_controls.controller
        controller.shutdown()
        controller.in_process = in_process
        self.running: float | None = None
        self.step, self.at = 0, 0.0
        controller.state_changed.connect(self._state)
        controller.snapshot.connect(self._snapshot)
        self.pressed = time.perf_counter()
        window.run_controls.run_or_pause()

    def _state(self, state: str) -> None:
        if state == "running" and self.running is None:
            self.running = time.perf_counter()

    def _snapshot(self, shot) -> None:
        self.step, self.at = shot.step, time.perf_counter()

    def stop(self) -> None:
        self.controller.shutdown()
        self.controller.state_changed.disconnect(self._state)
        self.controller.snapshot.disconnect(self._snapshot)


def worker_rate(window, in_process: bool, n: int) -> tuple[float, float]:
    """(steps/s from "running" to the snapshot reaching step n, start-up seconds)."""
    run = Run(window, in_process)
    wait_until(lambda: run.running is not None and run.step >= n)
    run.stop()
    return run.step / (run.at - run.running), run.running - run.pressed


def bare_rate(project, data, n: int) -> float:
    """A plain training loop on the same tensors, batches and optimiser as core.training.Trainer."""
    config = project.training
    assert project.graph.nodes[infer(project.graph).output_id].params["loss"] == "cross_entropy"
    torch.manual_seed(config.seed)
    model = GraphModule(project.graph, infer(project.graph))
    optimizer = make_optimizer(config.optimizer, list(model.parameters()), config)
    x, y = torch.as_tensor(data.x_train), torch.as_tensor(data.y_train)
    generator, batches = torch.Generator().manual_seed(config.seed), []
    model.train()
    start = time.perf_counter()
    for _ in range(n):
        if not batches:
            batches = list(torch.randperm(len(x), generator=generator).split(config.batch_size))
        index = batches.pop()
        optimizer.zero_grad(set_to_none=True)
        loss = torch.nn.functional.cross_entropy(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
    return n / (time.perf_counter() - start)


def measure(window, name: str, n: int) -> dict[str, dict[str, list[float]]]:
    data = open_lesson(window, name, epochs=1_000_000)
    project = window.project
    results = {way: {"rate": [], "startup": []} for way in WAYS}
    for r in range(REPEATS):
        for way in WAYS[r % 3 :] + WAYS[: r % 3]:
            if way == "bare":
                results[way]["rate"].append(bare_rate(project, data, n))
            else:
                rate, startup = worker_rate(window, way == "process", n)
                results[way]["rate"].append(rate)
                results[way]["startup"].append(startup)
    return results


def report(name: str, n: int, results) -> dict[str, float]:
    config = load_project(ROOT / "assets" / "lessons" / f"{name}.json").training
    print(f"\n{name}: {n} steps, batch {config.batch_size}, {config.optimizer}; median of {REPEATS}, order rotated")
    print(f"  {'way':<16}{'steps/s':>9}{'ratio':>8}{'start-up':>10}   each run (steps/s)")
    bare = statistics.median(results["bare"]["rate"])
    ratios = {}
    for way in WAYS:
        rate = statistics.median(results[way]["rate"])
        ratios[way] = rate / bare
        startups = results[way]["startup"]
        startup = f"{statistics.median(startups):.2f} s" if startups else "-"
        label = {"bare": "bare, 1 thread", "thread": "thread worker", "process": "process worker"}[way]
        each = " ".join(f"{v:.0f}" for v in results[way]["rate"])
        print(f"  {label:<16}{rate:>9.0f}{ratios[way]:>8.2f}{startup:>10}   {each}")
    return ratios


def main() -> None:
    torch.set_num_threads(1)  # the workers train on one thread: so does the bare loop, in this (GUI) thread
    started = time.perf_counter()
    app, window = make_window()
    print("bare loop: torch.set_num_threads(1), like the workers; workers: real window, dashboard drawing live")
    ratios = {name: report(name, n, measure(window, name, n)) for name, n in LESSONS.items()}
    window.run_controls.shutdown()
    window.close()
    worst = {way: min(r[way] for r in ratios.values()) for way in ("thread", "process")}
    best = max(worst, key=worst.get)
    print(f"\nwhole benchmark: {time.perf_counter() - started:.0f} s")
    print(f"better worker: {best} (its smaller ratio over the lessons; the other's: {min(worst.values()):.2f})")
    print(f"ratio={worst[best]:.3f}")


if __name__ == "__main__":
    main()
