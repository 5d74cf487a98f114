"""The training process speaks the window's language: its messages (a probe that cannot run, a
failed save) arrive as finished sentences, so they are written there, from the catalogue the
window's Qt translator is compiled from (core.words.speak reads the .ts without Qt)."""

import multiprocessing

import pytest
from conftest import LESSONS

from core import words
from core.project import load_project
from core.run import messages as m
from core.run.loop import child_process

NO_CONV_ES = (
    "esta red no tiene ninguna capa de convolución: "
    "añade una capa Conv2d tras una entrada de imagen para ver sus filtros"
)


@pytest.fixture
def english_after():
    yield
    words.set_lookup(None)


def test_speak_installs_the_finished_translations_and_english_removes_them(english_after):
    words.speak("es")
    assert words.translate("probes", "there are no samples to draw") == "no hay muestras que dibujar"
    assert words.translate("graph", "no path from Input to Output") == "no hay camino de Input a Output"
    words.speak("en")
    assert words.translate("probes", "there are no samples to draw") == "there are no samples to draw"
    words.speak("xx")  # no catalogue: English, no error
    assert words.translate("probes", "there are no samples to draw") == "there are no samples to draw"


def test_unfinished_and_plural_entries_are_left_to_english(tmp_path):
    ts = tmp_path / "neurona_es.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="es_ES"><context>'
        "<name>probes</name>"
        "<message><source>done</source><translation>hecho</translation></message>"
        '<message><source>draft</source><translation type="unfinished">borrador</translation></message>'
        '<message numerus="yes"><source>%n runs</source><translation><numerusform>%n ejecución</numerusform>'
        "</translation></message></context></TS>",
        encoding="utf-8",
    )
    assert words.catalogue(ts) == {("probes", "done"): "hecho"}


def test_a_probe_that_cannot_run_says_why_in_the_windows_language():
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    project = load_project(LESSONS / "spiral_mlp.json").to_dict()
    process = context.Process(target=child_process, args=(theirs, project, None, None, 3, "es"), daemon=True)
    process.start()
    theirs.close()
    try:
        ours.send(m.SetViews({"filters": {}}))
        ours.send(m.SetStride(1))
        ours.send(m.Step(1))
        failure = None
        while failure is None:
            assert ours.poll(120), "the training process said nothing for two minutes"
            message = ours.recv()
            assert not isinstance(message, m.Failed), message
            if isinstance(message, m.Published) and "filters" in (message.snapshot.insights or {}):
                failure = message.snapshot.insights["filters"]
        assert failure.message == NO_CONV_ES
    finally:
        ours.send(m.Stop())
        process.join(30)
        if process.is_alive():
            process.kill()
