"""Handing a photo to the rest of the desktop: open it, show it in its folder."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: str) -> bool:
    """Open with the user's default viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def show_in_folder(path: str) -> bool:
    """Open the file manager at the photo's folder, with the photo selected where the system can."""
    if sys.platform == "darwin":
        return subprocess.call(["open", "-R", path]) == 0
    if sys.platform == "win32":
        subprocess.Popen(["explorer", "/select,", os.path.normpath(path)])
        return True
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        bus = QDBusConnection.sessionBus()
        if bus.isConnected():
            manager = QDBusInterface(
                "org.freedesktop.FileManager1",
                "/org/freedesktop/FileManager1",
                "org.freedesktop.FileManager1",
                bus,
            )
            if manager.isValid():
                reply = manager.call("ShowItems", [QUrl.fromLocalFile(path).toString()], "")
                if not reply.errorName():
                    return True
    except ImportError:
        pass
    return QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(path)))
