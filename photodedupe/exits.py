"""The command line's exit statuses, shared by the parser (``cli``) and the commands (``commands``).

A module of its own so that neither imports the other for them (``commands`` had imported
them from ``cli``, which imports ``commands``: a circle held together by a lazy import).
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    FAILED = 1  # some photo could not be handled, or nothing could be done
    USAGE = 2  # what argparse returns for arguments it does not understand
    CANCELLED = 130  # 128 + SIGINT: Ctrl+C, as shells report it
    PIPE = 141  # 128 + SIGPIPE: the reader of our output went away
