"""The shipped lessons in the course's order: groups by topic (perceptron, representations,
depth and gradients, convolution, optimisation…), each lesson with a one-line summary.

The order lives in `assets/lesson_index.json`, the lessons themselves in `assets/lessons/`.
Titles and summaries come in the reader's language where there is a translation
(`lesson_index.es.json`, and "texts" in a lesson file), in English otherwise.
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


def index_translation(language: str, index: Path = INDEX) -> dict:
    """The index's group titles and summaries in `language`, from `lesson_index.LANG.json` beside
    the index (a file of its own, so that adding a lesson to the index stays a one-line change)."""
    path = index.with_suffix(f".{language}.json")
    if language == "en" or not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {"groups": dict(raw.get("groups", {})), "summaries": dict(raw.get("summaries", {}))}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def lesson_groups(index: Path = INDEX, folder: Path = LESSONS, language: str = "en") -> list[LessonGroup]:
    """The groups in course order; a lesson whose file cannot be read is left out, not fatal."""
    raw = json.loads(index.read_text(encoding="utf-8"))
    translation = index_translation(language, index)
    group_titles, summaries = translation.get("groups", {}), translation.get("summaries", {})
    groups = []
    for group in raw["groups"]:
        lessons = []
        for entry in group["lessons"]:
            path = folder / entry["file"]
            try:
                lesson = json.loads(path.read_text(encoding="utf-8"))
                title = str(lesson.get("texts", {}).get(language, {}).get("title") or lesson["title"])
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                continue
            lessons.append(Lesson(path, title, str(summaries.get(entry["file"]) or entry["summary"])))
        title = str(group_titles.get(group["title"]) or group["title"])
        groups.append(LessonGroup(title, tuple(lessons), bool(group.get("lab", False))))
    return groups
