"""What the app remembers between runs, typed, in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class _ListSetting:
    """A list of strings in QSettings, read back as a list whatever the backend made of it."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __get__(self, settings: Settings, owner: type | None = None) -> list[str]:
        value = settings.q.value(self.key, [])
        if isinstance(value, str):  # one item comes back as a plain string
            return [value] if value else []
        return [str(v) for v in value or []]

    def __set__(self, settings: Settings, value: list[str]) -> None:
        settings.q.setValue(self.key, list(value))


class Settings:
    """Typed access to QSettings (its backends lose types, so each read names one)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings()

    folders = _ListSetting("scan/folders")
    reference_folders = _ListSetting("scan/reference_folders")
    marked = _ListSetting("review/marked")
    keep_rules = _ListSetting("review/keep_rules")  # empty: the defaults
    preferred_folders = _ListSetting("review/preferred_folders")
    excluded = _ListSetting("scan/excluded")  # folders and globs not to read (discover.excluded_by)

    @property
    def keep_raw_pairs(self) -> bool:
        return bool(self.q.value("review/keep_raw_pairs", True, type=bool))

    @keep_raw_pairs.setter
    def keep_raw_pairs(self, value: bool) -> None:
        self.q.setValue("review/keep_raw_pairs", value)

    def threshold(self, default: int) -> int:
        return int(self.q.value("review/threshold", default, type=int))

    def set_threshold(self, value: int) -> None:
        self.q.setValue("review/threshold", value)

    def thumb_size(self, default: int) -> int:
        return int(self.q.value("review/thumb_size", default, type=int))

    def set_thumb_size(self, value: int) -> None:
        self.q.setValue("review/thumb_size", value)

    @property
    def had_results(self) -> bool:
        return bool(self.q.value("scan/had_results", False, type=bool))

    @had_results.setter
    def had_results(self, value: bool) -> None:
        self.q.setValue("scan/had_results", value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self.q.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self.q.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.q.sync()
