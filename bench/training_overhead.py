"""Training speed through the app against the plain PyTorch script a user would write instead.

Each lesson (spiral MLP, digits CNN) trains three ways, in timed windows of WINDOW seconds:
  plain     - a plain loop here: GraphModule from the lesson's graph, its optimiser and batch size,
              the same tensors, torch.set_num_threads(1) (the app's trainer uses one thread too),
              the batch loss read every step, and after every epoch the same train/test evaluation
              the app shows (the same fixed subsample of at most EVALUATION_SAMPLES of each set);
  dashboard - Run in the real MainWindow (offscreen, its event loop drawing every snapshot), the
              app's own process worker, with the Training tab (the dashboard) in front;
  view      - the same run with the inside-the-network view VIEW in front instead.
The three take turns in ROUNDS short interleaved rounds (PDV VDP PDV ...), each round's app windows
set against the plain window of the same round. One process worker per lesson serves all its app
windows (Pause between them, so the plain loop trains alone); each app window starts WARM seconds
after training resumes, so start-up, a view's first build and its first probes are not timed. An
app window runs from one snapshot to the first snapshot made WINDOW seconds later, timed by the
trainer's clock (Snapshot.made_at), which the window's drawing delays do not blur; when probes make
pictures, from one snapshot with pictures to another, so it holds whole periods of the probes.

Read: ratio = app steps/s / plain steps/s in the same round (1.0: the app costs nothing), the
median over the rounds, with their quartiles. Why so many short rounds: this virtual machine shares
its cores with others, and every few seconds, for 0.3-1 s (at times for most of a minute), a plain
loop alone runs at half speed. Rounds of 1.2-s windows caught more or fewer of those bursts and
gave ratios from 0.56 to 1.38 in one quiet run; rounds of 0.3-s windows, 1.4 s a round, mostly fall
wholly inside or outside a burst, and their median holds. A 0.3-s window still holds every cost of
the app, each of which comes at least every 0.15 s (the evaluation each epoch, the probes, the
snapshots, the window's painting). "other programs" is the CPU other processes here used meanwhile
(cores; rough; above ~0.2 the machine is shared and the ratios drop: the app needs a core for its
window besides the trainer's, the plain loop none).
Under each lesson: the plain loop's steps/s between rounds (quartiles); when they spread by more
than UNSTEADY, the host's speed moved during the run and the bench says its ratios may be off.
VIEW is the view that slowed training most when every view was measured this way
(`--survey`: each view with probes, one lesson after the other, ratio to the dashboard).
The last line is `views_ratio=<worst lesson, VIEW open> ratio=<worst lesson, dashboard>`.
Usage, from the repository root: python bench/training_overhead.py [--survey | --view NAME]
(The window helpers, Run to OtherLoad, are shared with bench/gui_latency.py and bench/memory.py.)
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # imports stay inside functions: the spawned trainer re-imports this file

LESSONS = ("spiral_mlp", "digits_cnn")
VIEW = "hidden"  # the most expensive view here: the digits CNN's hidden layer, 29 steps per refresh (--survey)
ROUNDS = 14
WINDOW = 0.3  # seconds per timed window
WARM = 0.2  # seconds of training before an app window starts (not timed)
PLAIN_WARM = 0.02  # ... and before a plain one (its model stays warm between windows)
UNSTEADY = 0.10  # the plain loop's interquartile range over its median: beyond, the host's speed moved
SURVEY_WINDOW = 1.2  # seconds per window of --survey
SURVEYED = ("folding", "hidden", "activations", "weights", "filters", "gradients", "confusion", "maximise")


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
        self.running, self.step, self.at, self.shots = None, 0, 0.0, 0
        # (the trainer's clock, step) of each snapshot as the trainer sent it, when kept; only of those with
        # pictures when `pictures`: a window then spans whole periods of the view's probes (10 a second),
        # not 2 or 4 of them in 0.3 s as it happens, which moved a costly view's ratio by 10%
        self.marks: list[tuple[float, int]] | None = None
        self.pictures = self.seen_pictures = False
        self.controller.state_changed.connect(self._state)
        self.controller.snapshot.connect(self._snapshot)
        self._add = pacer_add = self.controller.pacer.add

        def sent(shot) -> None:
            self.seen_pictures = self.seen_pictures or bool(shot.insights)
            if self.marks is not None and (shot.insights or not self.pictures):
                self.marks.append((shot.made_at, shot.step))
            pacer_add(shot)

        self.controller.pacer.add = sent

    def _state(self, state: str) -> None:
        if state == "running" and self.running is None:
            self.running, self.first, self.gui_cpu = time.perf_counter(), self.step, time.thread_time()

    def _snapshot(self, shot) -> None:
        self.step, self.at, self.shots = shot.step, time.perf_counter(), self.shots + 1

    def start(self) -> float:
        """Press Run (it starts the worker, or resumes it); seconds until "running"."""
        self.running, pressed = None, time.perf_counter()
        self.controls.run_or_pause()
        wait_until(lambda: self.running is not None)
        return self.running - pressed

    def stop(self) -> None:
        self.controller.pacer.add = self._add
        self.controller.shutdown()
        self.controller.state_changed.disconnect(self._state)
        self.controller.snapshot.disconnect(self._snapshot)


class Plain:
    """The plain script: the lesson's model trained by hand, evaluated after every epoch as the app does."""

    def __init__(self, project, data):
        import torch

        from core.network.build import GraphModule
        from core.network.graph import infer
        from core.train.trainer import Trainer, make_optimizer
        from core.train_config import EVALUATION_SAMPLES

        config, inference = project.training, infer(project.graph)
        assert project.graph.nodes[inference.output_id].params["loss"] == "cross_entropy"
        torch.manual_seed(config.seed)
        self.model = GraphModule(project.graph, inference)
        self.optimizer = make_optimizer(config.optimizer, list(self.model.parameters()), config)
        self.x, self.y = torch.as_tensor(data.x_train), torch.as_tensor(data.y_train)
        test = torch.as_tensor(data.x_test), torch.as_tensor(data.y_test)
        self.sets = [Trainer._subsample(*s, EVALUATION_SAMPLES) for s in ((self.x, self.y), test)]
        self.generator, self.batches, self.batch = torch.Generator().manual_seed(config.seed), [], config.batch_size

    def epoch(self) -> None:
        import torch
        from torch.nn.functional import cross_entropy

        self.model.eval()
        with torch.inference_mode():
            for x, y in self.sets:
                out = self.model(x)
                cross_entropy(out, y).item(), (out.argmax(1) == y).float().mean().item()
        self.model.train()

    def rate(self, seconds: float, warm: float = PLAIN_WARM) -> tuple[float, float, float]:
        """Train for `warm` seconds untimed, then `seconds` timed: steps/s of the timed part, its CPU
        seconds per step, and 0.0 (no GUI: the same shape as app_rate's answer)."""
        import torch
        from torch.nn.functional import cross_entropy

        steps, start, timing = 0, time.perf_counter(), False
        while True:
            if not self.batches:
                if steps or timing:
                    self.epoch()
                self.batches = list(torch.randperm(len(self.x), generator=self.generator).split(self.batch))
            index = self.batches.pop()
            self.optimizer.zero_grad(set_to_none=True)
            loss = cross_entropy(self.model(self.x[index]), self.y[index])
            loss.backward()
            self.optimizer.step()
            loss.item()
            steps += 1
            now = time.perf_counter()
            if not timing and now - start >= warm:
                timing, steps, start, cpu = True, 0, now, time.thread_time()
            elif timing and now - start >= seconds:
                return steps / (now - start), (time.thread_time() - cpu) / steps, 0.0


