"""The log: what photodedupe did, kept in the platform's log folder, and on stderr with --verbose.

Each front end calls ``setup`` once. Modules log through
``logging.getLogger(__name__)``, all under the "photodedupe" logger. A user
reporting a problem can attach the file; nothing in it is needed to run.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

import platformdirs

from photodedupe.core.paths import APP_NAME

_LOG_BYTES = 1_000_000  # per file, three files kept: the log never grows without bound
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    """``~/.local/state/photodedupe/log/photodedupe.log`` on Linux; the platform's log folder elsewhere."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "photodedupe.log"


def setup(verbose: bool = False) -> Path | None:
    """Log to the file (INFO, or DEBUG when ``verbose``) and, when ``verbose``, to stderr.

    Returns the log file's path, or None when it cannot be written (a read-only
    home, a full disk): the program runs the same without it.
    """
    logger = logging.getLogger("photodedupe")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(logger.handlers):  # called again (tests, a second window): start afresh
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = False
    path: Path | None = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A name that is not UTF-8 is logged with its bytes escaped, never as a "Logging error".
        to_file = logging.handlers.RotatingFileHandler(
            path, maxBytes=_LOG_BYTES, backupCount=2, encoding="utf-8", errors="backslashreplace"
        )
    except OSError:
        path = None
    else:
        to_file.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(to_file)
    if verbose:
        to_stderr = logging.StreamHandler(sys.stderr)
        to_stderr.setFormatter(logging.Formatter("photodedupe: %(levelname)s %(message)s"))
        logger.addHandler(to_stderr)
    return path
