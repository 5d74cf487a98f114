"""The plumbing behind the "Inside the network" views: probes by name, computed by the session
at the stride the user sets, failures reported instead of raised, and tabs that ask only for
the visible view's probes."""

import numpy as np
import pytest
from conftest import LESSONS

import core.probes.registry as insights
from core.probes.base import Probe
from core.probes.registry import ProbeFailed
from core.project import load_project
from core.run.loop import run_loop
from core.run.messages import Published, SetStride, SetViews, StateChanged, Step, Stop
from core.run.session import Session

calls = []


class FirstWeight(Probe):
    """A test probe: the first Linear's weight matrix times `scale`; its hook counts the steps."""

    def attach(self):
        self.trainer.after_step.append(self.count)

    def detach(self):
        self.trainer.after_step.remove(self.count)

    def count(self, trainer):
        calls.append(trainer.step_count)

    def compute(self, scale=1.0):
        return self.trainer.model.layer("fc1").weight.detach().numpy() * scale


class Broken(Probe):
    def compute(self):
        raise ValueError("this network has no convolution layer")


@pytest.fixture
def probes(monkeypatch):
    calls.clear()
    monkeypatch.setitem(insights.PROBES, "weight", f"{__name__}:FirstWeight")
    monkeypatch.setitem(insights.PROBES, "broken", f"{__name__}:Broken")


def spiral_session():
    return Session(load_project(LESSONS / "spiral_mlp.json"))


def test_wanted_probes_arrive_every_stride_with_their_options(probes, monkeypatch):
    now = [0.0]
    monkeypatch.setattr("core.run.session.time.perf_counter", lambda: now[0])  # 0.1 s a step, as set below
    session = spiral_session()
    session.stride = 5
    session.set_views({"weight": {"scale": 2.0}})
    assert session.snapshot().insights is not None  # the first snapshot after set_views carries them
    for _ in range(4):
        session.step()
        now[0] += 0.1
    assert session.snapshot().insights is None  # 4 steps < stride 5
    session.step()
    shot = session.snapshot()
    expected = session.trainer.model.layer("fc1").weight.detach().numpy() * 2
    assert np.array_equal(shot.insights["weight"], expected)


def test_attach_runs_once_and_its_hooks_see_every_step_while_wanted(probes):
    session = spiral_session()
    session.set_views({"weight": {}})
    session.set_views({"weight": {"scale": 3.0}})
    for _ in range(3):
        session.step()
    assert calls == [1, 2, 3]  # one hook, however often the view asked
    session.set_views({})
    session.step()
    assert calls == [1, 2, 3]  # detached with its view


def test_a_forced_snapshot_carries_probes_once_per_step(probes):
    session = spiral_session()
    session.set_views({"weight": {}})
    session.step()
    assert session.snapshot(probes=True).insights is not None
    assert session.snapshot(probes=True).insights is None  # nothing changed since


def test_a_failing_probe_is_reported_and_training_goes_on(probes):
    session = spiral_session()
    session.set_views({"broken": {}, "nonexistent": {}})
    shot = session.snapshot(probes=True)
    assert isinstance(shot.insights["broken"], ProbeFailed)
    assert shot.insights["broken"].message == "this network has no convolution layer"
    assert "ValueError" in shot.insights["broken"].details
    assert shot.insights["nonexistent"].message == "there is no probe called 'nonexistent'"
    session.step()


def test_the_loop_answers_a_views_command_at_once_while_paused(probes):
    session = spiral_session()
    commands = [Step(2), None, None, SetViews({"weight": {}}), SetStride(0), Stop()]
    messages = []
    run_loop(session, lambda wait: commands.pop(0) if commands else Stop(), messages.append)
    shots = [m.snapshot for m in messages if isinstance(m, Published)]
    assert shots[-1].insights is not None and "weight" in shots[-1].insights
    assert session.stride == 1  # a stride below one step means every step


# ---- the tabs --------------------------------------------------------------------------------


