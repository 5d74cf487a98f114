"""A guided lesson's steps in Spanish: the format (a step's "texts", as a lesson's title and
description have), old files still loading, a bad or missing translation named when the lesson
is opened, and every shipped step's Spanish stating the figures of the English it translates."""

import json

import pytest
from conftest import LESSONS
from test_lesson_languages import figures

from core.project import ProjectError, load_project, project_from_dict

BASE = {
    "format": "neurona-project",
    "version": 3,
    "graph": {"nodes": [{"id": "x", "kind": "Input", "params": {"shape": [2]}}], "edges": []},
    "dataset": {"name": "logic"},
}
ASKED = [{"question": "Why?", "answer": "Because."}]
SPANISH = {"title": "Uno", "text": "Hola.", "questions": [{"question": "¿Por qué?", "answer": "Porque sí."}]}


def project(*steps):
    return project_from_dict(BASE | {"steps": list(steps)})


def test_a_step_carries_its_words_in_spanish_and_keeps_them_when_saved():
    step = {"title": "One", "text": "Hello.", "questions": ASKED, "texts": {"es": SPANISH}}
    loaded = project(step).steps[0]
    spanish = loaded.in_language("es")
    assert (spanish.title, spanish.text, spanish.questions[0].answer) == ("Uno", "Hola.", "Porque sí.")
    assert loaded.in_language("en") == loaded and loaded.text == "Hello."
    assert loaded.in_language("fr").text == "Hello."  # a language the lesson lacks: English
    assert spanish.actions == loaded.actions
    saved = project(step).to_dict()
    assert saved["steps"][0]["texts"] == {"es": SPANISH}
    assert project_from_dict(saved).steps == project(step).steps


def test_steps_without_translations_still_load_as_before():
    loaded = project({"text": "Hello."}, {"text": "Again.", "questions": ASKED}).steps
    assert [step.texts for step in loaded] == [{}, {}]
    assert loaded[1].in_language("es").questions[0].question == "Why?"
    old = json.loads((LESSONS / "perceptron.json").read_text(encoding="utf-8"))
    for step in old["steps"]:
        del step["texts"]  # the file as the previous version shipped it
    assert len(project_from_dict(old).steps) == 4


@pytest.mark.parametrize(
    ("steps", "words"),
    [
        ([{"text": "x", "texts": {"fr": {"text": "y"}}}], 'step 1: "texts" has an unknown language "fr" (known: es)'),
        ([{"text": "x", "texts": "hola"}], 'step 1: "texts" must be an object'),
        ([{"text": "x", "texts": {"es": "hola"}}], 'step 1 in Spanish must be an object with "text"'),
        ([{"text": "x", "texts": {"es": {"title": "y"}}}], "step 1 in Spanish: its text must be text"),
        ([{"text": "x", "texts": {"es": {"text": "  "}}}], "step 1 in Spanish: its text must be text"),
        ([{"text": "x", "texts": {"es": {"text": "y", "body": "z"}}}], 'step 1 in Spanish has an unknown entry "body"'),
        ([{"title": "T", "text": "x", "texts": {"es": {"text": "y"}}}], "step 1 in Spanish: its title is missing"),
        ([{"text": "x", "texts": {"es": {"title": "T", "text": "y"}}}], "step 1 in Spanish: the English has no title"),
        (
            [{"text": "x", "questions": ASKED, "texts": {"es": {"text": "y"}}}],
            "step 1 in Spanish has 0 question(s) where the English has 1",
        ),
        (
            [{"text": "x", "questions": ASKED, "texts": {"es": {"text": "y", "questions": [{"question": "¿?"}]}}}],
            'step 1 in Spanish, question 1 must be an object with "question" and "answer"',
        ),
        (
            [{"text": "x", "texts": {"es": {"text": "y"}}}, {"text": "z"}],
            'step 2 has no Spanish text ("texts": {"es": …}) while step 1 has',
        ),
    ],
)
def test_a_bad_or_missing_translation_is_named_when_the_lesson_opens(tmp_path, steps, words):
    raw = json.loads((LESSONS / "spiral_mlp.json").read_text(encoding="utf-8"))
    raw["steps"] = steps
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ProjectError) as err:
        load_project(path)
    assert words in str(err.value)


GUIDED = sorted(p for p in LESSONS.glob("*.json") if "steps" in json.loads(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", GUIDED, ids=lambda p: p.stem)
def test_every_guided_step_in_spanish_states_the_english_figures(path):
    for number, step in enumerate(load_project(path).steps, 1):
        assert "es" in step.texts, f"step {number}"
        spanish = step.in_language("es")
        pairs = [(step.title, spanish.title), (step.text, spanish.text)]
        for english_q, spanish_q in zip(step.questions, spanish.questions, strict=True):
            pairs += [(english_q.question, spanish_q.question), (english_q.answer, spanish_q.answer)]
        for english, translated in pairs:
            assert translated != english or " " not in english, (
                f"step {number}: not translated: {english}"
            )  # a name may stay
            assert figures(translated, "es") == figures(english, "en"), f"step {number}: {english} / {translated}"
