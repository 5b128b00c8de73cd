"""What each command of ``photodedupe`` does: scan, clean, find, cull, undo, resume.

A thin layer over ``photodedupe.core``: it draws progress on a terminal and
prints the reports; ``photodedupe.cli`` parses the arguments first.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TextIO

from photodedupe.core.cull.ranking import cull
from photodedupe.core.cull_review import CullReview, cull_dict, cull_text
from photodedupe.core.documents import document, problems, restored, trashed
from photodedupe.core.files import journal
from photodedupe.core.files.actions import (
    TrashPlan,
    TrashReport,
    freed_bytes,
    move_to_trash,
    mover_for,
    resume_batch,
    undo_batch,
)
from photodedupe.core.files.sidecars import DEFAULT_STYLE, write_ratings
from photodedupe.core.files.trash import system_trash
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.companions import count_words
from photodedupe.core.find.decode import PhotoError, why_not_whole
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import ScanOptions, scan
from photodedupe.core.keep.keeper import keeper_for
from photodedupe.core.keep.rules import describe
from photodedupe.core.paths import batches_dir, default_cache_path
from photodedupe.core.printable import lossless, shown
from photodedupe.core.progress import Cancelled, CancelToken, Progress, Stage
from photodedupe.core.report import report_csv, report_dict, report_text
from photodedupe.core.review import Review
from photodedupe.core.search import ExampleSearch
from photodedupe.core.thresholds import default_threshold, max_threshold
from photodedupe.core.units import human_size
from photodedupe.exits import Exit


class TerminalProgress:
    """A one-line progress bar on stderr, redrawn in place."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, p: Progress) -> None:
        if p.stage is Stage.FINDING:
            text = f"Finding photos: {p.done} found"
        elif p.stage is Stage.HASHING and p.total:
            filled = int(24 * p.done / p.total)
            eta = f", {int(p.eta // 60)}:{int(p.eta % 60):02d} left" if p.eta is not None else ""
            text = f"Hashing [{'#' * filled}{'.' * (24 - filled)}] {p.done}/{p.total} ({p.rate:.0f}/s{eta})"
        elif p.stage is Stage.COMPARING:
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
    return Exit.USAGE


def _scan(args: argparse.Namespace) -> tuple[ScanResult, int] | int:
    """Run the scan a command asked for: (result, threshold), or an exit code."""
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
    exclude = tuple(os.path.abspath(p) if os.path.isdir(p) else p for p in args.exclude)
    options = ScanOptions(
        hash_bits=bits, include_hidden=args.include_hidden, workers=args.workers, exclude=exclude
    )
    with HashCache(None if args.no_cache else default_cache_path()) as cache:
        try:
            result = scan(args.paths, cache=cache, options=options, cancel=cancel, on_progress=progress)
        except KeyboardInterrupt:
            cancel.cancel()
            if progress:
                progress.clear()
            print("photodedupe: cancelled; what was hashed is kept in the cache.", file=sys.stderr)
            return Exit.CANCELLED
        except Cancelled:
            return Exit.CANCELLED
        finally:
            if progress:
                progress.clear()
    for notice in result.notices:
        print(f"photodedupe: {shown(notice)}", file=sys.stderr)
    return result, threshold


def run_scan(args: argparse.Namespace) -> int:
    if args.json and args.csv:
        return _usage_error("choose one of --json and --csv")
    scanned = _scan(args)
    if isinstance(scanned, int):
        return scanned
    result, threshold = scanned
    started = time.monotonic()
    groups = result.groups(threshold, keeper_for(result))
    result.stats.seconds += time.monotonic() - started
    if args.json:
        _print_json(report_dict(result, groups, threshold))
    elif args.csv:
        sys.stdout.write(report_csv(result, groups))  # cells made safe for spreadsheets
    else:
        print(report_text(result, groups, threshold))
    return Exit.OK


def _print_json(data: dict) -> None:
    json.dump(lossless(data), sys.stdout, indent=1)
    sys.stdout.write("\n")


