"""What each command of ``photodedupe`` does: scan, clean, find, cull, undo, resume.

A thin layer over ``photodedupe.core``: it draws progress on a terminal and
prints the reports; ``photodedupe.cli`` parses the arguments first.
"""

from __future__ import annotations

import argparse
import contextlib
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
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.scan import scan
from photodedupe.core.i18n import _, english, iso_date_time, n_, said
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
            text = _("Finding photos: {n} found").format(n=p.done)
        elif p.stage is Stage.HASHING and p.total:
            filled = int(24 * p.done / p.total)
            rate = _("{n}/s").format(n=f"{p.rate:.0f}")
            if p.eta is not None:
                left = _("{time} left").format(time=f"{int(p.eta // 60)}:{int(p.eta % 60):02d}")
                rate = f"{rate}, {left}"
            bar = f"[{'#' * filled}{'.' * (24 - filled)}]"
            text = _("Hashing {bar} {done}/{total} ({rate})").format(
                bar=bar, done=p.done, total=p.total, rate=rate
            )
        elif p.stage is Stage.COMPARING:
            text = n_("Comparing {n} photo", "Comparing {n} photos", p.total or 0).format(n=p.total)
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
    print(_("photodedupe: error: {message}").format(message=message), file=sys.stderr)
    return Exit.USAGE


def _scan(args: argparse.Namespace) -> tuple[ScanResult, int] | int:
    """Run the scan a command asked for: (result, threshold), or an exit code."""
    bits = args.hash_bits
    top = max_threshold(bits)
    threshold = default_threshold(bits) if args.threshold is None else args.threshold
    if not 0 <= threshold <= top:
        return _usage_error(
            _("--threshold must be between 0 and {top} for a {bits}-bit hash").format(top=top, bits=bits)
        )
    for path in args.paths:
        if not os.path.exists(path):
            return _usage_error(_("no such file or folder: {path}").format(path=path))
    if args.workers < 0:
        return _usage_error(_("--workers must be 0 (one per CPU) or more"))
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
            print(_("photodedupe: cancelled; what was hashed is kept in the cache."), file=sys.stderr)
            return Exit.CANCELLED
        except Cancelled:
            return Exit.CANCELLED
        finally:
            if progress:
                progress.clear()
    for notice in result.notices:
        print(f"photodedupe: {shown(said(notice))}", file=sys.stderr)
    return result, threshold


def run_scan(args: argparse.Namespace) -> int:
    if args.json and args.csv:
        return _usage_error(_("choose one of --json and --csv"))
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
            return _usage_error(_("no such folder: {path}").format(path=folder))
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
    with english() if args.json else contextlib.nullcontext():  # JSON's words are English
        why = {result.photos[g.reference].path: review.why_kept(g) for g in review.groups}
    report = TrashReport()
    if args.apply and plan.count:
        report = _apply(plan, review, args.xmp_style)
    status = _status(report)
    _say_stopped(report, plan.count)
    unread = [e for e in result.errors if os.path.isdir(e.path)]
    for error in unread:  # the library was not wholly seen: say so, and do not end as if it was
        print(f"photodedupe: {shown(error.path)}: {shown(said(error.reason))}", file=sys.stderr)
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
        count = len(group.members)
        print(
            n_("Group {number}: {n} photo", "Group {number}: {n} photos", count).format(
                number=number, n=count
            )
        )
        for m in group.members:
            path = photos[m.index].path
            if path in why and path not in going:
                print("  " + _("keep   {path}  ({why})").format(path=shown(path), why=shown(why[path])))
            elif path not in going:
                print("  " + _("keep   {path}").format(path=shown(path)))
            elif path in moved:
                print("  " + _trashed_line(path, moved[path]))
            elif path in failed:
                print(
                    "  "
                    + _("NOT MOVED {path}: {reason}").format(
                        path=shown(path), reason=shown(said(failed[path]))
                    )
                )
            else:
                line = _("trash  {path}") if not args.apply else _("left   {path}")
                print("  " + line.format(path=shown(path)))
            went = report.carried.get(path) if args.apply else None
            for c in going.get(path, ()) if went is None or path in moved else ():
                print("         " + _("with {companion}").format(companion=shown(c.words())))
            for c in photos[m.index].companions if path not in going else ():
                print("         " + _("and its {companion}").format(companion=shown(c.words())))
    print("\n" + _("Kept by rule: {rules}.").format(rules=describe(args.keep)))
    if not args.apply:
        size = human_size(plan.total_bytes + plan.companion_bytes)
        words = count_words(plan.count, plan.companion_count)
        groups = len(review.groups)
        print(
            n_(
                "Dry run: {what} ({size}) in {n} group would go to the trash. "
                "Run again with --apply to move them.",
                "Dry run: {what} ({size}) in {n} groups would go to the trash. "
                "Run again with --apply to move them.",
                groups,
            ).format(what=words, size=size, n=groups)
        )
        return
    words = count_words(len(report.moved), len(report.companions))
    frees = human_size(freed_bytes(report))
    print(_moved_line(words, frees))
    for path in report.merged:
        print(_("Ratings and keywords of a trashed copy were added to {path}.").format(path=shown(path)))
    for note in report.notes:
        print(_("Note: {path}: {reason}").format(path=shown(note.path), reason=shown(said(note.reason))))
    if report.failed:
        print(
            _("{what} not moved; each is still where it was.").format(what=count_words(len(report.failed), 0))
        )


