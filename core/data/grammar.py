"""A text the project ships without a file: sentences of a small grammar, in English or Spanish.

A character-level model needs a text whose rules are few enough to learn in seconds and
visible when broken. Every sentence is "subject verb [object] [place or time]." with words from
short lists, drawn from a seeded generator, so the same seed writes the same text on every
machine. A word the model invents stands out, because the grammar's words are all there is.
"""

from __future__ import annotations

import numpy as np

LANGUAGES = ("english", "spanish")

# (subjects, transitive verbs, intransitive verbs, adjectives, places and times), per language
_WORDS = {
    "english": (
        ("the cat", "the dog", "the bird", "the girl", "the boy", "the teacher", "the robot", "the fish"),
        ("sees", "follows", "likes", "draws", "finds"),
        ("sleeps", "sings", "runs", "waits"),
        ("small", "big", "green", "happy", "old", "quiet"),
        ("in the garden", "at night", "near the river", "every day"),
    ),
    "spanish": (
        ("el gato", "el perro", "el pájaro", "la niña", "el niño", "la maestra", "el robot", "el pez"),
        ("ve a", "sigue a", "quiere a", "dibuja a", "busca a"),
        ("duerme", "canta", "corre", "espera"),
        ("pequeño", "grande", "verde", "alegre", "joven", "valiente"),
        ("en el jardín", "por la noche", "cerca del río", "cada día"),
    ),
}
_SPANISH_INVARIANT = ("grande", "verde", "alegre", "joven", "valiente")  # the same for "el" and "la"


def _noun_phrase(language: str, words: tuple, rng: np.random.Generator) -> str:
    subjects, _, _, adjectives, _ = words
    phrase = subjects[rng.integers(len(subjects))]
    if rng.random() < 0.4:
        if language == "english":
            article, noun = phrase.split(" ", 1)
            phrase = f"{article} {adjectives[rng.integers(len(adjectives))]} {noun}"
        else:
            choices = adjectives if phrase.startswith("el ") else _SPANISH_INVARIANT
            phrase = f"{phrase} {choices[rng.integers(len(choices))]}"
    return phrase


def sentence(language: str, rng: np.random.Generator) -> str:
    """One sentence of the grammar, lower case, ending with a full stop."""
    words = _WORDS[language]
    _, transitive, intransitive, _, adverbials = words
    parts = [_noun_phrase(language, words, rng)]
    if rng.random() < 0.6:
        verb = transitive[rng.integers(len(transitive))]
        obj = _noun_phrase(language, words, rng)
        if language == "spanish" and obj.startswith("el "):
            verb, obj = verb[:-2], "al " + obj[3:]  # "a el" contracts to "al"
        parts += [verb, obj]
    else:
        parts.append(intransitive[rng.integers(len(intransitive))])
    if rng.random() < 0.3:
        parts.append(adverbials[rng.integers(len(adverbials))])
    return " ".join(parts) + "."


def sentences(count: int, language: str, rng: np.random.Generator) -> str:
    """`count` sentences joined by spaces: one text."""
    if language not in _WORDS:
        raise ValueError(f"no grammar for '{language}' (known: {', '.join(LANGUAGES)})")
    return " ".join(sentence(language, rng) for _ in range(count))
