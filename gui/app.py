"""Start the Qt application and show the main window."""

import sys

from PySide6.QtWidgets import QApplication


def run_app() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Neurona")
    app.setOrganizationName("Neurona")
    from gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
