"""Start the Qt application: the window, or a screenshot of it for the command line."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from core.words import translate


def run_app(
    project: str | None = None,
    screenshot: str | None = None,
    size: str = "1280x800",
    train: int = 0,
    view: str = "",
    scale: float = 1.0,
    lang: str | None = None,
) -> int:
    from PySide6.QtCore import QThreadPool, QTimer

    app = picture_app() if screenshot else application()
    app.setApplicationName("Neurona")
    app.setOrganizationName("Neurona")
    from gui.i18n import chosen_language, install_language
    from gui.settings import app_settings

    install_language(chosen_language(lang, app_settings()))  # before any widget: they are built in it
    from gui.main_window import MainWindow

    window = MainWindow()
    if screenshot:
        return take_screenshot(app, window, project, screenshot, size, train, view, scale)
    window.show_as_last_time()
    QTimer.singleShot(500, window.run_controls.controller.prestart)  # after the first paint
    if view:
        window.show_view(view)
    if project:
        window.files.open_path(project)
    else:
        window.files.offer_recovery()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(2000)
    return code


def application(argv: list[str] | None = None):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from gui.desktop import ICON

        app = QApplication(sys.argv if argv is None else argv)
        app.setWindowIcon(QIcon(str(ICON)))
        app.setDesktopFileName("neurona")  # Wayland and taskbars match the window to the menu entry
    return app


def picture_app():
    """The application for drawing pictures: offscreen when there is no display, without the
    offscreen platform's warnings about window hints it cannot honour."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler

    app = application(sys.argv[:1])  # a verb's own arguments are not Qt's
    if app.platformName() == "offscreen":
        qInstallMessageHandler(_quiet_offscreen)
    return app


def _quiet_offscreen(kind, context, message: str) -> None:
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        w, h = int(width), int(height)
    except ValueError:
        raise ValueError(translate("cli", "size must look like 1280x800, not '{0}'").format(text)) from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise ValueError(translate("cli", "size {0}x{1} is out of range (320x240 to 7680x4320)").format(w, h))
    return w, h


def take_screenshot(
    app, window, project: str | None, out: str, size: str, train: int = 0, view: str = "", scale: float = 1.0
) -> int:
    """Render the window with `project` open at `size` (after `train` steps, with `view` in front)
    and save it as a PNG with `scale` pixels per pixel on screen."""
    from PySide6.QtCore import Qt, QThreadPool

    try:
        width, height = parse_size(size)
        if not 0.25 <= scale <= 8:
            raise ValueError(translate("cli", "--scale must be from 0.25 to 8, not {0}").format(f"{scale:g}"))
    except ValueError as err:
        print(translate("cli", "error: {0}").format(err), file=sys.stderr)
        return 2
    if project:
        from core.project import ProjectError, load_project

        try:
            window.document.open(load_project(project), project)
        except ProjectError as err:
            print(translate("cli", "error: {0}: {1}").format(project, err), file=sys.stderr)
            return 2
    window.resize(width, height)
    window.show()
    deadline = time.monotonic() + 30
    while window.dataset_panel.loading and time.monotonic() < deadline:
        app.processEvents()  # let the dataset load, so its problems and preview are in the picture
        time.sleep(0.01)
    shown = window.show_view(view) if view else None  # before training, so its probes record from the start
    if view:
        window.resizeDocks([window.training_dock], [int(height * 0.62)], Qt.Orientation.Vertical)
    if train and not _train_steps(app, window, train):
        return 1
    if shown is not None:
        _wait_for_view(app, window, shown, bool(train))
    for _ in range(5):
        app.processEvents()
    window.view.fit_all()
    app.processEvents()
    if scale == 1:
        saved = window.grab().save(str(Path(out)))
    else:
        from gui.figures import render_image

        saved = render_image(window, scale).save(str(Path(out)))
    window.run_controls.shutdown()
    window.run_controls.controller.wait_stopped()
    QThreadPool.globalInstance().waitForDone(2000)
    if not saved:
        print(translate("cli", "error: cannot write {0}").format(out), file=sys.stderr)
        return 1
    size = f"{round(window.width() * scale)}x{round(window.height() * scale)}"
    print(translate("cli", "saved {0} ({1})").format(out, size))
    return 0


def _train_steps(app, window, steps: int) -> bool:
    """Train through the real worker, as the Step button does, and wait for the last snapshot."""
    controls = window.run_controls
    if not controls._ensure_started():
        print(translate("cli", "error: {0}").format(window.statusBar().currentMessage()), file=sys.stderr)
        return False
    controls.controller.step_once(steps)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and controls.controller.state != "failed":
        app.processEvents()
        state = controls.controller.state  # a lesson's own first step may have run to the end already
        if state == "finished" or (state == "paused" and controls.controller.step >= steps):
            break
        time.sleep(0.005)
    controls.dashboard.curves.flush()
    print(translate("cli", "trained {0} steps").format(controls.controller.step))
    return controls.controller.step >= steps


def _wait_for_view(app, window, view, trained: bool) -> None:
    """Until the view has drawn its probes (when a run exists to probe) and finished its own work."""
    tabs, deadline = window.view_tabs, time.monotonic() + 120
    needs_probes = trained and bool(view.wanted())
    while time.monotonic() < deadline and ((needs_probes and view not in tabs.delivered) or view.busy()):
        app.processEvents()
        time.sleep(0.01)
