"""The log: what photodedupe did, kept in the platform's log folder, and on stderr with --verbose.

Each front end calls ``setup`` once. Modules log through
``logging.getLogger(__name__)``, all under the "photodedupe" logger. A user
reporting a problem can attach the file; nothing in it is needed to run.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Iterator
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
        log_path().parent.mkdir(parents=True, exist_ok=True)
        # A name that is not UTF-8 is logged with its bytes escaped, never as a "Logging error".
        to_file = logging.handlers.RotatingFileHandler(
            log_path(), maxBytes=_LOG_BYTES, backupCount=2, encoding="utf-8", errors="backslashreplace"
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


LIBRARIES = logging.getLogger("photodedupe.libraries")


@contextlib.contextmanager
def c_libraries_to_log() -> Iterator[None]:
    """What C libraries print on stderr (libtiff, libjpeg, libpng, libheif, LibRaw) goes to the log.

    They write to file descriptor 2 directly, between and inside our own messages: 376
    lines of libtiff warnings for two fuzzed TIFFs. Descriptor 2 becomes a pipe whose
    lines a thread logs (to stderr too with --verbose); Python's own ``sys.stderr`` keeps
    writing where stderr went before. Everything is put back on leaving.
    """
    try:
        python_on_2 = sys.stderr is not None and sys.stderr.fileno() == 2
        sys.stderr.flush()
        real = os.dup(2)
        read_end, write_end = os.pipe()
    except (AttributeError, OSError, ValueError):  # no stderr at all (a GUI launcher), or no descriptors left
        yield
        return
    saved_stderr = sys.stderr
    if python_on_2:
        sys.stderr = open(  # noqa: SIM115 - closed below, after the pipe
            real, "w", encoding=saved_stderr.encoding, errors="backslashreplace", buffering=1, closefd=False
        )
    os.dup2(write_end, 2)
    os.close(write_end)
    pump = threading.Thread(target=_log_lines, args=(read_end,), name="photodedupe-c-stderr", daemon=True)
    pump.start()
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
        os.dup2(real, 2)  # the pipe's last writer is gone: the thread reads to the end and stops
        pump.join(timeout=0.5)  # unless a program we started (a viewer) still holds it: not waited for
        if python_on_2:
            sys.stderr.close()
            sys.stderr = saved_stderr
        os.close(real)


def _log_lines(fd: int) -> None:
    """Each line a C library printed, logged as a warning. (Which photo it was about, the line
    does not say, and with two decoding threads the time it arrives cannot tell.)"""
    with open(fd, "rb") as pipe:
        for raw in pipe:
            if line := raw.decode("utf-8", "backslashreplace").strip():
                LIBRARIES.warning("a decoding library said: %s", line)
