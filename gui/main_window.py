"""The main window: for now a lesson browser that shows each network's layers.

It reads projects through `core` only and never imports torch, so it
appears at once. The drag-and-drop editor replaces the right-hand side.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.graph import infer
from core.layers import fmt_shape
from core.project import Project, ProjectError, load_project

LESSONS = Path(__file__).resolve().parent.parent / "assets" / "lessons"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Neurona")
        self.resize(1280, 800)
        self.project: Project | None = None

        self.lessons = QListWidget()
        self.lessons.setStyleSheet("QListWidget::item { padding: 6px; }")
        self.lessons.currentItemChanged.connect(self._lesson_chosen)
        self.title = QLabel()
        self.title.setFont(QFont(self.font().family(), self.font().pointSize() + 8, QFont.Weight.Bold))
        self.title.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Node", "Layer", "Output shape", "Parameters"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        page = QWidget()
        column = QVBoxLayout(page)
        for widget in (self.title, self.description, self.table, self.summary):
            column.addWidget(widget)
        splitter = QSplitter()
        splitter.addWidget(self.lessons)
        splitter.addWidget(page)
        splitter.setSizes([300, 980])
        self.setCentralWidget(splitter)
        self._build_menu()
        self._fill_lessons()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for text, keys, slot in (("&Open…", QKeySequence.StandardKey.Open, self.open_dialog),
                                 ("&Quit", QKeySequence.StandardKey.Quit, self.close)):
            action = QAction(text, self)
            action.setShortcut(keys)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _fill_lessons(self) -> None:
        for path in sorted(LESSONS.glob("*.json")):
            try:
                title = load_project(path).title
            except ProjectError as err:
                title = f"{path.stem} (cannot be read: {err})"
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.lessons.addItem(item)
        if self.lessons.count():
            self.lessons.setCurrentRow(0)
        self.statusBar().showMessage(f"{self.lessons.count()} lessons")

    def _lesson_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_path(item.data(Qt.ItemDataRole.UserRole))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a project", str(LESSONS), "Neurona projects (*.json)")
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        try:
            project = load_project(path)
        except ProjectError as err:
            QMessageBox.warning(self, "Cannot open the project", f"{Path(path).name}: {err}")
            return False
        self.show_project(project)
        self.statusBar().showMessage(f"Opened {path}")
        return True

    def show_project(self, project: Project) -> None:
        self.project = project
        inference = infer(project.graph)
        self.title.setText(project.title)
        self.setWindowTitle(f"{project.title} — Neurona")
        self.description.setText(project.description)
        ids = inference.order + [n for n in project.graph.nodes if n not in inference.order]
        self.table.setRowCount(len(ids))
        for row, node_id in enumerate(ids):
            shape = inference.shapes.get(node_id)
            count = inference.param_counts.get(node_id)
            cells = (node_id, project.graph.nodes[node_id].kind,
                     fmt_shape(shape) if shape is not None else "?", "" if count is None else f"{count:,}")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        problems = "".join(f"\n⚠ {p}" for p in inference.problems)
        self.summary.setText(f"Dataset: {project.dataset} · {inference.total_params:,} parameters · "
                             f"{project.training.optimizer}, learning rate {project.training.lr:g}{problems}")