def make_tabs(qtbot, monkeypatch):
    from PySide6.QtCore import QObject, Signal

    import gui.training.view_tabs as view_tabs
    import gui.views.registry as registry
    from gui.views.base import InsightView

    class Probed(InsightView):
        def __init__(self):
            super().__init__()
            self.layer, self.shown, self.contexts = "fc1", [], []

        def wanted(self):
            return {"weight": {"layer": self.layer}}

        def set_context(self, project, data):
            self.contexts.append((project, data))

        def show_insights(self, found):
            self.shown.append(found)

    class Controller(QObject):
        snapshot = Signal(object)

        def __init__(self):
            super().__init__()
            self.asked, self.strides = [], []

        def set_views(self, wanted):
            self.asked.append(wanted)

        def set_stride(self, steps):
            self.strides.append(steps)

    class Dashboard(Probed):
        def wanted(self):
            return {"boundary": {}}

    monkeypatch.setitem(globals(), "Probed", Probed)
    views = [
        registry.ViewSpec("probed", "Probed", f"{__name__}:Probed", "a test view"),
        registry.ViewSpec("missing", "Missing", "gui.views.no_such_module:View", "cannot load"),
    ]
    monkeypatch.setattr(registry, "VIEWS", views)
    monkeypatch.setattr(view_tabs, "VIEWS", views)
    controller = Controller()
    tabs = view_tabs.ViewTabs(Dashboard(), controller)
    qtbot.addWidget(tabs)
    return tabs, controller


def test_tabs_build_views_on_first_show_and_ask_only_for_the_visible_one(qtbot, monkeypatch):
    from core.run.session import Snapshot

    tabs, controller = make_tabs(qtbot, monkeypatch)
    assert tabs.views == {} and tabs.count() == 3
    tabs.set_context("project", "data")
    assert tabs.dashboard.contexts == [("project", "data")] and controller.asked[-1] == {"boundary": {}}
    view = tabs.show_view("probed") or tabs.views["probed"]
    assert view.contexts == [("project", "data")]
    assert controller.asked[-1] == {"weight": {"layer": "fc1"}}
    view.layer = "fc2"
    view.options_changed.emit()
    assert controller.asked[-1] == {"weight": {"layer": "fc2"}}
    empty = np.zeros(0)
    shot = Snapshot(1, 0, 0.1, empty, empty, empty, insights={"weight": 7, "boundary": 8})
    controller.snapshot.emit(shot)
    assert view.shown == [{"weight": 7}] and view in tabs.delivered and tabs.dashboard.shown == []
    assert tabs.show_view("training") is tabs.dashboard
    assert controller.asked[-1] == {"boundary": {}}  # the dashboard asks like any view
    controller.snapshot.emit(shot)
    assert len(view.shown) == 1  # a hidden view is not drawn
    assert tabs.dashboard.shown == [{"boundary": 8}]
    tabs.stride.setValue(50)
    assert controller.strides == [50]


def test_a_view_that_cannot_load_says_why_in_its_tab(qtbot, monkeypatch):
    from gui.views.base import MessageLabel

    tabs, controller = make_tabs(qtbot, monkeypatch)
    tabs.show_view("missing")
    label = tabs.currentWidget().findChild(MessageLabel)
    assert label.text().startswith("This view could not be loaded: No module named 'gui.views.no_such_module'")
    assert controller.asked[-1] == {}


def test_while_running_the_stride_holds_however_often_snapshots_are_taken(probes):
    session = spiral_session()
    session.stride = 1000
    session.set_views({"weight": {}})
    session.snapshot()
    carried = 0
    for _ in range(30):
        session.step()
        carried += session.snapshot().insights is not None  # as run_loop asks while running
    assert carried == 0


def test_messages_of_a_stopped_run_or_another_generation_are_ignored(qtbot):
    from core.project import load_project
    from core.run.session import Snapshot
    from gui.training.controller import TrainingController

    controller = TrainingController()
    controller.start(load_project(LESSONS / "spiral_mlp.json"), generation=3)
    qtbot.waitUntil(lambda: controller.state == "paused", timeout=30000)
    current = controller.run_handle
    received = []
    controller.snapshot.connect(received.append)
    empty = np.zeros(0)
    current.worker.message.emit(Published(2, Snapshot(99, 3, 0.1, empty, empty, empty)))  # an older model's
    assert received == [] and controller.step == 0
    controller.shutdown()
    current.worker.message.emit(Published(3, Snapshot(99, 3, 0.1, empty, empty, empty)))
    current.worker.message.emit(StateChanged(3, "running"))
    assert received == [] and controller.step == 0 and controller.state == "idle"
    assert controller.wait_stopped(10)
