"""Training speed through the app against a bare PyTorch loop: same model, data, optimiser, steps.

Each lesson (spiral MLP, N=2000 steps; digits CNN, N=600) trains three ways:
  bare    - a plain loop here: GraphModule from the lesson's graph, its optimiser and batch size,
            the same tensors, torch.set_num_threads(1) (each worker trains on one thread too);
  thread  - Run in the real MainWindow (offscreen, dashboard visible, its event loop drawing
            every snapshot), training in a QThread;
  process - the same window, training in a spawned child process.
A worker is timed from its "running" state to the snapshot whose step reaches N, both as the
GUI thread receives them, or for CAP seconds at most (1 s thread, 2.5 s process; marked *: the
rate is then over the steps reached) so that the whole benchmark stays under a minute.
Start-up (Run pressed to "running") and the GUI thread's CPU use while training ("GUI CPU",
1.00 = always busy) are shown apart.
Order ABC CBA ABC; two runs of one worker in a row share a start (Pause, then Run again). The
workers also evaluate the whole train and test sets after each epoch; the bare loop does not:
"evaluations" says what that alone costs.

Read: ratio = worker steps/s / bare steps/s, each run against the bare run of its round, median
of the rounds (1.0: the app costs nothing). "other programs" is the CPU other processes used
meanwhile (cores; rough): above ~0.2, distrust the numbers.
The last line is the smaller of the two lessons' ratios for the better worker.
Usage, from the repository root: python bench/training_overhead.py
(The window helpers, Run to OtherLoad, are shared with bench/gui_latency.py.)
"""

import os
import statistics
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # imports stay inside functions: the spawned trainer re-imports this file

LESSONS = {"spiral_mlp": 2000, "digits_cnn": 600}
REPEATS = 3
CAP = {"thread": 1.0, "process": 2.5}  # seconds of training at most per run (the thread worker is the slow one)
WAYS = ("bare", "thread", "process")
LABELS = {"bare": "bare, 1 thread", "thread": "thread worker", "process": "process worker"}


