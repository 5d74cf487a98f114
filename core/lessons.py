"""The shipped lessons in the course's order: groups by topic (perceptron, representations,
depth and gradients, convolution, optimisation…), each lesson with a one-line summary.

The order lives in `assets/lesson_index.json`, the lessons themselves in `assets/lessons/`.
Titles and summaries come in the reader's language where the files carry it ("title_es",
"summary_es" in the index, "texts" in a lesson), in English otherwise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
LESSONS = ASSETS / "lessons"
INDEX = ASSETS / "lesson_index.json"


@dataclass(frozen=True)
class Lesson:
    path: Path
    title: str
    summary: str


@dataclass(frozen=True)
class LessonGroup:
    title: str
    lessons: tuple[Lesson, ...]
    lab: bool = False  # the optimizer lab's lessons belong to this group too


def _in(entry: dict, key: str, language: str) -> str:
    return str(entry.get(f"{key}_{language}") or entry[key]) if language != "en" else str(entry[key])


def lesson_groups(index: Path = INDEX, folder: Path = LESSONS, language: str = "en") -> list[LessonGroup]:
    """The groups in course order; a lesson whose file cannot be read is left out, not fatal."""
    raw = json.loads(index.read_text(encoding="utf-8"))
    groups = []
    for group in raw["groups"]:
        lessons = []
        for entry in group["lessons"]:
            path = folder / entry["file"]
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                title = str(raw.get("texts", {}).get(language, {}).get("title") or raw["title"])
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
            lessons.append(Lesson(path, title, _in(entry, "summary", language)))
        groups.append(LessonGroup(_in(group, "title", language), tuple(lessons), bool(group.get("lab", False))))
    return groups
