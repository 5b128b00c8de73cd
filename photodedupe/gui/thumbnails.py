"""Thumbnails, loaded lazily off the GUI thread, kept in a bounded cache.

Views ask for a thumbnail when they paint; a miss returns None and queues
one load (never twice). Workers make a QImage (allowed off the GUI thread),
the GUI thread turns it into a QPixmap for the LRU cache and says so with
``ready``. ``clear_queue`` drops loads nobody is waiting for anymore, e.g. when
another group is shown.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap


def pil_to_qimage(im) -> QImage:
    """Copy a Pillow RGB/RGBA image into a QImage that owns its pixels."""
    fmt = QImage.Format.Format_RGBA8888 if im.mode == "RGBA" else QImage.Format.Format_RGB888
    data = im.tobytes()
    return QImage(data, im.width, im.height, len(data) // im.height, fmt).copy()


class _LoadSignals(QObject):
    loaded = Signal(str, int, QImage)  # path, size in device pixels, image (null if it failed)


class _Load(QRunnable):
    def __init__(self, path: str, size: int, signals: _LoadSignals) -> None:
        super().__init__()
        # The loader owns it: QThreadPool.clear() deleting Python runnables is
        # a refcount crash in PySide6, so queued loads are withdrawn with tryTake.
        self.setAutoDelete(False)
        self.path, self.size, self.signals = path, size, signals

    def run(self) -> None:
        from photodedupe.core.find.decode import PhotoError  # Pillow, numpy: in the loading thread
        from photodedupe.core.find.preview import load_preview

        try:
            image = pil_to_qimage(load_preview(self.path, self.size if self.size > 0 else None))
        except (PhotoError, OSError, MemoryError):
            image = QImage()
        # RuntimeError: the app is closing and the loader is gone; nobody is waiting.
        with contextlib.suppress(RuntimeError):
            self.signals.loaded.emit(self.path, self.size, image)


class ThumbnailLoader(QObject):
    """Loads and caches pictures by (path, size in device pixels); size 0 means full size."""

    ready = Signal(str, int)  # path, size: the pixmap is in the cache now

    def __init__(self, parent: QObject | None = None, capacity: int = 600, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _LoadSignals()
        self._signals.loaded.connect(self._on_loaded)
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._failed: set[tuple[str, int]] = set()
        self._pending: dict[tuple[str, int], _Load] = {}
        self.capacity = capacity

    def get(self, path: str, size: int, dpr: float = 1.0) -> QPixmap | None:
        """The cached pixmap, or None after queueing a load (``ready`` follows)."""
        key = (path, size)
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            pixmap.setDevicePixelRatio(dpr)
            return pixmap
        if key not in self._pending and key not in self._failed:
            load = _Load(path, size, self._signals)
            self._pending[key] = load
            self.pool.start(load)
        return None

    def failed(self, path: str, size: int) -> bool:
        return (path, size) in self._failed

    def forget(self, path: str) -> None:
        """Drop everything about ``path`` (it was moved, restored or changed)."""
        for key in [k for k in self._cache if k[0] == path]:
            del self._cache[key]
        self._failed = {k for k in self._failed if k[0] != path}

    def clear_queue(self) -> None:
        """Withdraw the loads that have not started (e.g. another group is shown now)."""
        for key, load in list(self._pending.items()):
            if self.pool.tryTake(load):
                del self._pending[key]

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def __len__(self) -> int:
        return len(self._cache)

    @Slot(str, int, QImage)
    def _on_loaded(self, path: str, size: int, image: QImage) -> None:
        key = (path, size)
        self._pending.pop(key, None)
        if image.isNull():
            self._failed.add(key)
        else:
            self._cache[key] = QPixmap.fromImage(image)
            while len(self._cache) > self.capacity:
                self._cache.popitem(last=False)
        self.ready.emit(path, size)
