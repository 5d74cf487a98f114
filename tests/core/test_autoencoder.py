"""Reconstructing the input (the dataset's target "input") and the GaussianNoise layer of a
denoising autoencoder (course 003, autoencoders)."""

import json

import numpy as np
import pytest
import torch
from test_export_script import load_script, run_script

from core.data.catalog import dataset_params, load_dataset
from core.export.fx_layers import module_layer
from core.export.script import export_script
from core.network.fit import adapt_to_data, data_problems, starter_graph
from core.network.graph import Graph, infer
from core.network.modules import GaussianNoise
from core.project import Project, load_project, parse_project, save_project
from core.train.trainer import Trainer
from core.train_config import TrainConfig


def autoencoder(code=30, std=0.0, width=64) -> Graph:
    """Digits 64 → code → 64, with a GaussianNoise layer on the input when std > 0."""
    graph, last = Graph(), None
    layers = [("Input", {"shape": [1, 8, 8]})]
    layers += [("GaussianNoise", {"std": std})] if std else []
    layers += [
        ("Flatten", {}),
        ("Linear", {"out_features": code}),
        ("Sigmoid", {}),
        ("Linear", {"out_features": width}),
        ("Output", {"loss": "mse"}),
    ]
    for kind, params in layers:
        node = graph.add_node(kind, params=params)
        if last is not None:
            graph.add_edge(last, node.id)
        last = node.id
    return graph


def project(std=0.0, epochs=5, **dataset) -> Project:
    training = TrainConfig(epochs=epochs, optimizer="adam", lr=0.01, batch_size=32, seed=0, device="cpu")
    return Project(autoencoder(std=std), "digits", {"target": "input", **dataset}, training)


def test_any_dataset_can_take_its_input_as_target():
    data = load_dataset("digits", {"target": "input"})
    assert data.reconstructs and data.num_classes == 0 and data.class_names == []
    assert np.array_equal(data.y_train, data.x_train) and np.array_equal(data.y_test, data.x_test)
    assert data.target_shape == (1, 8, 8)
    labelled = load_dataset("digits")
    assert not labelled.reconstructs and labelled.num_classes == 10
    assert np.array_equal(labelled.x_train, data.x_train)  # the same split: only the target changed
    spiral = load_dataset("spiral", {"target": "input"})
    assert spiral.target_shape == (2,) and np.array_equal(spiral.y_test, spiral.x_test)
    assert "target" in {p.name for p in dataset_params("sine")}
    assert "target" not in {p.name for p in dataset_params("patches")}  # its target is the input anyway


def test_a_starter_network_and_the_fitting_rules_make_an_autoencoder():
    data = load_dataset("digits", {"target": "input"})
    graph = starter_graph(data)
    inference = infer(graph)
    assert inference.ok and data_problems(graph, inference, data) == []
    assert inference.shapes[inference.output_id] == (1, 8, 8)
    classifier = autoencoder(width=10)
    classifier.set_param("output1", "loss", "cross_entropy")
    assert sorted(adapt_to_data(classifier, data)) == [("linear2", "out_features", 64), ("output1", "loss", "mse")]


def test_an_output_that_does_not_match_the_input_is_named_in_a_sentence():
    data = load_dataset("digits", {"target": "input"})
    graph = autoencoder(width=10)
    (problem,) = data_problems(graph, infer(graph), data)
    assert "receives 10 values but the target is the input: 64 values (1×8×8)" in str(problem)
    assert problem.node == "output1" and "64 wide" in problem.fix


def test_the_digits_autoencoder_trains_end_to_end_and_its_reconstruction_loss_falls():
    torch.set_num_threads(1)
    trainer = Trainer(project(epochs=5))
    before = trainer.evaluate()
    records = list(trainer.train())
    assert before["train_acc"] is None and records[-1].test_acc is None  # no accuracy for a reconstruction
    losses = [r.test_loss for r in records]
    assert losses[-1] < 0.5 * before["test_loss"] and losses[-1] < losses[0]
    out = trainer.predict(trainer.x_test[:5])
    expected = torch.nn.functional.mse_loss(trainer.predict(trainer.x_test), trainer.x_test.flatten(1))
    assert out.shape == (5, 64) and abs(expected.item() - records[-1].test_loss) < 1e-6