def run_clean(args: argparse.Namespace) -> int:
    """Dry run by default: the same review and trash actions the app's buttons use."""
    references = [os.path.abspath(d) for d in args.reference]
    for folder in references + args.prefer_folder:
        if not os.path.isdir(folder):
            return _usage_error(f"no such folder: {folder}")
    scanned = _scan(args)
    if isinstance(scanned, int):
        return scanned
    result, threshold = scanned
    preferred = [os.path.abspath(d) for d in args.prefer_folder]
    review = Review(result, threshold, references, args.keep, preferred)
    review.keep_raw_pairs = not args.split_raw_pairs
    review.mark_all_but_best()
    plan = review.plan()
    going = {p.path for p in plan.photos}
    kept = [result.photos[m.index].path for g in review.groups for m in g.members]
    kept = [p for p in kept if p not in going]
    why = {result.photos[g.reference].path: review.why_kept(g) for g in review.groups}
    report = TrashReport()
    if args.apply and plan.count:
        report = _apply(plan, review, args.xmp_style)
    status = _status(report)
    _say_stopped(report, plan.count)
    unread = [e for e in result.errors if os.path.isdir(e.path)]
    for error in unread:  # the library was not wholly seen: say so, and do not end as if it was
        print(f"photodedupe: {shown(error.path)}: {shown(error.reason)}", file=sys.stderr)
    if unread and status == Exit.OK:
        status = Exit.FAILED
    if args.json:
        data = document(
            applied=args.apply,
            rules=list(args.keep),
            kept=kept,
            why={path: text for path, text in why.items() if path in kept},
        )
        if args.apply:
            data |= {"trashed": trashed(report), "failed": problems(report.failed)}
            data |= {"merged_into": report.merged, "notes": problems(report.notes)}
        else:
            data |= {"would_trash": [p.path for p in plan.photos], "trashed": [], "failed": []}
            data["would_trash_companions"] = {
                p.path: [c.path for c in cs] for p, cs in zip(plan.photos, plan.companions, strict=True) if cs
            }
        if report.cancelled:
            data["interrupted"] = True
        _print_json(data)
        return status
    _print_clean(args, review, plan, report, why)
    return status


def _print_clean(
    args: argparse.Namespace, review: Review, plan: TrashPlan, report: TrashReport, why: dict[str, str]
) -> None:
    """The groups with what each photo became, then a summary; companions under their photo."""
    photos = review.photos
    going = {p.path: cs for p, cs in zip(plan.photos, plan.companions, strict=True)}
    moved = {t.original: t.location for t in report.moved}
    failed = {f.path: f.reason for f in report.failed}
    for number, group in enumerate(review.groups, 1):
        print(f"Group {number}: {len(group.members)} photos")
        for m in group.members:
            path = photos[m.index].path
            if path in why and path not in going:
                print(f"  keep   {shown(path)}  ({shown(why[path])})")
            elif path not in going:
                print(f"  keep   {shown(path)}")
            elif path in moved:
                print(f"  trashed {shown(path)} -> {shown(moved[path] or 'the trash')}")
            elif path in failed:
                print(f"  NOT MOVED {shown(path)}: {shown(failed[path])}")
            else:
                print(f"  {'trash' if not args.apply else 'left'}  {shown(path)}")
            went = report.carried.get(path) if args.apply else None
            for c in going.get(path, ()) if went is None or path in moved else ():
                print(f"         with {shown(c.words())}")
            for c in photos[m.index].companions if path not in going else ():
                print(f"         and its {shown(c.words())}")
    print(f"\nKept by rule: {describe(args.keep)}.")
    if not args.apply:
        size = human_size(plan.total_bytes + plan.companion_bytes)
        words = count_words(plan.count, plan.companion_count)
        print(
            f"Dry run: {words} ({size}) in {len(review.groups)} groups "
            "would go to the trash. Run again with --apply to move them."
        )
        return
    words = count_words(len(report.moved), len(report.companions))
    frees = human_size(freed_bytes(report))
    print(f"Moved {words} to the trash; emptying it frees {frees}. Undo: photodedupe undo")
    for path in report.merged:
        print(f"Ratings and keywords of a trashed copy were added to {shown(path)}.")
    for note in report.notes:
        print(f"Note: {shown(note.path)}: {shown(note.reason)}")
    if report.failed:
        print(f"{count_words(len(report.failed), 0)} not moved; each is still where it was.")


def _apply(plan: TrashPlan, review: Review, style: str = DEFAULT_STYLE) -> TrashReport:
    """Move the plan's photos; Ctrl+C lets the file being moved finish, then stops the batch.

    The batch then stays resumable: ``resume`` moves the rest, ``undo`` puts back what was moved.
    """
    cancel = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def interrupted(_signum: int, _frame: object) -> None:
        cancel.cancel()

    def waiting() -> None:
        print("photodedupe: waiting for another batch of moves to the trash to finish…", file=sys.stderr)

    signal.signal(signal.SIGINT, interrupted)
    try:
        return move_to_trash(
            plan, system_trash(), review.keeper.protection, journal_folder=batches_dir(), cancel=cancel,
            on_wait=waiting, sidecar_style=style, whole=why_not_whole,
        )  # fmt: skip
    finally:
        signal.signal(signal.SIGINT, previous)


