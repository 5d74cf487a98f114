"""The run loop and its typed protocol: every command and message pickles, commands are obeyed
between steps and between landscape chunks, and the landscape is computed where the model is."""

import dataclasses
import pickle

import numpy as np
import pytest
from conftest import LESSONS

from core.data.catalog import load_dataset
from core.landscape.grid import LandscapeJob, LandscapeResult
from core.project import load_project
from core.run import messages as m
from core.run.loop import run_loop, start_session
from core.run.session import Session, Snapshot
from core.train_config import TrainConfig


def spiral_session():
    return Session(load_project(LESSONS / "spiral_mlp.json"), device="cpu")


class Script:
    """Commands for the loop: each item is a command, None (nothing yet) or a function of the
    messages so far that returns one (to act on what the loop said)."""

    def __init__(self, *items):
        self.items, self.messages = list(items), []

    def next_command(self, wait: bool):
        if not self.items:
            return m.Stop()
        item = self.items.pop(0)
        return item(self.messages) if callable(item) else item

    def of(self, kind):
        return [message for message in self.messages if isinstance(message, kind)]


def run(session, *items, generation=7) -> Script:
    script = Script(*items)
    run_loop(session, script.next_command, script.messages.append, generation)
    return script


def test_every_command_and_message_pickles():
    empty = np.zeros(0)
    shot = Snapshot(1, 0, 0.1, empty, empty, empty)
    result = LandscapeResult("random", None, 3, 0.5, np.zeros(2), np.zeros(2), np.zeros((2, 2)))
    data = load_dataset("logic", {})
    examples = [
        m.Run(),
        m.Run(5, m.Goal("test_acc", 0.9)),
        m.Pause(),
        m.Step(3),
        m.SetTraining(TrainConfig(lr=0.5)),
        m.SetData(data),
        m.SetFrozen(("fc1",)),
        m.SetViews({"weights": {"layer": "fc1"}}),
        m.SetStride(5),
        m.SetPace(4.0),
        m.Save("/tmp/run"),
        m.ComputeLandscape(2, m.LandscapeOptions("pca", 17, 2.0, 1)),
        m.CancelLandscape(2),
        m.Stop(),
        m.Ready(1, "cpu"),
        m.StateChanged(1, "running"),
        m.Published(1, shot),
        m.Diverged(1, "the loss became NaN"),
        m.Failed(1, "boom", "Traceback"),
        m.Reached(1, "epoch 3 done"),
        m.Saved(1, "/tmp/run"),
        m.RunEnded(1, "stopped", {}, [], {"fc.weight": np.zeros(2)}, 3),
        m.LandscapeProgress(1, 2, 10, 289, result),
        m.LandscapeDone(1, 2, result),
        m.LandscapeFailed(1, 2, "no path", ""),
        m.SetParameter("fc1", "weight", (0, 1), 0.5),
        m.ParameterSet(1, "fc1", "weight", (0, 1), 0.1, 0.5),
        m.Refused(1, "training is running"),
        m.Pretrain(20),
        m.CancelPretrain(),
        m.PretrainProgress(1, 2, 5, "fc2", 3, 20, 0.01, 0.3),
        m.PretrainDone(1, True, 1, ((0.3, 0.01),), {"fc1.weight": np.zeros(2)}),
        m.PretrainFailed(1, "boom", ""),
    ]
    kinds = {cls for cls in vars(m).values() if isinstance(cls, type) and issubclass(cls, (m.Command, m.Message))}
    assert kinds - {m.Command, m.Message} == {type(example) for example in examples}  # one of each
    for example in examples:
        copy = pickle.loads(pickle.dumps(example))
        assert type(copy) is type(example) and dataclasses.is_dataclass(copy)
        assert dataclasses.fields(copy) == dataclasses.fields(example)
    assert pickle.loads(pickle.dumps(examples[4])).config == TrainConfig(lr=0.5)


def test_start_and_step_say_who_they_are_with_the_generation():
    messages = []
    session = start_session(load_project(LESSONS / "spiral_mlp.json"), None, None, messages.append, generation=4)
    script = Script(m.Step(2), None, None)
    run_loop(session, script.next_command, messages.append, 4)
    assert {message.generation for message in messages} == {4}
    states = [message.state for message in messages if isinstance(message, m.StateChanged)]
    assert states == ["starting", "paused", "paused", "stopped"]
    assert [message.snapshot.step for message in messages if isinstance(message, m.Published)][-1] == 2


