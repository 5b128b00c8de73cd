"""photodedupe: find near-duplicate photos and move the rejects to the trash."""

import os
import signal
import sys
import threading

__version__ = "0.1.0"


def _numba_cache_in_user_folder() -> None:
    """numba caches compiled kernels beside the package, which an installed or bundled copy cannot
    write to (so it compiled them again on every run, seconds each time): use the user's cache."""
    if "NUMBA_CACHE_DIR" not in os.environ:
        import platformdirs

        os.environ["NUMBA_CACHE_DIR"] = os.path.join(
            platformdirs.user_cache_dir("photodedupe", appauthor=False), "numba"
        )


_numba_cache_in_user_folder()

_interrupted_in_c = False  # a Ctrl+C landed inside a C callback (see _interrupt_later)


def _interrupt_later(unraisable) -> None:
    """A Ctrl+C that lands inside a C callback (numba compiling its kernels on a first run)
    cannot be raised there: Python would print it as an ignored exception with a traceback.
    Deliver it again instead, so it ends the program quietly like any other Ctrl+C.
    """
    global _interrupted_in_c
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _interrupted_in_c = True
        # Not from here (it would be raised inside this hook): a moment later, from outside.
        threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()
        return
    sys.__unraisablehook__(unraisable)


def run() -> int:
    """The ``photodedupe`` command. Ctrl+C while the program is still loading ends quietly too.

    The command's own module imports numpy, numba and Pillow, which takes a good
    part of a second: an interrupt then would otherwise print a traceback.
    """
    sys.unraisablehook = _interrupt_later
    try:
        from photodedupe.cli import main

        return main()
    except KeyboardInterrupt:
        print("photodedupe: interrupted.", file=sys.stderr)
        return 130
    except Exception:
        if not _interrupted_in_c:
            raise
        # The interrupted callback left numba's half-compiled kernel behind; it fails next.
        print("photodedupe: interrupted.", file=sys.stderr)
        return 130
