"""A saved run reopens with the same weights: the reloaded model predicts exactly as before."""

import torch
from conftest import LESSONS

from core.network.build import GraphModule
from core.project import load_project
from core.run.saved import load_run, read_metrics, save_run
from core.train.trainer import Trainer


def test_saved_weights_reload_into_the_same_predictions(tmp_path):
    project = load_project(LESSONS / "spiral_mlp.json")
    project.training = project.training.replace(epochs=3)
    trainer = Trainer(project)
    records = list(trainer.train())
    save_run(tmp_path, project, records, trainer.model)

    reopened, weights = load_run(tmp_path)
    assert reopened.to_dict() == project.to_dict()
    model = GraphModule(reopened.graph)
    model.load_state_dict(weights)
    model.eval()
    with torch.inference_mode():
        assert torch.equal(model(trainer.x_test), trainer.predict(trainer.x_test))
    metrics = read_metrics(tmp_path / "metrics.csv")
    assert [m["test_acc"] for m in metrics] == [r.test_acc for r in records]
