"""The decision boundary names the sample the last step trained on (batch size 1), so the view can
ring it: the ringed sample is the one whose perceptron-rule update the step applied."""

import numpy as np
import torch
from conftest import LESSONS

from core.probes.backprop import BackpropProbe
from core.probes.plane import BoundaryProbe
from core.project import load_project
from core.train.trainer import Trainer


def test_the_ringed_sample_is_the_one_whose_update_the_step_applied():
    trainer = Trainer(load_project(LESSONS / "perceptron.json"))  # batch 1, plain SGD, MSE, a step unit
    probe, card = BoundaryProbe(trainer), BackpropProbe(trainer)
    card.attach()
    assert probe.compute(size=8).sample is None  # no step yet: nothing to ring
    unit, moved = trainer.model.layer("unit"), 0
    for _ in range(80):
        with torch.no_grad():
            outputs = trainer.model(trainer.x_train)[:, 0].numpy().copy()  # y of every sample before the step
        before = unit.weight.detach().numpy().copy()
        trainer.step()
        surface = probe.compute(size=8)
        i = surface.sample
        assert i is not None and surface.sample_point == tuple(float(v) for v in trainer.x_train[i])
        assert card.compute().sample == i  # the Backprop tab spells out the same sample's update
        x, t = trainer.x_train[i].numpy(), float(trainer.y_train[i])
        change = unit.weight.detach().numpy()[0] - before[0]
        assert np.allclose(change, 2 * trainer.lr * (t - outputs[i]) * x, atol=1e-7)  # the rule, for that sample
        moved += bool(np.any(change))
    assert moved >= 3  # misclassified samples moved the line: their updates single out the ringed point


def test_no_ring_when_a_step_trains_on_a_batch():
    project = load_project(LESSONS / "perceptron.json")
    project.training.batch_size = 16
    trainer = Trainer(project)
    trainer.step()
    surface = BoundaryProbe(trainer).compute(size=8)
    assert surface.sample is None and surface.sample_point is None
