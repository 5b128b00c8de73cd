"""What the app remembers between runs: each setting declared once, with its type and default.

QSettings backends lose types (an INI file gives strings back, one list item
comes back as a plain string), so every read goes through the declaration,
which names the type (picard's typed options, in a few lines).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from photodedupe.core.cull.series import DEFAULT_WINDOW
from photodedupe.core.thresholds import default_threshold

DEFAULT_THUMB = 240  # px, the smallest thumbnail: 180 was too small to judge sharpness


class _Setting:
    """One value in QSettings under ``key``: a bool, int, float, list of strings or bytes (Qt states)."""

    def __init__(self, key: str, kind: type, default: Any = None) -> None:
        self.key, self.kind, self.default = key, kind, default

    def __get__(self, settings: Settings, owner: type | None = None) -> Any:
        q = settings.q
        if self.kind is list:
            value = q.value(self.key, [])
            if isinstance(value, str):  # one item comes back as a plain string
                return [value] if value else []
            return [str(v) for v in value] if isinstance(value, list) else []
        if self.kind is QByteArray:
            value = q.value(self.key)
            return value if isinstance(value, QByteArray) else None
        return self.kind(q.value(self.key, self.default, type=self.kind))

    def __set__(self, settings: Settings, value: Any) -> None:
        settings.q.setValue(self.key, list(value) if self.kind is list else value)


class Settings:
    """Typed access to QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings()

    folders = _Setting("scan/folders", list)
    reference_folders = _Setting("scan/reference_folders", list)
    excluded = _Setting("scan/excluded", list)  # folders and globs not to read (discover.excluded_by)
    had_results = _Setting("scan/had_results", bool, False)
    marked = _Setting("review/marked", list)
    keep_rules = _Setting("review/keep_rules", list)  # empty: the defaults
    preferred_folders = _Setting("review/preferred_folders", list)
    keep_raw_pairs = _Setting("review/keep_raw_pairs", bool, True)
    lightroom_sidecars = _Setting("files/lightroom_sidecars", bool, False)  # else darktable's NAME.EXT.xmp
    threshold = _Setting("review/threshold", int, default_threshold())
    thumb_size = _Setting("review/thumb_size", int, DEFAULT_THUMB)
    group_order = _Setting("review/group_order", str, "saving")  # model.GROUP_ORDERS
    shots = _Setting("cull/shots", bool, False)  # the window was in Shots mode
    cull_window = _Setting("cull/window", float, DEFAULT_WINDOW)
    cull_keep = _Setting("cull/keep", int, 1)
    cull_picked = _Setting("cull/picked", list)  # Shots' picks (P) and rejects (X), by path
    cull_rejected = _Setting("cull/rejected", list)
    language = _Setting("window/language", str, "")  # a code of core.i18n.LANGUAGES; "": the system's
    window_geometry = _Setting("window/geometry", QByteArray)
    window_state = _Setting("window/state", QByteArray)
    splitter_state = _Setting("window/splitter", QByteArray)

    def sync(self) -> None:
        self.q.sync()
