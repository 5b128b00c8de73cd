"""Where photodedupe keeps its files, the same for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "photodedupe"


def cache_dir() -> Path:
    """The per-user cache folder (``$XDG_CACHE_HOME/photodedupe`` on Linux)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_cache_path() -> Path:
    return cache_dir() / "hashes.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (``$XDG_DATA_HOME/photodedupe``): what Undo needs."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def batches_dir() -> Path:
    """Journals of the batches moved to the trash (``$XDG_DATA_HOME/photodedupe/batches``).

    Data, not cache: Undo depends on them, so nothing may clean them away.
    """
    return data_dir() / "batches"


def home_trash() -> Path:
    """The freedesktop.org home trash: ``$XDG_DATA_HOME/Trash``."""
    import os

    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data) / "Trash"