def run_find(args: argparse.Namespace) -> int:
    """Search by example: the BK-tree over the scanned photos, asked once."""
    if not os.path.isfile(args.example):
        return _usage_error(f"no such photo: {args.example}")
    scanned = _scan(args)
    if isinstance(scanned, int):
        return scanned
    result, threshold = scanned
    try:
        matches = ExampleSearch(result).similar_to(args.example, threshold)
    except PhotoError as exc:
        print(f"photodedupe: {shown(args.example)}: {shown(exc)}", file=sys.stderr)
        return Exit.FAILED
    example = os.path.abspath(args.example)
    if args.json:
        found = [
            {
                "path": m.photo.path,
                "distance": m.distance,
                "turned": m.turned,
                "size": m.photo.file.size,
                "width": m.photo.info.width,
                "height": m.photo.info.height,
                "note": m.note,
            }
            for m in matches
        ]
        _print_json(document(example=example, threshold=threshold, matches=found))
        return Exit.OK
    print(f"Photos like {shown(example)} (within {threshold} bits), nearest first:")
    for m in matches:
        notes = [f"{m.photo.info.width}×{m.photo.info.height}", human_size(m.photo.file.size)]
        if m.turned:
            notes.append("turned or mirrored")
        if m.photo.path == example:
            notes.append("the example itself")
        elif m.note:
            notes.append(m.note)
        print(f"  {m.distance:3d} bits  {shown(m.photo.path)}  ({shown(', '.join(notes))})")
    print(f"{len(matches)} found among {len(result.photos)} photos scanned.")
    return Exit.OK


def run_cull(args: argparse.Namespace) -> int:
    """Series and their frames best first; with --apply, the rest through the same safe trash."""
    if args.window <= 0 or args.keep < 1:
        return _usage_error("--window must be above 0 and --keep at least 1")
    if not 1 <= args.stars <= 5:
        return _usage_error("--stars must be between 1 and 5")
    if args.apply and args.write_xmp:
        # A reject's new sidecar would be written after its plan was made: it would stay behind.
        return _usage_error("choose one of --apply (trash the rest) and --write-xmp (rate them for editors)")
    scanned = _scan(args)
    if isinstance(scanned, int):
        return scanned
    result, _threshold = scanned
    with HashCache(None if args.no_cache else default_cache_path()) as cache:
        culled = cull(result, cache, window=args.window)
    shots = CullReview(result, culled, keep_best=args.keep)
    if args.write_xmp:
        shots.mark_all_but_best()
        return _write_ratings(args, shots, result, culled)
    if not args.apply:
        if args.json:
            _print_json(cull_dict(result, culled))
        else:
            print(cull_text(result, culled))
        return Exit.OK
    shots.mark_all_but_best()
    plan = shots.plan()
    report = _apply(plan, shots)
    _say_stopped(report, plan.count, "frames")
    if args.json:
        # "moved" as it always was, and "trashed" as every other command says it
        went = trashed(report)
        data = {
            **cull_dict(result, culled),
            "moved": went,
            "trashed": went,
            "failed": problems(report.failed),
        }
        _print_json(data | ({"interrupted": True} if report.cancelled else {}))
    else:
        print(cull_text(result, culled))
        words = count_words(len(report.moved), len(report.companions), "frame")
        frees = human_size(freed_bytes(report))
    print(f"Moved {words} to the trash; emptying it frees {frees}. Undo: photodedupe undo")
    return _status(report)


def _status(report: TrashReport) -> int:
    """130 when Ctrl+C stopped the batch, 1 when a file was not moved, else 0."""
    return Exit.CANCELLED if report.cancelled else Exit.FAILED if report.failed else Exit.OK


def _say_stopped(report: TrashReport, planned: int, noun: str = "photos") -> None:
    """On stderr: why a batch ended early, and what is left for ``resume`` or ``undo``."""
    if report.stopped:
        print(f"photodedupe: the batch stopped early: {shown(report.stopped)}.", file=sys.stderr)
    if report.cancelled:
        left = planned - len(report.moved) - len(report.failed)
        print(
            f"photodedupe: interrupted; {left} {noun} were not moved yet. "
            "'photodedupe resume' finishes the batch, 'photodedupe undo' puts back what was moved.",
            file=sys.stderr,
        )


