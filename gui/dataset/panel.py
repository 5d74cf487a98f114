"""The dataset panel: choose and configure the data, see it, and download the
published sets. Loading runs off the GUI thread; the newest request wins."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from core.data.catalog import KINDS, Data, dataset_params, dataset_title, load_dataset
from core.network.layers import fmt_shape
from gui import tasks
from gui.dataset.preview import DataPreview
from gui.i18n import translated
from gui.widgets.param_form import ParamForm

DOWNLOADABLE = ("mnist", "fashion_mnist", "cifar10")


class DatasetPanel(QWidget):
    dataset_edited = Signal(str, dict)  # the user chose a dataset or changed a parameter
    data_loaded = Signal(object)  # Data

    def __init__(self, parent=None):
        super().__init__(parent)
        self.project = None
        self.data: Data | None = None
        self._load_task: tasks.Task | None = None
        self._download_task: tasks.Task | None = None
        self._shown_kind: str | None = None
        self.loading = False
        self.kind = QComboBox()
        for kind in KINDS.values():
            self.kind.addItem(
                f"{translated('datasets', dataset_title(kind.name))}  ({translated('dataset groups', kind.group)})",
                kind.name,
            )
        self.kind.activated.connect(lambda _: self._kind_chosen(self.kind.currentData()))
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #546e7a")
        self.form = ParamForm()
        self.form.edited.connect(self._param_edited)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download = QPushButton(self.tr("Download"))
        self.download.clicked.connect(self.start_download)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.clicked.connect(lambda: self._download_task and self._download_task.cancel())
        row = QHBoxLayout()
        for widget in (self.download, self.progress, self.cancel):
            row.addWidget(widget)
        self.preview = DataPreview()
        layout = QVBoxLayout(self)
        for widget in (self.kind, self.help, self.form):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self._show_download(False)

    def show_project(self, project) -> None:
        if self.project is not None:
            self.project.dataset_changed.disconnect(self.refresh)
        self.project, self._shown_kind, self.data = project, None, None
        project.dataset_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the project's dataset choice and load it."""
        name = self.project.dataset
        if name != self._shown_kind:  # rebuild the form only for another kind, so focus stays put
            self._shown_kind = name
            self.kind.setCurrentIndex(self.kind.findData(name))
            self.help.setText(translated("dataset help", KINDS[name].help))
            self.form.set_specs(dataset_params(name))
        self.form.set_values(self.project.dataset_params)
        self.load()

    def load(self) -> None:
        name, params = self.project.dataset, dict(self.project.dataset_params)
        self.status.setStyleSheet("color: #546e7a")
        self.loading = True
        self.status.setText(self.tr("Loading {0}…").format(translated("datasets", dataset_title(name))))
        self._load_task = tasks.start(lambda _: load_dataset(name, params), self._loaded, self._failed)

    def _loaded(self, task, data: Data) -> None:
        if task is not self._load_task:
            return  # an older request finished after a newer one started
        self.data, self.loading = data, False
        if data.reconstructs:
            kind = self.tr("the target is the input itself")
        elif data.num_classes:
            kind = self.tr("%n classes", "", data.num_classes)
        else:
            kind = self.tr("targets of {0}").format(fmt_shape(data.target_shape))
        loc = QLocale()
        self.status.setText(
            self.tr("{0} train / {1} test · inputs {2} · {3}").format(
                loc.toString(len(data.x_train)), loc.toString(len(data.x_test)), fmt_shape(data.input_shape), kind
            )
            + (
                self.tr(" · the file is longer: its first {0} characters were read").format(
                    loc.toString(data.read_chars)
                )
                if data.read_chars
                else ""
            )
        )
        self._show_download(False)
        self.preview.show_data(data)
        self.data_loaded.emit(data)

    def _failed(self, task, message: str, details: str) -> None:
        if task is not self._load_task:
            return
        self.data, self.loading = None, False
        self.status.setStyleSheet("color: #d32f2f")
        self.status.setText(message)
        self._show_download(self.project.dataset in DOWNLOADABLE and not self.project.dataset_params["folder"])

    def _kind_chosen(self, name: str) -> None:
        if name != self.project.dataset:
            keep = {k: self.project.dataset_params[k] for k in ("seed", "test_ratio")}
            self.dataset_edited.emit(name, keep)

    def _param_edited(self, key: str, value) -> None:
        params = {**self.project.dataset_params, key: value}
        if params != self.project.dataset_params:
            self.dataset_edited.emit(self.project.dataset, params)

    # ---- downloads --------------------------------------------------------------------

    def _show_download(self, shown: bool) -> None:
        self.download.setVisible(shown)
        self.progress.setVisible(False)
        self.cancel.setVisible(False)

    def start_download(self) -> None:
        from core.data.download import default_cache_dir, fetch_dataset

        name = self.project.dataset
        self.download.setVisible(False)
        self.progress.setVisible(True)
        self.cancel.setVisible(True)
        self.progress.setRange(0, 0)

        def work(task):
            return fetch_dataset(name, default_cache_dir(), progress=task.report, cancel=lambda: task.cancelled)

        self._download_task = tasks.start(work, self._downloaded, self._download_failed, self._download_progress)

    def _download_progress(self, done, total) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
        self.progress.setFormat(f"{done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else ""))

    def _downloaded(self, task, folder) -> None:
        self._show_download(False)
        self.load()

    def _download_failed(self, task, message: str, details: str) -> None:
        self._show_download(True)
        self.status.setStyleSheet("color: #d32f2f")
        self.status.setText(message)

    def shutdown(self) -> None:
        """Stop a running download when the window closes."""
        if self._download_task is not None:
            self._download_task.cancel()
