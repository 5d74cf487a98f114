"""Next character of a text: the grammar writes the same sentences for the same seed, the windows
are the text's, the Generate probe's teacher-forced characters and loss are the model's on the true
passage, sampling is reproducible and follows the temperature, and the lesson shows what its text
claims (seeds 0 to 2). A user's text file that cannot be used gets a message, not a traceback."""

import math

import numpy as np
import pytest
import torch
from conftest import LESSONS

from core.cli.main import main as cli
from core.data.catalog import DatasetError, load_dataset, source_text, validate_dataset
from core.data.grammar import sentences
from core.probes.generate import GenerateProbe
from core.probes.generate_text import passage, words
from core.project import load_project
from core.run.saved import read_metrics
from core.train.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_torch_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_the_grammar_writes_the_same_text_for_the_same_seed_in_either_language():
    english = sentences(50, "english", np.random.default_rng(3))
    assert english == sentences(50, "english", np.random.default_rng(3))
    assert english != sentences(50, "english", np.random.default_rng(4))
    assert (
        english.count(".") == 50 and english.startswith("the ") and set(english) <= set("abcdefghijklmnopqrstuvwxyz .")
    )
    spanish = sentences(300, "spanish", np.random.default_rng(3))
    assert " a el " not in spanish and " al " in spanish and " a la " in spanish  # "a el" contracts
    assert "la niña pequeño" not in spanish  # adjectives after "la" are the same in both genders
    with pytest.raises(ValueError, match="no grammar"):
        sentences(3, "klingon", np.random.default_rng(0))


def test_the_windows_are_the_texts_and_the_target_is_the_next_character():
    params = validate_dataset("sentences", {"sentences": 200, "steps": 12, "n_samples": 400, "seed": 5})
    text = source_text("sentences", params)
    data = load_dataset("sentences", params)
    assert data.input_shape == (12, len(set(text))) and data.num_classes == len(set(text))
    vocab = data.class_names
    for x, y in zip(data.x_train[:20], data.y_train[:20], strict=True):
        window = "".join(vocab[k] for k in x.argmax(1))
        assert window + vocab[y] in text


def test_whole_words_are_those_the_model_wrote_from_start_to_end():
    assert words("mall bird sees", before="the s") == ["bird"]  # "mall" began in the prompt, "sees" is cut
    assert words("mall bird sees", before="the ") == ["mall", "bird"]
    assert words("a. b c", before="") == ["a", "b"]


def trained(seed: int, epochs: int | None = None) -> Trainer:
    project = load_project(LESSONS / "next_character.json")
    project.training = project.training.replace(seed=seed, device="cpu", epochs=epochs or project.training.epochs)
    return Trainer(project)


def test_teacher_forcing_is_the_models_likeliest_character_after_each_true_window():
    trainer = trained(0)
    for _ in range(60):
        trainer.step()
    result = GenerateProbe(trainer).compute(series_seed=2, characters=50, temperature=1.0)
    params = validate_dataset("sentences", trainer.project.dataset_params)
    chars = passage("sentences", params, "", 70, 2)
    assert result.prompt + result.truth == chars  # fresh sentences, drawn with the passage's seed
    vocab = trainer.data.class_names
    index = {c: i for i, c in enumerate(vocab)}
    eye = np.eye(len(vocab), dtype=np.float32)
    windows = np.stack([eye[[index[c] for c in chars[t - 20 : t]]] for t in range(20, 70)])
    logits = trainer.predict(torch.as_tensor(windows))
    assert result.teacher == "".join(vocab[k] for k in logits.argmax(1).tolist())
    target = torch.as_tensor([index[c] for c in chars[20:]])
    assert result.loss == pytest.approx(float(torch.nn.functional.cross_entropy(logits, target)), rel=1e-5)
    assert result.uniform == pytest.approx(math.log(len(vocab)))
    assert result.accuracy == pytest.approx(
        np.mean([a == b for a, b in zip(result.teacher, result.truth, strict=True)])
    )


