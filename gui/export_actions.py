"""File → Export (a PyTorch training script, ONNX, the run's metrics as CSV) and File → Import PyTorch
model: the dialogs around core.export. Importing runs the chosen file's code, so it asks first."""

from __future__ import annotations

import ast
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from core.project import atomic_write
from gui import tasks
from gui.document import Document
from gui.project_files import ProjectFiles

IMPORT_WARNING = QT_TRANSLATE_NOOP(
    "ExportActions",
    "Importing a PyTorch model runs the Python file you choose, with your permissions, "
    "as if you ran it yourself. Import only files you trust.\n\nChoose a file to import?",
)


class ExportActions(QObject):
    message = Signal(str)  # for the status bar

    def __init__(self, window: QWidget, document: Document, files: ProjectFiles, controller):
        super().__init__(window)
        self.window, self.document, self.files = window, document, files
        self.controller = controller  # the training run's (gui.training.controller): it saves the run's metrics
        self._task = None
        self._metrics: tuple[str, str] | None = None  # (the folder the run is being saved to, the CSV wanted)

    def _ask_path(self, title: str, suffix: str, kinds: str) -> str:
        """A file to write, suggested in the last folder used (which it becomes); "" if cancelled."""
        path, _ = QFileDialog.getSaveFileName(self.window, title, self._suggest(suffix), kinds)
        if path:
            self.files.used_folder(path)
        return path

    def _suggest(self, suffix: str) -> str:
        path = self.document.path
        stem = Path(path).stem if path else (self.document.project.title or "model").replace(" ", "_")[:40]
        return str(Path(self.files.folder) / f"{stem}{suffix}")  # the last folder used, else the project's

    # ---- export ---------------------------------------------------------------------------------------

    def export_script(self) -> None:
        from core.export.script import ExportError, export_script

        path = self._ask_path(self.tr("Export a PyTorch training script"), "_train.py", self.tr("Python files (*.py)"))
        if not path:
            return
        try:
            atomic_write(path, export_script(self.document.project, file_name=Path(path).name))
        except ExportError as err:
            QMessageBox.warning(self.window, self.tr("Cannot export"), str(err))
            return
        except OSError as err:
            QMessageBox.warning(self.window, self.tr("Cannot export"), f"{path}: {err.strerror or err}")
            return
        self.message.emit(
            self.tr("Wrote {0}: run it with python or torchrun --standalone --nproc_per_node=2").format(path)
        )

    def export_onnx(self) -> None:
        """The network as ONNX, with a saved run's weights or as a new run would start; exported off the
        GUI thread (PyTorch's exporter takes seconds)."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Export ONNX"),
            self.tr("Export the weights of a saved run? (No exports the network as a new run starts it.)"),
            buttons.Yes | buttons.No | buttons.Cancel,
            buttons.Yes,
        )
        if answer == buttons.Cancel:
            return
        run = ""
        if answer == buttons.Yes:
            run = QFileDialog.getExistingDirectory(
                self.window, self.tr("The run whose weights to export"), str(Path.home())
            )
            if not run:
                return
        path = self._ask_path(self.tr("Export ONNX"), ".onnx", self.tr("ONNX (*.onnx)"))
        if not path:
            return
        project = self.document.project.copy()

        def work(task):
            from core.cli.export import load_weights
            from core.export.onnx import export_onnx

            export_onnx(project, path, load_weights(project, Path(run)) if run else None)
            return path

        self.message.emit(self.tr("Exporting ONNX…"))
        self._task = tasks.start(work, self._onnx_done, self._onnx_failed)

    def _onnx_done(self, task, path) -> None:
        self._task = None
        self.message.emit(self.tr("Wrote {0}").format(path))

    def _onnx_failed(self, task, text: str, details: str) -> None:
        self._task = None
        QMessageBox.warning(self.window, self.tr("Cannot export ONNX"), text)

    def export_metrics(self) -> None:
        """The current run's per-epoch metrics: the run saves itself to a temporary folder (where the
        model lives), and its metrics.csv is copied to the file chosen."""
        if not self.controller.active:
            QMessageBox.information(self.window, self.tr("Export metrics"), self.tr("Nothing has been trained yet."))
            return
        path = self._ask_path(self.tr("Export the run's metrics"), "_metrics.csv", self.tr("CSV (*.csv)"))
        if not path:
            return
        self._metrics = (tempfile.mkdtemp(prefix="neurona-metrics-"), path)
        self.controller.saved.connect(self._run_saved)
        self.controller.save(self._metrics[0])

    def _run_saved(self, folder: str) -> None:
        if self._metrics is None or folder != self._metrics[0]:
            return
        self.controller.saved.disconnect(self._run_saved)
        (folder, path), self._metrics = self._metrics, None
        try:
            shutil.copyfile(Path(folder) / "metrics.csv", path)
        except OSError as err:
            QMessageBox.warning(self.window, self.tr("Cannot export"), f"{path}: {err.strerror or err}")
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.message.emit(self.tr("Wrote the run's metrics to {0}").format(path))

    # ---- import ---------------------------------------------------------------------------------------

    def import_model(self) -> None:
        buttons = QMessageBox.StandardButton
        if QMessageBox.warning(
            self.window, self.tr("Import a PyTorch model"), self.tr(IMPORT_WARNING), buttons.Yes | buttons.Cancel
        ) != (buttons.Yes):
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a PyTorch model"), self.files.folder, self.tr("Python (*.py)")
        )
        if not path:
            return
        self.files.used_folder(path)
        classes = module_classes(path)
        if not classes:
            QMessageBox.warning(self.window, "Cannot import", f"{Path(path).name} defines no class.")
            return
        name, ok = QInputDialog.getItem(
            self.window, self.tr("Import a PyTorch model"), self.tr("The nn.Module class:"), classes, 0, False
        )
        if ok and self.files.maybe_save():
            self.import_class(f"{path}:{name}")

    def import_class(self, spec: str, input_shape: tuple[int, ...] | None = None) -> bool:
        """Import `FILE.py:Class` and open it, its weights as a paused run; asks for the input's shape
        when the module does not say."""
        from core.export.fx_import import ImportFailed, import_module

        try:
            imported = import_module(spec, input_shape=input_shape)
        except ImportFailed as err:
            if "--input-shape" in str(err) and input_shape is None:
                text, ok = QInputDialog.getText(
                    self.window,
                    self.tr("Import a PyTorch model"),
                    self.tr("One sample's shape, without the batch (e.g. 1,28,28):"),
                )
                try:
                    shape = tuple(int(s) for s in text.split(",") if s.strip())
                except ValueError:
                    shape = ()
                return bool(ok and shape) and self.import_class(spec, shape)
            details = "\n".join(err.problems)
            QMessageBox.warning(self.window, "Cannot import", f"{err}\n\n{details}".strip())
            return False
        self.document.open(imported.project)
        self.files.run_opened.emit({k: v.detach().clone() for k, v in imported.model.state_dict().items()})
        self.message.emit(self.tr("Imported {0}: its weights are loaded, paused").format(spec.rpartition(":")[2]))
        return True


def module_classes(path: str) -> list[str]:
    """The classes a Python file defines, read without running it (the choice comes before the warning's risk)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return []
    return [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