def test_set_training_changes_the_running_optimiser_and_the_last_epoch():
    session = spiral_session()
    old = session.trainer.config
    new = old.replace(lr=0.003, epochs=old.epochs + 5, clip_norm=2.0)
    run(session, m.Step(1), None, m.SetTraining(new), m.Step(1), None)
    assert session.trainer.optimizer.param_groups[0]["lr"] == pytest.approx(0.003)
    assert session.trainer.config == new and session.last_epoch == old.epochs + 5
    run(session, m.SetTraining(old))  # undo
    assert session.trainer.optimizer.param_groups[0]["lr"] == pytest.approx(old.lr)
    assert session.last_epoch == old.epochs


def landscape_of(session, options):
    """The same landscape computed directly, on the session's model as it is now."""
    t = session.trainer
    weights = {k: v.detach().numpy().copy() for k, v in t.model.state_dict().items()}
    trajectory = session.trajectory()
    job = LandscapeJob(t.project, t.data, weights, trajectory, t.step_count, options.directions, options.seed)
    return list(job.grid(options.grid, options.scale))[-1].values


def test_the_landscape_is_computed_in_the_loop_coarse_to_fine():
    session = spiral_session()
    options = m.LandscapeOptions("pca", 17, 1.5)
    script = run(session, m.Step(30), *[None] * 30, m.ComputeLandscape(3, options), *[None] * 400)
    done = script.of(m.LandscapeDone)
    assert len(done) == 1 and done[0].request == 3 and done[0].generation == 7
    assert done[0].result.values == pytest.approx(landscape_of(session, options), rel=1e-6)
    assert done[0].result.step == 30 and done[0].result.line is not None
    pictures = [p.result for p in script.of(m.LandscapeProgress) if p.result is not None]
    assert [len(p.xs) for p in pictures] == [9, 17]  # a coarse grid first, then finer


def test_cancel_and_stop_are_obeyed_between_landscape_chunks():
    session = spiral_session()
    big = m.LandscapeOptions("random", 101)
    cancelled = run(session, m.Step(5), *[None] * 5, m.ComputeLandscape(1, big), None, None, m.CancelLandscape(1))
    progress = cancelled.of(m.LandscapeProgress)
    assert progress and progress[-1].done < 101 * 101 and not cancelled.of(m.LandscapeDone)
    stopped = run(session, m.ComputeLandscape(2, big), None, None, m.Stop())
    assert stopped.messages[-1] == m.StateChanged(7, "stopped") and not stopped.of(m.LandscapeDone)


def test_training_goes_on_while_a_landscape_is_computed_on_a_copy_of_the_weights():
    session = spiral_session()
    options = m.LandscapeOptions("random", 33)

    def when_done(messages):
        return m.Stop() if any(isinstance(x, m.LandscapeDone) for x in messages) else None

    script = run(session, m.Step(1), None, m.ComputeLandscape(5, options), m.Run(), *[when_done] * 100_000)
    trained = [shot.snapshot.step for shot in script.of(m.Published)]
    done = script.of(m.LandscapeDone)
    assert done and done[0].result.step == 1  # the weights when it was asked for
    assert trained[-1] > 1  # training went on meanwhile


def test_a_landscape_that_cannot_be_computed_says_why():
    session = Session(load_project(LESSONS / "spiral_mlp.json"), device="cpu")
    session.probe("landscape").recorder.trajectory = lambda: None  # as if no path was recorded
    script = run(session, m.ComputeLandscape(1, m.LandscapeOptions("pca", 9)), None)
    failed = script.of(m.LandscapeFailed)
    assert failed and "PCA directions need the training path" in failed[0].text


def test_slow_motion_paces_the_steps_and_publishes_every_one_with_its_probes():
    session = spiral_session()
    session.set_views({"boundary": {}})
    script = run(session, m.SetPace(20.0), m.Step(6), *[None] * 2000)
    shots = [message.snapshot for message in script.of(m.Published)]
    stepped = [shot for shot in shots if len(shot.steps)]
    assert [int(shot.steps[-1]) for shot in stepped] == [1, 2, 3, 4, 5, 6]  # each step its own snapshot
    assert all("boundary" in (shot.insights or {}) for shot in stepped)  # ... drawn with its picture


