"""photodedupe: find near-duplicate photos and move the rejects to the trash."""

import sys

__version__ = "0.1.0"


def run() -> int:
    """The ``photodedupe`` command. Ctrl+C while the program is still loading ends quietly too.

    The command's own module imports numpy, numba and Pillow, which takes a good
    part of a second: an interrupt then would otherwise print a traceback.
    """
    try:
        from photodedupe.cli import main

        return main()
    except KeyboardInterrupt:
        print("photodedupe: interrupted.", file=sys.stderr)
        return 130
