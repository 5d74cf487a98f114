"""While training, the views' changing texts must not lay out (and so repaint) the whole window:
a view's tab page is a LayoutBoundary (gui/widgets/layout_boundary.py), the dashboard's counters
a LiveText (gui/widgets/live_text.py)."""

from conftest import LESSONS
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.widgets.layout_boundary import LayoutBoundary
from gui.widgets.live_text import LiveText


class LayoutRequests(QObject):
    """Counts the layout requests that reach one widget."""

    def __init__(self, watched: QWidget):
        super().__init__()
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def train_and_count(window, qtbot, view: str, snapshots: int = 15) -> int:
    """Layout requests that reach the main window over `snapshots` snapshots: each drawn snapshot
    brought one or two before (a few may come when a view needs more room than it ever did)."""
    window.files.open_lesson(LESSONS / "spiral_mlp.json")
    qtbot.waitUntil(lambda: window.dataset_panel.data is not None, timeout=20000)
    window.project.training.epochs = 100_000
    window.show_view(view)
    seen = []
    window.run_controls.controller.snapshot.connect(seen.append)
    window.run_controls.run_action.trigger()
    qtbot.waitUntil(lambda: len(seen) >= 5, timeout=30000)  # the view is built and laid out
    qtbot.wait(200)
    requests, start = LayoutRequests(window), len(seen)
    qtbot.waitUntil(lambda: len(seen) >= start + snapshots, timeout=30000)
    window.run_controls.run_action.trigger()
    return requests.count


def test_the_dashboard_training_does_not_lay_out_the_window(window, qtbot):
    assert train_and_count(window, qtbot, "training") <= 3


def test_a_view_with_changing_captions_does_not_lay_out_the_window(window, qtbot):
    assert train_and_count(window, qtbot, "neurons") <= 3  # its header says the step, 30 times a second


def test_a_boundary_tells_its_parents_when_its_widget_needs_more_room(qtbot):
    outer = QWidget()
    boundary, label = LayoutBoundary(), QLabel("short")
    boundary.set_widget(label)
    QVBoxLayout(outer).addWidget(boundary)
    outer.show()
    qtbot.waitExposed(outer)
    narrow = outer.minimumSizeHint().width()
    label.setText("a much, much longer text that needs a wider window")
    qtbot.waitUntil(lambda: outer.minimumSizeHint().width() > narrow)
    assert boundary.widget() is label and label.geometry() == boundary.rect()


def test_live_text_asks_for_a_layout_only_for_another_number_of_lines(qtbot):
    holder = QWidget()
    text = LiveText("epoch 1 · step 10")
    column = QVBoxLayout(holder)
    column.addWidget(text)
    column.addStretch(1)
    holder.resize(300, 300)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.wait(50)  # the first layout is done
    requests = LayoutRequests(holder)
    for step in range(11, 40):
        text.setText(f"epoch 1 · step {step}")
        qtbot.wait(1)
    assert requests.count == 0 and text.text() == "epoch 1 · step 39"
    text.setText(" ".join(["a long line of figures that wraps"] * 6))
    qtbot.waitUntil(lambda: requests.count > 0)
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()) > 3 * text.fontMetrics().height())
