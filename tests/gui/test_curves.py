"""The live training plots: what is drawn is exactly what was added, the timer draws into the same
items however long the run, and the log scale, clearing and regression runs behave."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QCheckBox

from gui.views.dashboard.curves import TrainingCurves


@pytest.fixture
def curves(qtbot):
    widget = TrainingCurves()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    return widget


def batches(count: int, size: int, seed: int = 0):
    """Consecutive (steps, losses, lrs) batches of a noisy decaying loss."""
    rng = np.random.default_rng(seed)
    for b in range(count):
        steps = np.arange(b * size, (b + 1) * size)
        yield steps, 2.0 * np.exp(-steps / 500) + rng.uniform(0.01, 0.3, size), np.full(size, 0.1 / (1 + b))


def test_the_timer_draws_exactly_the_steps_added_then_goes_idle(curves, qtbot):
    added = list(batches(3, 40))
    for steps, losses, lrs in added:
        curves.add_steps(steps, losses, lrs)
    assert len(curves.loss_curve_data()[0]) == 0  # stored, not yet drawn: drawing waits for the frame timer
    drawn = lambda: len(curves.loss_curve_data()[0]) == 120 and len(curves.lr_curve_data()[0]) > 0  # noqa: E731
    qtbot.waitUntil(drawn, timeout=2000)
    x, y = curves.loss_curve_data()
    assert np.array_equal(x, np.concatenate([b[0] for b in added]))
    assert np.array_equal(y, np.concatenate([b[1] for b in added]))
    lr_x, lr_y = curves.lr_curve_data()  # the rate's line passes through every step's rate ...
    assert np.array_equal(np.interp(x, lr_x, lr_y), np.concatenate([b[2] for b in added]))
    assert len(lr_x) == 6  # ... drawn through the ends of each batch's constant rate only
    qtbot.waitUntil(lambda: not curves.frame_timer.isActive(), timeout=2000)  # nothing new: the timer sleeps
    left, right = curves.loss_plot.viewRange()[0]
    assert left <= 0 and right == 140.0  # the whole run (to step 119) in view, ending at a round number near it


def test_each_frame_redraws_one_plot_so_input_waits_for_one_repaint_at_most(curves):
    steps, losses, lrs = next(batches(1, 40))
    curves.add_steps(steps, losses, lrs)
    curves.add_evaluation(39, 1.0, 1.1, 50.0, 45.0)

    def drawn():
        accuracy = curves.evaluation_data()["train_acc"][0]
        return len(curves.loss_curve_data()[0]), len(accuracy), len(curves.lr_curve_data()[0])

    seen = []
    for _ in range(4):
        curves.frame_timer.timeout.emit()  # one tick of the frame timer
        seen.append(drawn())
    assert seen == [(40, 0, 0), (40, 1, 0), (40, 1, 2), (40, 1, 2)]  # loss, accuracy, rate (2 points: one rate)
    assert not curves.frame_timer.isActive()  # the fourth found nothing new and put the timer to sleep


def test_evaluation_markers_are_what_was_added(curves):
    evaluations = [(40, 1.5, 1.7, 55.0, 50.0), (80, 0.9, 1.1, 75.0, 68.5), (120, 0.5, 0.8, 90.0, 81.25)]
    for evaluation in evaluations:
        curves.add_evaluation(*evaluation)
    curves.flush()
    drawn = curves.evaluation_data()
    for column, name in enumerate(("train_loss", "test_loss", "train_acc", "test_acc"), start=1):
        x, y = drawn[name]
        assert np.array_equal(x, [e[0] for e in evaluations]) and np.array_equal(y, [e[column] for e in evaluations])
        assert curves.evaluation_items[name].opts["symbol"] == "o"  # markers, not just a line
    assert not curves.accuracy_plot.isHidden() and curves.no_accuracy.isHidden()


def test_log_scale_switches_the_loss_plot_and_follows_its_checkbox(curves, qtbot):
    steps, losses, lrs = next(batches(1, 200))
    curves.add_steps(steps, losses, lrs)
    checkbox = curves.findChild(QCheckBox, "log_scale")
    curves.set_log_scale(True)
    curves.flush()
    assert checkbox.isChecked() and curves.step_loss.opts["logMode"] == [False, True]
    assert curves.loss_plot.getAxis("left").logMode
    assert np.allclose(curves.loss_curve_data()[1], np.log10(losses))
    bottom, top = curves.loss_plot.viewRange()[1]  # the range is set in log10 units too
    assert bottom <= np.log10(losses.min()) and np.log10(np.percentile(losses, 99)) <= top < np.log10(losses.max()) + 1
    checkbox.click()
    assert not checkbox.isChecked() and not curves.loss_plot.getAxis("left").logMode
    assert curves.step_loss.opts["logMode"] == [False, False]
    curves.flush()
    assert np.array_equal(curves.loss_curve_data()[1], losses)
    checkbox.click()
    assert curves.loss_plot.getAxis("left").logMode


def test_clear_empties_every_plot_and_the_buffers(curves):
    for steps, losses, lrs in batches(3, 50):
        curves.add_steps(steps, losses, lrs)
    curves.add_evaluation(150, 0.2, 0.3, None, None)
    curves.flush()
    curves.clear()
    assert not curves.frame_timer.isActive()
    assert all(len(column) == 0 for column in curves.stored_steps())
    assert len(curves.loss_curve_data()[0]) == 0 and len(curves.lr_curve_data()[0]) == 0
    assert all(len(x) == 0 and len(y) == 0 for x, y in curves.evaluation_data().values())
    assert not curves.accuracy_plot.isHidden()  # the next run may well be a classifier
    curves.add_steps(np.arange(5), np.ones(5), np.ones(5))
    curves.flush()
    assert np.array_equal(curves.loss_curve_data()[0], np.arange(5))


def test_100k_steps_are_all_kept_and_drawn_into_the_same_items(curves):
    plots = (curves.loss_plot, curves.accuracy_plot, curves.lr_plot)
    before = [list(plot.getPlotItem().items) for plot in plots]
    spike_step = 71_234
    for i, (steps, losses, lrs) in enumerate(batches(1000, 100)):
        losses[steps == spike_step] = 50.0
        curves.add_steps(steps, losses, lrs)
        if i % 10 == 9:
            curves.flush()  # as the frame timer would, now and then
        if i % 100 == 99:
            curves.add_evaluation(int(steps[-1]), 0.3, 0.35, 90.0, 88.0)
    curves.flush()
    steps, losses, _ = curves.stored_steps()
    last_loss = list(batches(1000, 100))[-1][1][-1]
    assert len(steps) == 100_000 and steps[-1] == 99_999 and losses[-1] == last_loss and losses[spike_step] == 50.0
    full_x, full_y = curves.step_loss.getOriginalDataset()  # what the item holds, before clipping and downsampling
    assert len(full_x) == 100_000 and full_x[-1] == 99_999 and full_y[-1] == last_loss
    assert [list(plot.getPlotItem().items) for plot in plots] == before  # the same items, none added
    x, y = curves.loss_curve_data()
    assert len(x) < 20_000  # downsampled to the pixels ...
    assert y.max() == 50.0  # ... by peaks, so the one-step spike still shows
    assert curves.loss_plot.viewRange()[1][1] < 10  # ... while the axis is not stretched to fit it


def test_one_early_spike_does_not_flatten_the_loss_axis(curves):
    steps, losses, lrs = next(batches(1, 300))
    losses[3] = 100.0
    curves.add_steps(steps, losses, lrs)
    curves.add_evaluation(299, 0.9, 1.4, None, None)
    curves.flush()
    bottom, top = curves.loss_plot.viewRange()[1]
    assert bottom <= losses.min() and max(np.percentile(losses, 98), 1.4) < top < 5  # the test loss at 1.4 still fits


def test_the_loss_axis_stays_put_while_the_loss_stays_in_view(curves, qtbot):
    curves.resize(500, 260)  # a short plot: its legend takes much of the height (the room kept above the curves)
    qtbot.waitUntil(lambda: curves.loss_plot.height() < 150)
    rng = np.random.default_rng(0)
    ranges = []
    for frame in range(30):  # a loss that has settled: noise around one level
        steps = np.arange(frame * 20, (frame + 1) * 20)
        curves.add_steps(steps, 0.5 + rng.uniform(-0.05, 0.05, 20), np.full(20, 0.1))
        curves.flush()
        ranges.append(tuple(curves.loss_plot.viewRange()[1]))
    assert len(set(ranges[5:])) == 1  # each move of an axis lays out and repaints its ticks again


def test_a_diverged_run_with_nan_and_inf_losses_still_draws(curves):
    losses = np.array([1.0, 0.8, np.nan, 0.7, np.inf, 0.6])
    curves.add_steps(np.arange(6), losses, np.full(6, 0.1))
    curves.set_log_scale(True)
    curves.flush()
    assert np.array_equal(curves.stored_steps()[1], losses, equal_nan=True)
    bottom, top = curves.loss_plot.viewRange()[1]
    assert np.isfinite([bottom, top]).all() and bottom <= np.log10(0.6) and np.log10(1.0) <= top


def test_regression_runs_replace_the_accuracy_plot_with_a_note(curves, qtbot):
    curves.add_steps(np.arange(10), np.linspace(1, 0.5, 10), np.full(10, 0.01))
    loss_height = curves.loss_plot.height()
    curves.add_evaluation(9, 0.5, 0.6, None, None)
    curves.flush()
    assert curves.accuracy_plot.isHidden() and not curves.no_accuracy.isHidden()
    assert "no accuracy" in curves.no_accuracy.text()
    qtbot.waitUntil(lambda: curves.loss_plot.height() > loss_height + 40)  # the other plots take its room
    assert all(len(curves.evaluation_data()[name][0]) == 0 for name in ("train_acc", "test_acc"))
    assert np.array_equal(curves.evaluation_data()["test_loss"][1], [0.6])


def test_per_epoch_points_are_joined_only_between_consecutive_epochs(qtbot):
    curves = TrainingCurves()
    qtbot.addWidget(curves)
    for epoch in (1, 2, 3, 5, 6):  # epoch 4 was never evaluated (say, the run diverged and was resumed)
        curves.add_evaluation(10 * epoch, 1.0 / epoch, 1.2 / epoch, 50.0, 45.0, epoch=epoch)
    curves.flush()
    item = curves.evaluation_items["test_loss"]
    assert list(item.curve.opts["connect"]) == [True, True, False, True, False]
    assert list(curves.evaluation_data()["test_loss"][0]) == [10, 20, 30, 50, 60]


def test_the_axis_says_when_epochs_are_evaluated_on_a_subsample(curves):
    axis = curves.lr_plot.getAxis("bottom")
    curves.set_evaluated_on((420, 420), (180, 180))
    assert axis.labelText == "step"
    curves.set_evaluated_on((2000, 60000), (2000, 10000))
    assert "per-epoch points on 2,000 of 60,000 train and 2,000 of 10,000 test samples" in axis.labelText


@pytest.mark.parametrize("size", [(190, 300), (520, 400), (900, 400)])  # 190×300: a 1024×768 screen's
def test_the_legend_sits_above_every_point_drawn_and_clear_of_the_log_scale_box(curves, qtbot, size):
    curves.resize(*size)
    for steps, losses, lrs in batches(10, 40):
        curves.add_steps(steps, losses, lrs)
        curves.add_evaluation(int(steps[-1]), float(losses[-5:].mean()), float(losses[:5].max()), 60.0, 55.0)
    curves.flush()
    qtbot.wait(50)
    plot = curves.loss_plot.getPlotItem()
    legend = plot.legend.sceneBoundingRect()
    box = plot.getViewBox().sceneBoundingRect()
    assert box.contains(legend.topLeft()) and box.contains(legend.bottomRight())  # whole, not cut at a side
    for item in plot.listDataItems() if size[0] > 190 else []:  # a 190-wide plot has no room above them
        x, y = item.getData()
        for px, py in zip(x, y, strict=True):
            assert not legend.contains(plot.getViewBox().mapViewToScene(pg.Point(px, py)))
    on_widget = curves.loss_plot.mapFromScene(legend).boundingRect().translated(curves.loss_plot.pos())
    assert not on_widget.intersects(curves.log_scale.geometry())


def test_longer_legend_words_shrink_to_fit_rather_than_being_cut(curves, qtbot):
    curves.resize(520, 400)
    qtbot.wait(20)
    legend = curves.loss_plot.getPlotItem().legend
    spanish = ["entrenamiento, cada paso", "entrenamiento, época", "prueba, época"]
    for (_, label), words in zip(legend.items, spanish, strict=True):
        label.setText(words)
    for steps, losses, lrs in batches(10, 40):
        curves.add_steps(steps, losses, lrs)
        curves.add_evaluation(int(steps[-1]), float(losses[-5:].mean()), float(losses[:5].max()), 60.0, 55.0)
    curves.flush()
    curves._fit_legend()
    qtbot.wait(20)
    plot = curves.loss_plot.getPlotItem()
    box, shown = plot.getViewBox().sceneBoundingRect(), legend.sceneBoundingRect()
    assert box.contains(shown.topLeft()) and box.contains(shown.bottomRight())
    for item in plot.listDataItems():  # two rows of legend, and still above every point
        for px, py in zip(*item.getData(), strict=True):
            assert not shown.contains(plot.getViewBox().mapViewToScene(pg.Point(px, py)))


def test_the_rate_axis_names_zero_and_the_largest_rate_and_nothing_before_a_run(curves):
    ticks = lambda: curves.lr_plot.getAxis("left")._tickLevels
    assert ticks() == [[]]  # no rate yet: no made-up values on an empty axis
    for steps, losses, lrs in batches(3, 40):  # a decaying rate: 0.1, 0.05, 0.033
        curves.add_steps(steps, losses, lrs)
    curves.flush()
    assert ticks() == [[(0.0, "0"), (0.1, "0.1")]]
    curves.clear()
    assert ticks() == [[]]


@pytest.mark.parametrize("last", [137, 461, 598, 800, 841, 1999, 2460, 10_050])
def test_the_step_axis_ends_near_the_data(curves, last):
    curves.add_steps(np.arange(last + 1), np.ones(last + 1), np.ones(last + 1))
    curves.flush()
    left, right = curves.loss_plot.viewRange()[0]
    assert last < right <= last * 5 / 4 + 2  # the data fills at least 4/5 of the axis


def test_epoch_dots_give_way_to_the_line_when_they_would_merge(curves):
    """900 px wide: a dot per epoch-end fits for a few dozen epochs, not for a thousand."""
    for epoch in range(1, 41):
        curves.add_evaluation(epoch * 10, 1.0 / epoch, 1.2 / epoch, 50.0, 45.0, epoch)
    curves.flush()
    assert all(item.opts["symbol"] == "o" for item in curves.evaluation_items.values())
    for epoch in range(41, 1001):
        curves.add_evaluation(epoch * 10, 1.0 / epoch, 1.2 / epoch, 50.0, 45.0, epoch)
    curves.flush()
    for name, item in curves.evaluation_items.items():
        assert item.opts["symbol"] is None
        x, _ = curves.evaluation_data()[name]
        assert len(x) == 1000  # every epoch is still on the line
