"""The ``photodedupe`` command's entry point: Ctrl+C while the program is still loading ends quietly.

Outside the package's ``__init__`` so that importing ``photodedupe`` (for its version) does not
reach the command line and the window, which import it back.
"""

import gc
import os
import signal
import sys
import threading

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

        status = main()
        # Nothing is left to collect: the collection Python runs on its way out would walk every
        # object a scan made for nothing (22-56 ms of a 3 s scan, 14 ms with them frozen).
        gc.freeze()
        return status
    except KeyboardInterrupt:
        print("photodedupe: interrupted.", file=sys.stderr)
        return 130
    except Exception:
        if not _interrupted_in_c:
            raise
        # The interrupted callback left numba's half-compiled kernel behind; it fails next.
        print("photodedupe: interrupted.", file=sys.stderr)
        return 130