def _apply(plan: TrashPlan, review: Review, style: str = DEFAULT_STYLE) -> TrashReport:
    """Move the plan's photos; Ctrl+C lets the file being moved finish, then stops the batch.

    The batch then stays resumable: ``resume`` moves the rest, ``undo`` puts back what was moved.
    """
    cancel = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def interrupted(_signum: int, _frame: object) -> None:
        cancel.cancel()

    def waiting() -> None:
        print(_("photodedupe: waiting for another batch of moves to the trash to finish…"), file=sys.stderr)

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
        return _usage_error(_("no such photo: {path}").format(path=args.example))
    scanned = _scan(args)
    if isinstance(scanned, int):
        return scanned
    result, threshold = scanned
    try:
        matches = ExampleSearch(result).similar_to(args.example, threshold)
    except PhotoError as exc:
        print(f"photodedupe: {shown(args.example)}: {shown(said(str(exc)))}", file=sys.stderr)
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
    print(
        n_(
            "Photos like {photo} (within {n} bit), nearest first:",
            "Photos like {photo} (within {n} bits), nearest first:",
            threshold,
        ).format(photo=shown(example), n=threshold)
    )
    for m in matches:
        notes = [f"{m.photo.info.width}×{m.photo.info.height}", human_size(m.photo.file.size)]
        if m.turned:
            notes.append(_("turned or mirrored"))
        if m.photo.path == example:
            notes.append(_("the example itself"))
        elif m.note:
            notes.append(said(m.note))
        distance = n_("{n} bit", "{n} bits", m.distance).format(n=f"{m.distance:3d}")
        print(f"  {distance}  {shown(m.photo.path)}  ({shown(', '.join(notes))})")
    print(
        n_(
            "{found} found among {n} photo scanned.",
            "{found} found among {n} photos scanned.",
            len(result.photos),
        ).format(found=len(matches), n=len(result.photos))
    )
    return Exit.OK


def run_cull(args: argparse.Namespace) -> int:
    """Series and their frames best first; with --apply, the rest through the same safe trash."""
    if args.window <= 0 or args.keep < 1:
        return _usage_error(_("--window must be above 0 and --keep at least 1"))
    if not 1 <= args.stars <= 5:
        return _usage_error(_("--stars must be between 1 and 5"))
    if args.apply and args.write_xmp:
        # A reject's new sidecar would be written after its plan was made: it would stay behind.
        return _usage_error(
            _("choose one of --apply (trash the rest) and --write-xmp (rate them for editors)")
        )
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
    _say_stopped(report, plan.count, frames=True)
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
        words = count_words(len(report.moved), len(report.companions), frames=True)
        print(_moved_line(words, human_size(freed_bytes(report))))
    return _status(report)


def _status(report: TrashReport) -> int:
    """130 when Ctrl+C stopped the batch, 1 when a file was not moved, else 0."""
    return Exit.CANCELLED if report.cancelled else Exit.FAILED if report.failed else Exit.OK


def _say_stopped(report: TrashReport, planned: int, frames: bool = False) -> None:
    """On stderr: why a batch ended early, and what is left for ``resume`` or ``undo``."""
    if report.stopped:
        print(
            _("photodedupe: the batch stopped early: {why}.").format(why=shown(said(report.stopped))),
            file=sys.stderr,
        )
    if report.cancelled:
        left = planned - len(report.moved) - len(report.failed)
        not_moved = (
            n_("{n} frame was not moved yet.", "{n} frames were not moved yet.", left)
            if frames
            else n_("{n} photo was not moved yet.", "{n} photos were not moved yet.", left)
        ).format(n=left)
        print(
            _(
                "photodedupe: interrupted; {not_moved} 'photodedupe resume' finishes the batch, "
                "'photodedupe undo' "
                "puts back what was moved."
            ).format(not_moved=not_moved),
            file=sys.stderr,
        )


