"""The ``photodedupe`` command: the desktop app, or ``scan`` for a headless report.

A thin layer over ``photodedupe.core``: it parses arguments, draws progress
on a terminal and prints the report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from photodedupe import __version__
from photodedupe.core.cache import HashCache
from photodedupe.core.hashing import HASH_SIZES
from photodedupe.core.paths import default_cache_path
from photodedupe.core.progress import Cancelled, CancelToken, Progress
from photodedupe.core.report import report_dict, report_text
from photodedupe.core.scan import ScanOptions, scan
from photodedupe.core.thresholds import default_threshold, levels, max_threshold

EXIT_OK, EXIT_USAGE, EXIT_CANCELLED = 0, 2, 130
COMMANDS = ("scan",)


def _levels_help() -> str:
    return ", ".join(f"{lv.name.lower()} {lv.bits}" for lv in levels(128))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="photodedupe",
        usage="photodedupe [FOLDER...] [--theme THEME]\n       photodedupe scan [options] PATH...",
        description="Find near-duplicate photos. Without a command, opens the desktop app "
        "(and scans the FOLDERs given).",
        epilog="Run 'photodedupe scan --help' for the options of a headless scan.",
    )
    parser.add_argument("--version", action="version", version=f"photodedupe {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sc = commands.add_parser(
        "scan",
        help="scan folders and print the groups of near-duplicate photos",
        description="Scan folders (recursively) and print the groups of near-duplicate photos. "
        "Files that cannot be used are listed with the reason; the scan goes on.",
    )
    sc.add_argument("paths", nargs="+", metavar="PATH", help="folders (or single photos) to scan")
    sc.add_argument(
        "-t",
        "--threshold",
        type=int,
        metavar="BITS",
        help=f"largest difference, in bits of the hash, for two photos to be grouped "
        f"(128-bit hash: {_levels_help()}; default: similar, {default_threshold(128)})",
    )
    sc.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    sc.add_argument("--no-cache", action="store_true", help="neither read nor write the hash cache")
    sc.add_argument(
        "--hash-bits",
        type=int,
        choices=sorted(HASH_SIZES),
        default=128,
        help="hash length: 128 (9×9 grid) or a finer 512 (17×17 grid); default 128",
    )
    sc.add_argument("--include-hidden", action="store_true", help="also scan hidden files and folders")
    sc.add_argument(
        "--workers", type=int, default=0, metavar="N", help="decoding threads (default: one per CPU)"
    )
    return parser


class TerminalProgress:
    """A one-line progress bar on stderr, redrawn in place."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, p: Progress) -> None:
        if p.stage == "finding":
            text = f"Finding photos: {p.done} found"
        elif p.stage == "hashing" and p.total:
            filled = int(24 * p.done / p.total)
            eta = f", {int(p.eta // 60)}:{int(p.eta % 60):02d} left" if p.eta is not None else ""
            text = f"Hashing [{'#' * filled}{'.' * (24 - filled)}] {p.done}/{p.total} ({p.rate:.0f}/s{eta})"
        elif p.stage == "comparing":
            text = f"Comparing {p.total} photos"
        else:
            return
        self.stream.write("\r" + text.ljust(self.width))
        self.width = len(text)
        self.stream.flush()

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _usage_error(message: str) -> int:
    print(f"photodedupe: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_scan(args: argparse.Namespace) -> int:
    bits = args.hash_bits
    top = max_threshold(bits)
    threshold = default_threshold(bits) if args.threshold is None else args.threshold
    if not 0 <= threshold <= top:
        return _usage_error(f"--threshold must be between 0 and {top} for a {bits}-bit hash")
    for path in args.paths:
        if not os.path.exists(path):
            return _usage_error(f"no such file or folder: {path}")
    if args.workers < 0:
        return _usage_error("--workers must be 0 (one per CPU) or more")
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else None
    cancel = CancelToken()
    options = ScanOptions(hash_bits=bits, include_hidden=args.include_hidden, workers=args.workers)
    with HashCache(None if args.no_cache else default_cache_path()) as cache:
        try:
            result = scan(args.paths, cache=cache, options=options, cancel=cancel, on_progress=progress)
        except KeyboardInterrupt:
            cancel.cancel()
            if progress:
                progress.clear()
            print("photodedupe: cancelled; what was hashed is kept in the cache.", file=sys.stderr)
            return EXIT_CANCELLED
        except Cancelled:
            return EXIT_CANCELLED
        finally:
            if progress:
                progress.clear()
    started = time.monotonic()
    groups = result.groups(threshold)
    result.stats.seconds += time.monotonic() - started
    for notice in result.notices:
        print(f"photodedupe: {notice}", file=sys.stderr)
    if args.json:
        json.dump(report_dict(result, groups, threshold), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(report_text(result, groups, threshold))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    # File names are bytes on Linux: print the ones that are not UTF-8 as they are.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or not (argv[0] in COMMANDS or argv[0].startswith("-")) or argv[0] == "--theme":
        from photodedupe.gui.app import main as open_window  # Qt is imported only for the window

        return open_window(argv)
    args = build_parser().parse_args(argv)
    return run_scan(args)
