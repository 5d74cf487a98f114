"""Time from launching `python` to the main window's first paint, with a lesson open, and from
pressing Run to the first training step, with and without the training process started ahead.

Runs the real app code in fresh processes several times (the first run warms the disk cache)
and reports medians; the two first-Run cases alternate, so both see the same machine.
Usage: python bench/startup.py
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from core.project import load_project
window = MainWindow()
window.document.open(load_project({lesson!r}))
window.show()
def painted():
    print(time.time(), "torch" in sys.modules, flush=True)
    app.quit()
QTimer.singleShot(0, painted)  # runs once the first paint has been processed
app.exec()
"""


FIRST_RUN = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
from core.project import load_project
window = MainWindow()
window.show()
window.document.open(load_project({lesson!r}))
controller = window.run_controls.controller
if {spare}:
    controller.prestart()
start = time.monotonic()
while window.dataset_panel.data is None or time.monotonic() - start < 8:  # the user looks at the canvas
    app.processEvents()
    time.sleep(0.005)
start = time.monotonic()
window.run_controls.run_action.trigger()
while controller.step < 1:
    app.processEvents()
    time.sleep(0.001)
print(time.monotonic() - start, flush=True)
window.close()
"""


def first_run(spare: bool) -> float:
    code = FIRST_RUN.format(root=str(ROOT), lesson=str(ROOT / "assets/lessons/spiral_mlp.json"), spare=spare)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return float(out.stdout.split()[-1])


def launch() -> tuple[float, bool]:
    code = CHILD.format(root=str(ROOT), lesson=str(ROOT / "assets/lessons/digits_cnn.json"))
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    return float(out[0]) - start, out[1] == "True"


if __name__ == "__main__":
    runs = [launch() for _ in range(6)]
    seconds = [s for s, _ in runs[1:]]
    print(
        f"launch to first paint: median {statistics.median(seconds):.2f}s, "
        f"min {min(seconds):.2f}s, max {max(seconds):.2f}s over {len(seconds)} runs; "
        f"torch imported: {runs[-1][1]}"
    )
    cold, warm = [], []
    for _ in range(3):
        cold.append(first_run(spare=False))
        warm.append(first_run(spare=True))
    print(
        f"Run to the first step: {1000 * statistics.median(warm):.0f} ms with the process started ahead, "
        f"{1000 * statistics.median(cold):.0f} ms without (medians of 3, alternated)"
    )
    print(f"first_run_ms={1000 * statistics.median(warm):.0f} cold_first_run_ms={1000 * statistics.median(cold):.0f}")
    print(f"seconds={statistics.median(seconds):.3f}")
