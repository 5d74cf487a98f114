"""Lessons in Spanish: the texts load, the menu's titles and summaries come in the reader's
language, and every Spanish text states exactly the figures of the English it translates."""

import json
import re

import pytest

from core.lessons import INDEX, LESSONS, lesson_groups
from core.project import ProjectError, load_project, project_from_dict

TRANSLATED = sorted(p for p in LESSONS.glob("*.json") if "texts" in json.loads(p.read_text(encoding="utf-8")))


def figures(text: str, language: str) -> list[float]:
    """The numbers a text states, read with its language's marks (1,000.5 in English, 1.000,5 in Spanish)."""
    thousands, decimal = (",", ".") if language == "en" else (".", ",")
    # section, figure and equation numbers (§8.3.1–8.3.2, figure 8.6, eq. 8.14) are names, written the same in both
    text = re.sub(r"§[\d.]+(?:[–-][\d.]+)?|(?:figure|figura|eq\.|ec\.) [\d.]+", "", text)
    text = re.sub(rf"(?<=\d){re.escape(thousands)}(?=\d{{3}}\b)", "", text)
    text = re.sub(rf"(?<=\d){re.escape(decimal)}(?=\d)", "#", text)
    return sorted(float(n.replace("#", ".")) for n in re.findall(r"\d+(?:#\d+)?", text))


def test_every_lesson_has_spanish():
    assert len(TRANSLATED) == len(list(LESSONS.glob("*.json")))  # every shipped lesson


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda p: p.stem)
def test_a_spanish_lesson_states_the_english_figures(path):
    project = load_project(path)
    spanish = project.texts["es"]
    assert spanish["title"] and spanish["description"]
    assert project.text("description", "es") == spanish["description"]
    assert project.text("description", "en") == project.description
    assert figures(spanish["description"], "es") == figures(project.description, "en")
    assert figures(spanish["title"], "es") == figures(project.title, "en")


def test_the_figure_reader_tells_marks_apart():
    assert figures("0.279–0.295, 1/10,000 and 90.7%", "en") == figures("0,279–0,295, 1/10.000 y 90,7 %", "es")
    assert figures("90.7%", "en") != figures("90,8 %", "es")


def test_the_lesson_menu_comes_in_the_readers_language():
    english, spanish = lesson_groups(language="en"), lesson_groups(language="es")
    assert [len(g.lessons) for g in english] == [len(g.lessons) for g in spanish]
    assert spanish[0].title == "El perceptrón y el MLP"
    assert spanish[0].lessons[0].title == "Perceptrón: una recta que aprende AND"
    translation = json.loads(INDEX.with_suffix(".es.json").read_text(encoding="utf-8"))
    for group in json.loads(INDEX.read_text(encoding="utf-8"))["groups"]:  # every summary of the index translated
        assert group["title"] in translation["groups"]
        for entry in group["lessons"]:
            assert entry["file"] in translation["summaries"], entry["file"]
    assert lesson_groups(language="fr")[0].title == english[0].title  # a language without a catalogue: English


def test_texts_are_validated_and_old_files_still_load(tmp_path):
    base = {"format": "neurona-project", "version": 2, "graph": {"nodes": [], "edges": []}}
    assert project_from_dict(base).texts == {}
    assert project_from_dict(base | {"texts": {"es": {"title": "Hola"}}}).text("title", "es") == "Hola"
    for bad in ({"fr": {"title": "x"}}, {"es": {"summary": "x"}}, {"es": "x"}, {"es": {"title": 3}}):
        with pytest.raises(ProjectError):
            project_from_dict(base | {"texts": bad})
    saved = project_from_dict(base | {"texts": {"es": {"title": "Hola"}}}).to_dict()
    assert saved["version"] == 3 and project_from_dict(saved).texts == {"es": {"title": "Hola"}}


LAB = sorted((LESSONS / "lab").glob("*.json"))


@pytest.mark.parametrize("path", LAB, ids=lambda p: p.stem)
def test_a_lab_lesson_in_spanish_states_the_english_figures(path):
    from core.optlab.lessons import load_lesson

    english, spanish = load_lesson(path), load_lesson(path, "es")
    assert spanish.title != english.title and spanish.explanation != english.explanation
    assert figures(spanish.explanation, "es") == figures(english.explanation, "en")
    assert figures(spanish.title, "es") == figures(english.title, "en")
    assert load_lesson(path, "fr").title == english.title


def _spanish_strings(node, spanish=False):
    """Every string under a lesson's "es" texts."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _spanish_strings(value, spanish or key == "es")
    elif isinstance(node, list):
        for value in node:
            yield from _spanish_strings(value, spanish)
    elif isinstance(node, str) and spanish:
        yield node


def test_spanish_lessons_say_tasa_de_aprendizaje_not_lr():
    """'lr 0,01' left the English abbreviation in nine Spanish texts; the forms say 'tasa de aprendizaje'."""
    for path in TRANSLATED:
        for text in _spanish_strings(json.loads(path.read_text(encoding="utf-8"))):
            assert not re.search(r"\blr\b", text), (path.stem, text[:80])
