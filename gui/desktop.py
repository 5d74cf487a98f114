"""Desktop integration for Linux (freedesktop.org): an applications-menu entry with
Neurona's icon, and a MIME type so a file manager opens project files with Neurona.

Everything goes under $XDG_DATA_HOME (~/.local/share by default); nothing needs root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ICON = Path(__file__).resolve().parent.parent / "assets" / "icons" / "neurona.svg"
MIME_TYPE = "application/x-neurona-project"

_MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Neurona project</comment>
    <sub-class-of type="application/json"/>
    <icon name="neurona"/>
    <magic priority="80">
      <match type="string" value="neurona-project" offset="0:256"/>
    </magic>
    <glob pattern="*.json" weight="10"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> str:
    """How the menu starts Neurona: the installed `neurona` command, else this Python and main.py."""
    installed = shutil.which("neurona")
    if installed:
        return installed
    main = Path(__file__).resolve().parent.parent / "main.py"
    return f'"{sys.executable}" "{main}"'


def desktop_entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Neurona",
            "GenericName=Neural network playground",
            "Comment=See how neural networks learn",
            f"Exec={launch_command()} %f",
            "Icon=neurona",
            "Terminal=false",
            "Categories=Education;Science;ArtificialIntelligence;",
            f"MimeType={MIME_TYPE};",
            "",
        ]
    )


def install_desktop_entry(root: Path | None = None) -> int:
    """Write the entry, the icon and the MIME type; refresh the desktop's caches where the tools exist."""
    root = root or data_home()
    files = {
        root / "applications" / "neurona.desktop": desktop_entry(),
        root / "mime" / "packages" / "neurona.xml": _MIME_XML,
        root / "icons" / "hicolor" / "scalable" / "apps" / "neurona.svg": ICON.read_text(encoding="utf-8"),
    }
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as err:
        print(f"error: cannot write {err.filename}: {err.strerror}", file=sys.stderr)
        return 1
    for tool, folder in (("update-mime-database", "mime"), ("update-desktop-database", "applications")):
        if shutil.which(tool):
            subprocess.run([tool, str(root / folder)], capture_output=True, check=False)
    for path in files:
        print(f"wrote {path}")
    return 0