def _write_ratings(args: argparse.Namespace, shots: CullReview, result: ScanResult, culled) -> int:
    """``cull --write-xmp``: the picks' and rejects' ratings into their sidecars, as one undoable batch."""
    ratings = shots.ratings(args.stars)
    report = write_ratings(ratings, batches_dir(), args.xmp_style)
    if args.json:
        data = cull_dict(result, culled)
        data["ratings"] = {
            "written": [{"path": p, "sidecar": s, "rating": dict(ratings)[p]} for p, s in report.written],
            "unchanged": report.unchanged,
            "failed": [{"path": p, "reason": r} for p, r in report.failed],
        }
        _print_json(data)
    else:
        print(cull_text(result, culled))
        picks = sum(1 for _, r in ratings if r > 0)
        for path, reason in report.failed:
            print(f"NOT RATED {shown(path)}: {shown(reason)}")
        print(
            f"Wrote the ratings of {len(report.written)} frames into their XMP sidecars "
            f"({picks} picks at {args.stars} star{'s' if args.stars != 1 else ''}, the rest -1, rejected); "
            f"{len(report.unchanged)} already said so. Undo: photodedupe undo"
        )
    return Exit.FAILED if report.failed else Exit.OK


def run_undo(args: argparse.Namespace) -> int:
    batch = journal.last_batch(batches_dir())
    say_damaged_journals()
    if batch is None or not (batch.in_trash or batch.merges_left or batch.vanished):
        message = "Nothing to undo: no photos moved to the trash by photodedupe are waiting there."
        _print_json(document(restored=[], failed=[])) if args.json else print(message)
        return Exit.OK
    report = undo_batch(batch, mover_for(batch))
    if args.json:
        _print_json(document(**restored(report)))
    else:
        for item in report.restored:
            print(f"restored {shown(item.original)}")
        for fail in report.failed:
            print(f"NOT RESTORED {shown(fail.path)}: {shown(fail.reason)}")
        words = count_words(len(report.restored), len(report.companions))
        print(f"Put {words} back where they were (batch of {batch.started[:19]}).")
        if report.unmerged:
            n = len(report.unmerged)
            them = "sidecars back what they" if n != 1 else "sidecar back what it"
            print(f"Gave {n} {them} said before the batch.")
    return Exit.OK if not report.failed else Exit.FAILED


def run_resume(args: argparse.Namespace) -> int:
    pending = journal.interrupted_batches(batches_dir())
    say_damaged_journals()
    if not pending:
        message = "Nothing to resume: no batch of moves to the trash was interrupted."
        _print_json(document(trashed=[], failed=[])) if args.json else print(message)
        return Exit.OK
    report = TrashReport()
    for batch in pending:
        done = resume_batch(batch, mover_for(batch), journal_folder=batches_dir(), whole=why_not_whole)
        report.moved += done.moved
        report.failed += done.failed
    if args.json:
        _print_json(document(trashed=trashed(report), failed=problems(report.failed)))
    else:
        for item in report.moved:
            print(f"trashed {shown(item.original)} -> {shown(item.location or 'the trash')}")
        for fail in report.failed:
            print(f"NOT MOVED {shown(fail.path)}: {shown(fail.reason)}")
        print(f"Finished the interrupted batch: moved {len(report.moved)} more photos to the trash.")
    return Exit.OK if not report.failed else Exit.FAILED


def warn_interrupted() -> None:
    """A batch a crash cut short is said at every start until it is resumed or undone."""
    for batch in journal.interrupted_batches(batches_dir()):
        print(
            f"photodedupe: a move to the trash started {batch.started[:19]} was interrupted: "
            f"{len(batch.photos_in_trash)} photos are in the trash, {len(batch.pending)} were not moved yet. "
            "Run 'photodedupe undo' to put them back or 'photodedupe resume' to finish it.",
            file=sys.stderr,
        )
    say_damaged_journals()


def say_damaged_journals() -> None:
    """Each damaged journal set aside, said once on stderr."""
    for notice in journal.take_notices():
        print(f"photodedupe: {shown(notice)}.", file=sys.stderr)


#: Each command of the parser (``cli.COMMANDS``), and what runs it.
RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "scan": run_scan,
    "clean": run_clean,
    "find": run_find,
    "cull": run_cull,
    "undo": run_undo,
    "resume": run_resume,
}
