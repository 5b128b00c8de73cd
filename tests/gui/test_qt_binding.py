"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 takes a reference from None on every call that
returns nothing (QPainter.save, setRenderHint, ...) and on every empty
``index.data()``; after a few thousand paints Python aborts with "deallocating
None". pyproject.toml excludes that version; this test catches the next one.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QImage, QPainter


class _Model(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_void_calls_and_empty_data_keep_none_alive(qapp) -> None:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    model = _Model()
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.save()
        painter.restore()
        model.index(0).data(Qt.ItemDataRole.FontRole)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -100, f"the Qt binding lost {before - after} references to None"


@pytest.mark.slow
def test_the_window_opens_before_numpy_numba_and_pillow_load() -> None:
    """Launch-to-window under half a second: the heavy modules load when there is work for them."""
    import subprocess
    import sys

    code = (
        "import os, sys\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from photodedupe.gui.app import create_app\nfrom photodedupe.gui.main_window import MainWindow\n"
        "from photodedupe.gui.settings import Settings\nfrom PySide6.QtCore import QSettings\n"
        "app = create_app()\nini = QSettings(sys.argv[1], QSettings.Format.IniFormat)\n"
        "w = MainWindow(Settings(ini), None)\n"
        "w.show()\napp.processEvents()\n"
        "print(sorted(m for m in ('numpy', 'numba', 'PIL.Image') if m in sys.modules))"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            [sys.executable, "-c", code, f"{tmp}/s.ini"], capture_output=True, text=True, check=True
        )
    assert run.stdout.strip() == "[]", run.stdout