def _moved_line(what: str, frees: str) -> str:
    return _("Moved {what} to the trash; emptying it frees {size}. Undo: photodedupe undo").format(
        what=what, size=frees
    )


def _trashed_line(path: str, location: str | None) -> str:
    if location:
        return _("trashed {path} -> {location}").format(path=shown(path), location=shown(location))
    return _("trashed {path} -> the trash").format(path=shown(path))


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
            print(_("NOT RATED {path}: {reason}").format(path=shown(path), reason=shown(said(reason))))
        stars = n_("{n} star", "{n} stars", args.stars).format(n=args.stars)
        print(
            n_(
                "Wrote the rating of {n} frame into its XMP sidecar ({picks} picks at {stars}, the rest -1, "
                "rejected); {unchanged} already said so. Undo: photodedupe undo",
                "Wrote the ratings of {n} frames into their XMP sidecars ({picks} picks at {stars}, "
                "the rest -1, "
                "rejected); {unchanged} already said so. Undo: photodedupe undo",
                len(report.written),
            ).format(n=len(report.written), picks=picks, stars=stars, unchanged=len(report.unchanged))
        )
    return Exit.FAILED if report.failed else Exit.OK


def run_undo(args: argparse.Namespace) -> int:
    batch = journal.last_batch(batches_dir())
    say_damaged_journals()
    if batch is None or not (batch.in_trash or batch.merges_left or batch.vanished):
        message = _("Nothing to undo: no photos moved to the trash by photodedupe are waiting there.")
        _print_json(document(restored=[], failed=[])) if args.json else print(message)
        return Exit.OK
    report = undo_batch(batch, mover_for(batch))
    if args.json:
        _print_json(document(**restored(report)))
    else:
        for item in report.restored:
            print(_("restored {path}").format(path=shown(item.original)))
        for fail in report.failed:
            print(
                _("NOT RESTORED {path}: {reason}").format(
                    path=shown(fail.path), reason=shown(said(fail.reason))
                )
            )
        words = count_words(len(report.restored), len(report.companions))
        print(
            _("Put {what} back where they were (batch of {started}).").format(
                what=words, started=_started(batch)
            )
        )
        if report.unmerged:
            n = len(report.unmerged)
            print(
                n_(
                    "Gave {n} sidecar back what it said before the batch.",
                    "Gave {n} sidecars back what they said before the batch.",
                    n,
                ).format(n=n)
            )
    return Exit.OK if not report.failed else Exit.FAILED


def run_resume(args: argparse.Namespace) -> int:
    pending = journal.interrupted_batches(batches_dir())
    say_damaged_journals()
    if not pending:
        message = _("Nothing to resume: no batch of moves to the trash was interrupted.")
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
            print(_trashed_line(item.original, item.location))
        for fail in report.failed:
            print(
                _("NOT MOVED {path}: {reason}").format(path=shown(fail.path), reason=shown(said(fail.reason)))
            )
        n = len(report.moved)
        print(
            n_(
                "Finished the interrupted batch: moved {n} more photo to the trash.",
                "Finished the interrupted batch: moved {n} more photos to the trash.",
                n,
            ).format(n=n)
        )
    return Exit.OK if not report.failed else Exit.FAILED


def warn_interrupted() -> None:
    """A batch a crash cut short is said at every start until it is resumed or undone."""
    for batch in journal.interrupted_batches(batches_dir()):
        print(
            _(
                "photodedupe: a move to the trash started {started} was interrupted: "
                "{in_trash} photos are in "
                "the trash, {pending} were not moved yet. Run 'photodedupe undo' to put them back or "
                "'photodedupe resume' to finish it."
            ).format(
                started=_started(batch), in_trash=len(batch.photos_in_trash), pending=len(batch.pending)
            ),
            file=sys.stderr,
        )
    say_damaged_journals()


def say_damaged_journals() -> None:
    """Each damaged journal set aside, said once on stderr."""
    for notice in journal.take_notices():
        print(f"photodedupe: {shown(said(notice))}.", file=sys.stderr)


def _started(batch: journal.Batch) -> str:
    """When a batch started, as the locale writes it."""
    return iso_date_time(batch.started[:19])


#: Each command of the parser (``cli.COMMANDS``), and what runs it.
RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "scan": run_scan,
    "clean": run_clean,
    "find": run_find,
    "cull": run_cull,
    "undo": run_undo,
    "resume": run_resume,
}
