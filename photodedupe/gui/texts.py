"""The words the window shows, made from core objects alone (no Qt), so they can be tested as text.

They come from the core's catalogs (``core.i18n``): counted phrases need a language's plural
forms, which gettext knows, and several are shared with the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from photodedupe.core.i18n import N_, _, counted
from photodedupe.core.model import Group, ScanStats
from photodedupe.core.progress import Progress, Stage
from photodedupe.core.units import human_size

if TYPE_CHECKING:
    from photodedupe.core.review import Review

_EMPTY_HINT = N_("Drop folders here, or click “Add folder”, to find duplicate photos.")


def empty_hint() -> str:
    return _(_EMPTY_HINT)


def scan_counts(stats: ScanStats) -> str:
    """What a scan read, in numbers that add up: every file found is read, remembered or a copy.

    >>> scan_counts(ScanStats(files=61, hashed=60, from_cache=0))
    '61 photos found: 60 read, 1 identical copy'
    """
    copies = stats.files - stats.hashed - stats.from_cache
    parts = [_("{n} read").format(n=stats.hashed)]
    if stats.from_cache:
        parts.append(_("{n} remembered").format(n=stats.from_cache))
    if copies > 0:
        parts.append(counted(copies, "{n} identical copy", "{n} identical copies"))
    found = counted(stats.files, "{n} photo found", "{n} photos found")
    return _("{found}: {parts}").format(found=found, parts=", ".join(parts))


def plain_text(label: str) -> str:
    """A menu label without its mnemonic: "&About photodedupe" → "About photodedupe" ("&&" is "&").

    >>> plain_text("Unmark a&ll"), plain_text("Copy && paste")
    ('Unmark all', 'Copy & paste')
    """
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clock(seconds: float | None) -> str:
    """Time left, as a clock.

    >>> clock(75), clock(None)
    ('1:15 left', '')
    """
    if seconds is None:
        return ""
    seconds = int(seconds)
    return _("{time} left").format(time=f"{seconds // 60}:{seconds % 60:02d}")


def progress_text(p: Progress) -> str:
    """What a scan is doing, for the status bar.

    >>> progress_text(Progress(Stage.HASHING, 40, 100, elapsed=2.0))
    'Reading new photos: 40 of 100 · 20 photos/s · 0:03 left'
    """
    if p.stage is Stage.FINDING:
        return _("Looking for photos: {n} found").format(n=p.done)
    if p.stage is Stage.HASHING:
        rate = " · " + _("{n} photos/s").format(n=f"{p.rate:.0f}") if p.done and p.elapsed > 0.5 else ""
        eta = f" · {clock(p.eta)}" if p.eta is not None and p.elapsed > 1 else ""
        return _("Reading new photos: {done} of {total}").format(done=p.done, total=p.total or 0) + rate + eta
    return counted(p.total or 0, "Comparing {n} photo…", "Comparing {n} photos…")


def groups_heading(review: Review | None) -> str:
    """Above the group list: how many groups, photos and bytes in copies (or series and frames)."""
    if review is None:
        return _("Groups")
    if review.culling:
        frames, extra = len(review.groups.members), review.reclaimable_total()
        return "<b>{series}</b> ({rest})".format(
            series=counted(len(review.groups), "{n} series", "{n} series"),
            rest=counted(
                frames,
                "{n} frame; {size} beyond the best {keep} of each",
                "{n} frames; {size} beyond the best {keep} of each",
                size=human_size(extra),
                keep=review.keep_best,
            ),
        )
    photos, saving = len(review.groups.members), review.reclaimable_total()
    return "<b>{groups}</b> ({rest})".format(
        groups=counted(len(review.groups), "{n} group", "{n} groups"),
        rest=counted(
            photos, "{n} photo, {size} in copies", "{n} photos, {size} in copies", size=human_size(saving)
        ),
    )


def status_summary(review: Review) -> str:
    """The status bar after a scan: what was read, found, could be freed, and is marked."""
    stats = review.result.stats
    saving = review.reclaimable_total()
    found = counted(len(review.groups), *review.group_words)  # "{n} group(s)" or "{n} series"
    freed = _("{size} could be freed").format(size=human_size(saving))
    text = f"{scan_counts(stats)} · {found} · {freed}"
    if problems := len(review.result.errors):
        text += " · " + counted(
            problems, "{n} problem file (View ▸ Problem files)", "{n} problem files (View ▸ Problem files)"
        )
    if stats.skipped:
        text += " · " + counted(
            stats.skipped, "{n} other file skipped (not photos)", "{n} other files skipped (not photos)"
        )
    if review.marked:
        count, size = review.marked_total()
        text += " · " + _("{n} marked ({size})").format(n=count, size=human_size(size))
    return text


def group_title(review: Review | None, group: Group | None, scanning: bool) -> str:
    """Above the grid: the shown group in numbers, or why there is nothing to mark yet."""
    if review is not None and not review.result.complete:
        state = (
            _("Still reading; you can mark photos when the scan is done.")
            if scanning
            else _("The scan was cancelled: Scan again to read the rest.")
        )
        heading = _("Groups among the {n} photos read so far.").format(n=len(review.photos))
        return f"<b>{heading}</b> {state}"
    if review is None:
        return ""
    if group is None:
        return _("No duplicates at this similarity. Move the slider to the right to see more.")
    marked = sum(1 for m in group.members if m.index in review.marked)
    if review.culling:
        timed = (
            " " + _("(times from the files: they have no date taken)") if review.from_file_time(group) else ""
        )
        frames = counted(len(group.members), "{n} frame", "{n} frames")
        return (
            f"<b>{frames}</b>{timed}, "
            + _("best first · {n} marked for the Trash.").format(n=marked)
            + " <span>"
            + _(
                "P picks, X rejects, U clears (each goes on to the next frame); Z: the loupe "
                "where the frame is sharpest; Enter: side by side with the best."
            )
            + "</span>"
        )
    photos = counted(len(group.members), "{n} photo", "{n} photos")
    return (
        f"<b>{photos}</b> · "
        + _("{size} in copies · {n} marked for the Trash.").format(
            size=human_size(review.reclaimable(group)), n=marked
        )
        + " <span>"
        + _(
            "Click the box in a photo's corner or press Space to mark it; "
            "“Mark all but the best” keeps each group's ★ (the rules: Edit ▸ Which photo to keep…)."
        )
        + "</span>"
    )