def cpu_seconds(pid: int) -> float | None:
    """A process's CPU time so far (user + system), None off Linux: contention by other programs
    stretches wall time, not this."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def app_rate(run: Run, seconds: float, warm: float = WARM) -> tuple[float, float | None, float]:
    """Run, train `warm` seconds untimed, then time from one snapshot to the first one made `seconds`
    later, by the trainer's clock (the window hands snapshots on when it has time to draw them); Pause.
    Returns steps/s, the trainer's CPU seconds per step (None off Linux), the GUI thread's CPU share."""
    run.seen_pictures = False
    run.start()
    wait_until(lambda: time.perf_counter() - run.running >= warm)
    pid, run.pictures, run.marks = run.controller.worker.process.pid, run.seen_pictures, []
    marks = run.marks
    wait_until(lambda: len(marks) > 0)
    cpu, gui, began = cpu_seconds(pid), time.thread_time(), time.perf_counter()
    wait_until(lambda: marks[-1][0] - marks[0][0] >= seconds)
    cpu_end, run.marks = cpu_seconds(pid), None
    gui = (time.thread_time() - gui) / (time.perf_counter() - began)
    run.controls.run_or_pause()
    wait_until(lambda: run.controller.state == "paused")
    (start, first), (end, last) = marks[0], marks[-1]
    steps = last - first
    return steps / (end - start), None if None in (cpu, cpu_end) else (cpu_end - cpu) / steps, gui


def spread(values: list[float]) -> str:
    """The median and the quartiles."""
    q1, median, q3 = statistics.quantiles(values)
    return f"{median:.2f} ({q1:.2f}-{q3:.2f})"


def measure(window, name: str, view: str) -> dict[str, float]:
    """Plain, dashboard and `view` windows in ROUNDS interleaved rounds; prints a table, returns
    each way's ratio to the plain loop: the median over the rounds."""
    data, project = open_lesson(window, name), window.project
    plain, run = Plain(project, data), Run(window, in_process=True)
    ways = ("plain", "dashboard", view)
    runs, load = {way: [] for way in ways}, None  # per way and round: (steps/s, CPU s per step, GUI CPU)
    for r in range(ROUNDS):
        for way in ways if r % 2 == 0 else ways[::-1]:
            if way == "plain":
                runs[way].append(plain.rate(WINDOW, warm=WARM if r == 0 else PLAIN_WARM))
                continue
            window.show_view("training" if way == "dashboard" else view)
            runs[way].append(app_rate(run, WINDOW))
        if load is None:
            load = OtherLoad((run.controller.worker.process.pid,))  # from the end of the first round
    others = load.cores()
    run.stop()
    window.show_view("training")
    config = project.training
    print(f"\n{name}: batch {config.batch_size}, {config.optimizer}; {ROUNDS} rounds of {WINDOW:g} s windows")
    print(f"  {'way':<22}{'steps/s':>8}   {'ratio (quartiles)':<19}{'CPU ratio':>10}{'GUI CPU':>9}")
    ratios = {}
    for way in ways:
        rounds = [a[0] / b[0] for a, b in zip(runs[way], runs["plain"], strict=True)]
        ratios[way] = statistics.median(rounds)
        cpu = [b[1] / a[1] for a, b in zip(runs[way], runs["plain"], strict=True) if a[1]]
        cpu = f"{statistics.median(cpu):.2f}" if cpu else "-"
        gui = f"{statistics.median(r[2] for r in runs[way]):.2f}" if way != "plain" else "-"
        label = {"plain": "plain script", "dashboard": "app, dashboard"}.get(way, f"app, {way} view")
        rate = statistics.median(r[0] for r in runs[way])
        print(f"  {label:<22}{rate:>8.0f}   {spread(rounds):<19}{cpu:>10}{gui:>9}")
    print(f"  other programs: {'unknown' if others is None else f'{max(others, 0):.2f} cores busy'}")
    q1, median, q3 = statistics.quantiles(r[0] for r in runs["plain"])
    unsteady = (q3 - q1) / median > UNSTEADY
    print(
        f"  the plain loop between rounds: {q1:.0f}-{median:.0f}-{q3:.0f} steps/s (quartiles)"
        + ("; the host's speed moved: these ratios may be off by more than 5%" if unsteady else "")
    )
    return ratios