def test_the_target_is_saved_and_old_files_load_with_the_labels(tmp_path):
    path = tmp_path / "ae.json"
    save_project(project(std=0.2), path)
    saved = json.loads(path.read_text())
    assert saved["dataset"]["params"]["target"] == "input"
    loaded = load_project(path)
    assert loaded.dataset_params["target"] == "input" and loaded.graph.nodes["gaussiannoise1"].params["std"] == 0.2
    del saved["dataset"]["params"]["target"]  # a file written before the choice existed
    assert parse_project(json.dumps(saved)).dataset_params["target"] == "labels"
    saved["dataset"]["params"]["target"] = "pixels"
    with pytest.raises(ValueError, match="'target' must be one of labels, input"):
        parse_project(json.dumps(saved))


def test_the_noise_layer_is_the_identity_in_eval_and_has_its_std_in_training():
    torch.manual_seed(0)
    layer = GaussianNoise(0.3)
    x = torch.rand(200, 1, 8, 8)
    assert torch.equal(layer.eval()(x), x)
    noise = layer.train()(x) - x
    assert abs(noise.std().item() - 0.3) < 0.01 and abs(noise.mean().item()) < 0.01
    assert torch.equal(GaussianNoise(0.0).train()(x), x)
    model = Trainer(project(std=0.5)).model
    model.eval()
    first = model(x)
    assert torch.equal(first, model(x))  # eval: no noise anywhere
    model.train()
    assert not torch.equal(model(x), model(x))


def test_the_exported_script_adds_the_noise_and_reconstructs(tmp_path):
    torch.set_num_threads(1)
    ours = project(std=0.3, epochs=2)
    text = export_script(ours)
    assert "GaussianNoise(0.3)" in text and "class GaussianNoise(nn.Module)" in text
    module = load_script_text(tmp_path, text)
    noise = module.GaussianNoise(0.3)
    assert module_layer(noise) == ("GaussianNoise", {"std": 0.3})
    x_train, y_train, x_test, y_test, classes = module.load_data(module.DATASET)
    data = load_dataset("digits", ours.dataset_params)
    assert classes == 0 and np.array_equal(y_train, data.y_train) and np.array_equal(y_test, data.y_test)
    rows, _, _ = run_script(tmp_path, ours)
    losses = [float(r["test_loss"]) for r in rows]
    assert len(losses) == 2 and losses[-1] < losses[0] and rows[-1]["test_acc"] == ""


def load_script_text(tmp_path, text):
    path = tmp_path / "exported.py"
    path.write_text(text, encoding="utf-8")
    return load_script(path)


def lesson_run(seed: int, std: float, code: int = 30):
    """The denoising lesson trained as its steps train it, measured as its view measures."""
    from conftest import LESSONS

    from core.probes.reconstruct import ReconstructProbe

    torch.set_num_threads(1)
    lesson = load_project(LESSONS / "denoising_autoencoder.json")
    lesson.training = lesson.training.replace(seed=seed, device="cpu")
    lesson.graph.set_param("noise", "std", std)
    lesson.graph.set_param("code", "out_features", code)
    trainer = Trainer(lesson)
    assert trainer.config.epochs == 30
    for _ in trainer.train():
        pass
    return ReconstructProbe(trainer).compute(std=0.3)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_denoising_lessons_figures(seed):
    """Measured with python bench/denoising_autoencoder.py --seeds 0 1 2 (and --code 10)."""
    plain, denoising, narrow = lesson_run(seed, 0.0), lesson_run(seed, 0.3), lesson_run(seed, 0.0, code=10)
    assert round(plain.noise_mse, 3) == 0.090 and plain.measured == 500
    assert 0.0045 <= round(plain.clean_mse, 4) <= 0.0049
    assert 0.048 <= round(plain.noisy_mse, 3) <= 0.055
    assert 0.0238 <= round(denoising.noisy_mse, 4) <= 0.0243
    assert 0.0135 <= round(denoising.clean_mse, 4) <= 0.0137
    assert 0.0201 <= round(narrow.clean_mse, 4) <= 0.0210
    assert 0.0387 <= round(narrow.noisy_mse, 4) <= 0.0411


def test_onnx_leaves_the_noise_out(tmp_path):
    """An exported model is a test-time model: the noise layer is the identity there."""
    import onnx

    from core.export.onnx import export_onnx

    export_onnx(project(std=0.3), tmp_path / "ae.onnx")
    ops = [node.op_type for node in onnx.load(tmp_path / "ae.onnx").graph.node]
    assert ops.count("Gemm") == 2 and not [op for op in ops if "Random" in op or op == "Add"]