def run_until_it_pauses(session, command: m.Run) -> list:
    """Send `command`, then nothing until the loop pauses by itself (or 200 epochs pass), then Stop."""
    messages, sent = [], []

    def next_command(wait: bool):
        if not sent:
            sent.append(command)
            return command
        paused = any(isinstance(x, m.StateChanged) and x.state == "paused" for x in messages)
        return m.Stop() if paused or session.trainer.epoch >= 200 else None

    run_loop(session, next_command, messages.append, 3)
    return messages


def test_run_for_n_epochs_pauses_by_itself_after_them_and_says_so():
    session = spiral_session()
    run(session, m.Step(5), *[None] * 5)  # mid-epoch: "3 epochs" means three more epoch ends
    messages = run_until_it_pauses(session, m.Run(epochs=3))
    assert session.trainer.epoch == 3 and [r.epoch for r in session.records] == [1, 2, 3]
    assert [x.text for x in messages if isinstance(x, m.Reached)] == ["epoch 3 done"]
    assert [x.state for x in messages if isinstance(x, m.StateChanged)] == ["running", "paused", "stopped"]
    assert [x for x in messages if isinstance(x, m.Published)][-1].snapshot.step == session.trainer.step_count
    messages = run_until_it_pauses(session, m.Run(epochs=2))
    assert session.trainer.epoch == 5


@pytest.mark.parametrize("goal", [m.Goal("test_acc", 0.8), m.Goal("train_loss", 0.3)])
def test_run_until_a_goal_pauses_at_the_first_epoch_that_meets_it(goal):
    session = spiral_session()
    messages = run_until_it_pauses(session, m.Run(until=goal))
    *before, last = session.records
    assert goal.met(last) and not any(goal.met(r) for r in before) and len(before) >= 2
    (reached,) = [x.text for x in messages if isinstance(x, m.Reached)]
    assert reached.endswith(f"at epoch {last.epoch}") and reached.startswith(("test accuracy", "train loss"))


def test_a_goal_already_met_waits_for_the_next_epoch_end():
    session = spiral_session()
    run(session, m.Step(14 * 3), *[None] * 42)  # three epochs
    goal = m.Goal("train_loss", 100.0)  # met by every epoch
    run_until_it_pauses(session, m.Run(until=goal))
    assert session.trainer.epoch == 4  # not paused at once, where it stood


def test_the_last_snapshot_of_a_finished_run_carries_probes_of_the_final_weights():
    session = spiral_session()
    session.trainer.update_settings(session.trainer.config.replace(epochs=2))
    session.last_epoch = 2
    messages = []
    script = [m.SetViews({"activations": {}}), m.SetStride(100_000), m.Run()]

    def next_command(wait):
        if script:
            return script.pop(0)
        return m.Stop() if any(isinstance(x, m.StateChanged) and x.state == "finished" for x in messages) else None

    run_loop(session, next_command, messages.append, 3)
    last = [x.snapshot for x in messages if isinstance(x, m.Published)][-1]
    assert last.step == session.trainer.step_count == 28
    assert last.insights["activations"].steps[-1] == 28  # drawn from the weights the run ended with


def test_the_training_process_reads_a_burst_of_commands_at_once_and_looks_again_within_2_ms():
    import multiprocessing
    import time

    from core.run.loop import LOOK_EVERY, PipeCommands

    window, trainer = multiprocessing.Pipe()
    commands = PipeCommands(trainer)
    looked = time.perf_counter()
    assert commands(False) is None  # nothing yet: the next look waits LOOK_EVERY
    window.send(m.Pause())
    early = commands(False)
    if time.perf_counter() - looked < LOOK_EVERY:  # (a stalled machine may have let the time pass)
        assert early is None  # too soon after the last look: a step takes far less than 2 ms
        time.sleep(LOOK_EVERY * 1.5)
        early = commands(False)
    assert isinstance(early, m.Pause)
    window.send(m.Step(1))
    window.send(m.Step(2))
    assert commands(False).steps == 1 and commands(False).steps == 2  # a burst: read one after the other
    window.send(m.Pause())
    assert isinstance(commands(True), m.Pause)  # waiting: read at once