def private_environment() -> tempfile.TemporaryDirectory:
    """Offscreen Qt and a throwaway settings folder (keep the returned object alive)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = tempfile.TemporaryDirectory(prefix="neurona-bench-")
    os.environ["NEURONA_DATA_DIR"] = folder.name
    return folder


class OtherLoad:
    """Cores kept busy by other programs since creation: all CPU time (/proc/stat) minus this
    process's, its ended children's and `pids`' (live children); None off Linux. Rough: tick
    sampling of threads that hand the GIL to and fro can be off by ~0.2 cores."""

    def __init__(self, pids: tuple[int, ...] = ()):
        self.pids = pids
        self.start = self._read()

    def _read(self) -> tuple[float, float] | None:
        try:
            with open("/proc/stat") as f:
                v = [int(x) for x in f.readline().split()[1:9]]
            own = 0
            for pid in ("self", *self.pids):
                with open(f"/proc/{pid}/stat") as f:
                    own += sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:15])  # u/s time, children's
        except OSError:
            return None
        return time.perf_counter(), (sum(v) - v[3] - v[4] - own) / os.sysconf("SC_CLK_TCK")

    def cores(self) -> float | None:
        end = self._read()
        return None if None in (end, self.start) else (end[1] - self.start[1]) / (end[0] - self.start[0])


def wait_until(predicate, timeout: float = 60.0) -> None:
    """Run the GUI event loop until predicate() holds (checked every 10 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, timer, deadline = QEventLoop(), QTimer(interval=10), time.perf_counter() + timeout
    timer.timeout.connect(lambda: (predicate() or time.perf_counter() > deadline) and loop.quit())
    timer.start()
    if not predicate():
        loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("gave up waiting")


def make_window():
    """The app's main window, shown (offscreen unless QT_QPA_PLATFORM says otherwise)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # the offscreen platform warns on every dock layout; everything else still goes to stderr
    qInstallMessageHandler(lambda mode, context, text: "propagateSizeHints" in text or print(text, file=sys.stderr))
    app = QApplication.instance() or QApplication([])
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app, window


def open_lesson(window, name: str):
    """Open a lesson, wait for its dataset; give it epochs enough that no run finishes early."""
    from core.project import load_project

    window.document.open(load_project(ROOT / "assets" / "lessons" / f"{name}.json"))
    panel = window.dataset_panel
    wait_until(lambda: panel.data is not None and panel.data.name == window.project.dataset)
    window.project.training.epochs = 1_000_000
    return panel.data


class Run:
    """One worker's run, driven with the window's Run action; times as the GUI thread receives them."""

    def __init__(self, window, in_process: bool):
        self.controls, self.controller = window.run_controls, window.run_controls.controller
        self.controller.shutdown()
        self.controller.in_process = in_process
        self.cap = CAP["process" if in_process else "thread"]
        self.running, self.step, self.at = None, 0, 0.0
        self.controller.state_changed.connect(self._state)
        self.controller.snapshot.connect(self._snapshot)

    def _state(self, state: str) -> None:
        if state == "running" and self.running is None:
            self.running, self.first, self.gui_cpu = time.perf_counter(), self.step, time.thread_time()

    def _snapshot(self, shot) -> None:
        self.step, self.at = shot.step, time.perf_counter()

    def start(self) -> float:
        """Press Run (it starts the worker, or resumes it); seconds until "running"."""
        self.running, pressed = None, time.perf_counter()
        self.controls.run_or_pause()
        wait_until(lambda: self.running is not None)
        return self.running - pressed

    def train(self, n: int) -> tuple[float, bool, float, float]:
        """Run n steps (self.cap seconds at most), then Pause: (steps/s, capped, GUI thread's CPU share, start-up)."""
        startup = self.start()
        target = self.first + n
        wait_until(lambda: self.step >= target or time.perf_counter() - self.running >= self.cap)
        rate = (self.step - self.first) / (self.at - self.running)
        gui = (time.thread_time() - self.gui_cpu) / (time.perf_counter() - self.running)
        self.controls.run_or_pause()
        wait_until(lambda: self.controller.state == "paused")
        return rate, self.step < target, gui, startup

    def stop(self) -> None:
        self.controller.shutdown()
        self.controller.state_changed.disconnect(self._state)
        self.controller.snapshot.disconnect(self._snapshot)


def bare_rate(project, data, n: int) -> float:
    """A plain training loop on the same tensors, batches and optimiser as core.train.trainer.Trainer."""
    import torch

    from core.network.build import GraphModule
    from core.network.graph import infer
    from core.train.trainer import make_optimizer

    config, inference = project.training, infer(project.graph)
    assert project.graph.nodes[inference.output_id].params["loss"] == "cross_entropy"
    torch.manual_seed(config.seed)
    model = GraphModule(project.graph, inference)
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
        torch.nn.functional.cross_entropy(model(x[index]), y[index]).backward()
        optimizer.step()
    return n / (time.perf_counter() - start)


def measure(window, name: str, n: int) -> dict[str, float]:
    """Train the lesson every way REPEATS times, print a table; returns each worker's ratio to bare."""
    data, project, load = open_lesson(window, name), window.project, OtherLoad()
    runs = {way: [] for way in WAYS}  # per way: (steps/s, capped, start-up or None, GUI CPU or None)
    run, previous = None, None
    for r in range(REPEATS):
        for way in WAYS if r % 2 == 0 else WAYS[::-1]:
            if run is not None and way != previous:
                run.stop()
                run = None
            if way == "bare":
                runs[way].append((bare_rate(project, data, n), False, None, None))
            else:
                fresh, run = run is None, run or Run(window, way == "process")
                rate, capped, gui, startup = run.train(n)
                runs[way].append((rate, capped, startup if fresh else None, gui))
            previous = way
    if run is not None:
        run.stop()
    others = load.cores()
    from core.train.trainer import Trainer  # its end-of-epoch evaluation: the workers do it, the bare loop does not

    trainer = Trainer(project, data)
    seconds, per_epoch = min(timeit.repeat(trainer.evaluate, number=1, repeat=3)), trainer.steps_per_epoch
    config, median = project.training, lambda values: statistics.median(values) if values else None
    print(f"\n{name}: N={n} steps, batch {config.batch_size}, {config.optimizer}; median of {REPEATS} (ABC CBA ABC)")
    cut = f"*: cut at {CAP['thread']:g} s thread, {CAP['process']:g} s process"
    print(f"  {'way':<16}{'steps/s':>9}{'ratio':>7}{'start-up':>10}{'GUI CPU':>9}   each run ({cut})")
    ratios = {}
    for way in WAYS:  # each run is set against the bare run of its own round: the machine's speed drifts
        rate = median([r[0] for r in runs[way]])
        ratios[way] = median([w[0] / b[0] for w, b in zip(runs[way], runs["bare"], strict=True)])
        start, gui = (median([r[i] for r in runs[way] if r[i] is not None]) for i in (2, 3))
        start, gui = "-" if start is None else f"{start:.2f} s", "-" if gui is None else f"{gui:.2f}"
        each, label = " ".join(f"{r[0]:.0f}{'*' * r[1]}" for r in runs[way]), LABELS[way]
        print(f"  {label:<16}{rate:>9.0f}{ratios[way]:>7.2f}{start:>10}{gui:>9}   {each}")
    share = seconds / (per_epoch / median([r[0] for r in runs["bare"]]))
    print(f"  evaluations: {seconds * 1e3:.1f} ms after each {per_epoch}-step epoch, {share:.0%} of bare time")
    print(f"  other programs: {'unknown' if others is None else f'{max(others, 0):.2f} cores busy'}")
    return ratios


def main() -> None:
    folder = private_environment()
    import torch

    torch.set_num_threads(1)  # the workers train on one thread each: so does the bare loop (in the GUI thread)
    started = time.perf_counter()
    app, window = make_window()
    print("bare loop on 1 thread (torch.set_num_threads(1)), like each worker; workers: real window, live dashboard")
    ratios = {name: measure(window, name, n) for name, n in LESSONS.items()}
    window.close()
    worst = {way: min(r[way] for r in ratios.values()) for way in ("thread", "process")}
    best = max(worst, key=worst.get)
    print(f"\nwhole benchmark: {time.perf_counter() - started:.0f} s")
    print(f"better worker: {best} (worst-lesson ratio {worst[best]:.2f}; the other's {min(worst.values()):.2f})")
    print(f"ratio={worst[best]:.3f}")
    folder.cleanup()


if __name__ == "__main__":
    main()
