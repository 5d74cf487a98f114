"""core.words: core's messages go through one lookup, English without one, and the graph's
problems use it (the app installs Qt's translator there, the command line the catalogue)."""

import pytest

from core import words
from core.network.graph import Graph, infer


@pytest.fixture
def lookup():
    table = {("graph", "the network has no {0}"): "la red no tiene {0}"}
    words.set_lookup(lambda context, text: table.get((context, text), ""))
    yield
    words.set_lookup(None)


def test_without_a_lookup_core_speaks_english():
    assert words.translate("graph", "the network has no {0}") == "the network has no {0}"
    assert [p.message for p in infer(Graph()).problems] == ["the network has no Input", "the network has no Output"]


def test_a_lookup_translates_and_an_unknown_text_stays_english(lookup):
    assert [p.message for p in infer(Graph()).problems] == ["la red no tiene Input", "la red no tiene Output"]
    assert words.translate("graph", "remove one of these wires") == "remove one of these wires"


def test_numbers_in_sentences_take_the_readers_decimal_point():
    try:
        words.speak("es")
        assert words.number(0.01) == "0,01" and words.number(3.0) == "3"
    finally:
        words.speak("en")
    assert words.number(0.01) == "0.01"


def test_counts_in_sentences_are_grouped_as_the_reader_groups_them():
    assert (words.integer(6090), words.integer(12000)) == ("6,090", "12,000")
    try:
        words.speak("es")
        assert (words.integer(6090), words.integer(12000)) == ("6090", "12.000")
    finally:
        words.speak("en")