def survey(window) -> None:
    """Every view with probes against the dashboard, per lesson, in windows D V V D: which costs most.
    Shown: steps/s, the trainer's CPU time per step and the GUI thread's CPU share, each as the
    view's over the dashboard's (the CPU figures hold on a busy machine; the wall time does not)."""
    for name in LESSONS:
        open_lesson(window, name)
        run = Run(window, in_process=True)
        print(f"\n{name}: each view in front against the dashboard windows around it (view / dashboard)")
        print(f"  {'view':<14}{'steps/s':>8}{'ratio':>7}{'trainer CPU/step':>18}{'GUI CPU':>9}")
        for view in SURVEYED:
            sums = {"training": [0.0, 0.0, 0.0], view: [0.0, 0.0, 0.0]}
            for shown in ("training", view, view, "training"):
                window.show_view(shown)
                for i, value in enumerate(app_rate(run, SURVEY_WINDOW)):
                    sums[shown][i] += value or 0.0
            v, d = sums[view], sums["training"]
            cpu = f"{v[1] / d[1]:.2f}" if d[1] else "-"
            print(f"  {view:<14}{v[0] / 2:>8.0f}{v[0] / d[0]:>7.2f}{cpu:>18}{v[2] / d[2]:>9.2f}")
        run.stop()
    window.show_view("training")


def main() -> None:
    folder = private_environment()
    import torch

    torch.set_num_threads(1)  # the app's trainer trains on one thread: so does the plain loop
    started = time.perf_counter()
    app, window = make_window()
    if "--survey" in sys.argv:
        survey(window)
        window.close()
        return
    view = sys.argv[sys.argv.index("--view") + 1] if "--view" in sys.argv else VIEW
    print("plain script on 1 thread, like the app's trainer; the app: real window (offscreen), process worker")
    ratios = {name: measure(window, name, view) for name in LESSONS}
    window.close()
    worst = {way: min(r[way] for r in ratios.values()) for way in ("dashboard", view)}
    print(f"\nwhole benchmark: {time.perf_counter() - started:.0f} s")
    print(f"worst lesson: dashboard {worst['dashboard']:.2f}, {view} view {worst[view]:.2f} (medians of rounds)")
    print(f"views_ratio={worst[view]:.3f} ratio={worst['dashboard']:.3f}")
    folder.cleanup()


if __name__ == "__main__":
    main()