def test_sampling_is_reproducible_and_a_cold_temperature_takes_the_likeliest():
    trainer = trained(0)
    for _ in range(60):
        trainer.step()
    probe = GenerateProbe(trainer)
    warm = probe.compute(series_seed=1, characters=80, temperature=1.0)
    assert warm.sampled == probe.compute(series_seed=1, characters=80, temperature=1.0).sampled
    assert warm.sampled != probe.compute(series_seed=2, characters=80, temperature=1.0).sampled
    greedy = probe.compute(series_seed=1, characters=80, temperature=0.0)
    assert greedy.sampled[0] == greedy.teacher[0]  # the first draw reads the true prompt, as teacher forcing does
    vocab = trainer.data.class_names
    index = {c: i for i, c in enumerate(vocab)}
    eye = np.eye(len(vocab), dtype=np.float32)
    sequence = greedy.prompt + greedy.sampled
    for k in (1, 30, 79):  # every greedy character is the likeliest after the 20 before it, its own included
        window = torch.as_tensor(eye[[index[c] for c in sequence[k : k + 20]]][None])
        assert vocab[int(trainer.predict(window).argmax())] == greedy.sampled[k]
    found = words(warm.sampled, warm.prompt)
    assert warm.words == len(found) and warm.distinct_words == pytest.approx(len(set(found)) / len(found))
    known = set(words(source_text("sentences", validate_dataset("sentences", trainer.project.dataset_params))))
    assert [warm.sampled[a:b] for a, b in warm.invented] == [w for w in found if w not in known]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_lesson_loops_when_cold_and_writes_noise_when_hot(seed):
    trainer = trained(seed)
    start = trainer.evaluate()["test_loss"]
    assert abs(start - math.log(25)) < 0.02  # measured 3.219, 3.214, 3.212 against ln 25 = 3.219
    final = list(trainer.train())[-1].test_loss
    assert 0.35 < final < 0.42  # measured 0.402, 0.393, 0.376
    probe = GenerateProbe(trainer)

    def over_passages(temperature):
        runs = [probe.compute(series_seed=s, characters=300, temperature=temperature) for s in range(10)]
        return np.mean([r.real_words for r in runs]), np.mean([r.distinct_words for r in runs])

    real, distinct = over_passages(0.0)
    assert real == 1.0 and distinct < 0.1  # measured 1.0 and 0.063-0.081: one sentence over and over
    real, distinct = over_passages(1.0)
    assert real > 0.9 and 0.35 < distinct < 0.5  # measured 0.933-0.951 and 0.395-0.430
    real, distinct = over_passages(2.0)
    assert real < 0.5 and distinct > 0.7  # measured 0.388-0.434 and 0.769-0.809


def test_the_lesson_trains_through_the_command_line(tmp_path, capsys):
    assert cli(["train", str(LESSONS / "next_character.json"), "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("trained ")
    assert read_metrics(tmp_path / "metrics.csv")[-1]["test_loss"] == pytest.approx(0.402, abs=0.01)


def test_a_users_text_file_trains_and_generates_from_its_own_passages(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("the cat sat on the mat and the dog sat on the log. " * 40, encoding="utf-8")
    project = load_project(LESSONS / "next_character.json")
    project.dataset, project.dataset_params = "text", {"file": str(path), "steps": 20, "n_samples": 500}
    vocab = sorted(set(path.read_text()))
    project.graph.nodes["x"].params["shape"] = [20, len(vocab)]
    project.graph.nodes["fc"].params["out_features"] = len(vocab)
    project.training = project.training.replace(device="cpu", epochs=1)
    trainer = Trainer(project)
    list(trainer.train())
    result = GenerateProbe(trainer).compute(series_seed=3, characters=40, temperature=0.5)
    assert result.source == "text" and result.prompt + result.truth in path.read_text()
    assert len(result.sampled) == 40 and set(result.sampled) <= set(vocab)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"", "empty"),
        ("\xe9t\xe9".encode("latin-1"), "not a UTF-8 text file"),
        (b"abc", "need at least 21"),
    ],
)
def test_a_text_file_that_cannot_be_used_gets_a_message(tmp_path, content, message):
    path = tmp_path / "file.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatasetError, match=message):
        load_dataset("text", {"file": str(path), "steps": 20})


def test_a_huge_text_file_is_read_up_to_its_first_two_million_characters(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as f:
        for _ in range(300):
            f.write("abcdefghij" * 1000)  # 3 million characters
    params = validate_dataset("text", {"file": str(path), "n_samples": 100})
    assert len(source_text("text", params)) == 2_000_000
    data = load_dataset("text", params)
    assert data.x_train.shape[1:] == (20, 10) and data.read_chars == 2_000_000  # the panel says so
    path.write_text("abcdefghij" * 1000, encoding="utf-8")
    assert load_dataset("text", params).read_chars == 0  # a file read whole


def test_a_text_file_named_beside_the_project_is_found_wherever_the_app_starts(tmp_path, monkeypatch):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "story.txt").write_text("the cat sat on the mat and the dog sat on the log. " * 40, encoding="utf-8")
    project = load_project(LESSONS / "next_character.json")
    project.dataset, project.dataset_params = "text", {"file": "story.txt", "steps": 20, "n_samples": 300}
    from core.project import save_project

    save_project(project, folder / "story.json")
    monkeypatch.chdir(tmp_path)  # not the project's folder
    loaded = load_project(folder / "story.json")
    assert loaded.dataset_params["file"] == str(folder / "story.txt")
    assert load_dataset("text", loaded.dataset_params).num_classes == len(set("the cat sat on the mat and dog log."))
