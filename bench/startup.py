"""Time from launching `python` to the main window's first paint, with a lesson open.

Runs the real app code in a fresh process several times (the first run warms
the disk cache) and reports the median. Usage: python bench/startup.py
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
    print(f"seconds={statistics.median(seconds):.3f}")
