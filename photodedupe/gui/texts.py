"""The words the window shows, made from core objects alone (no Qt), so they can be tested as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from photodedupe.core.model import Group, ScanStats
from photodedupe.core.progress import Progress, Stage
from photodedupe.core.units import human_size

if TYPE_CHECKING:
    from photodedupe.core.review import Review

EMPTY_HINT = "Drop folders here, or click “Add folder”, to find duplicate photos."


def plural(count: int, noun: str, many: str | None = None) -> str:
    """A count and its noun.

    >>> plural(1, "photo"), plural(2, "copy", "copies")
    ('1 photo', '2 copies')
    """
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


def scan_counts(stats: ScanStats) -> str:
    """What a scan read, in numbers that add up: every file found is read, remembered or a copy.

    >>> scan_counts(ScanStats(files=61, hashed=60, from_cache=0))
    '61 photos found: 60 read, 1 identical copy'
    """
    copies = stats.files - stats.hashed - stats.from_cache
    parts = [f"{stats.hashed} read"]
    if stats.from_cache:
        parts.append(f"{stats.from_cache} remembered")
    if copies > 0:
        parts.append(f"{plural(copies, 'identical copy', 'identical copies')}")
    return f"{stats.files} photos found: " + ", ".join(parts)


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
    return f"{seconds // 60}:{seconds % 60:02d} left"


def progress_text(p: Progress) -> str:
    """What a scan is doing, for the status bar.

    >>> progress_text(Progress(Stage.HASHING, 40, 100, elapsed=2.0))
    'Reading new photos: 40 of 100 · 20 photos/s · 0:03 left'
    """
    if p.stage is Stage.FINDING:
        return f"Looking for photos: {p.done} found"
    if p.stage is Stage.HASHING:
        rate = f" · {p.rate:.0f} photos/s" if p.done and p.elapsed > 0.5 else ""
        eta = f" · {clock(p.eta)}" if p.eta is not None and p.elapsed > 1 else ""
        return f"Reading new photos: {p.done} of {p.total or 0}{rate}{eta}"
    return f"Comparing {p.total} photos…"


def groups_heading(review: Review | None) -> str:
    """Above the group list: how many groups, photos and bytes in copies (or series and frames)."""
    if review is None:
        return "Groups"
    if review.culling:
        frames = sum(len(g.members) for g in review.groups)
        extra = sum(review.reclaimable(g) for g in review.groups)
        return (
            f"<b>{plural(len(review.groups), 'series', 'series')}</b> ({frames} frames; "
            f"{human_size(extra)} beyond the best {review.keep_best} of each)"
        )
    photos = sum(len(g.members) for g in review.groups)
    saving = sum(review.reclaimable(g) for g in review.groups)
    return f"<b>{plural(len(review.groups), 'group')}</b> ({photos} photos, {human_size(saving)} in copies)"


def status_summary(review: Review) -> str:
    """The status bar after a scan: what was read, found, could be freed, and is marked."""
    stats = review.result.stats
    saving = sum(review.reclaimable(g) for g in review.groups)
    found = plural(len(review.groups), *review.group_words)
    text = f"{scan_counts(stats)} · {found} · {human_size(saving)} could be freed"
    if problems := len(review.result.errors):
        text += f" · {plural(problems, 'problem file')} (View ▸ Problem files)"
    if stats.skipped:
        text += f" · {plural(stats.skipped, 'other file')} skipped (not photos)"
    if review.marked:
        plan = review.plan()
        text += f" · {plan.count} marked ({human_size(plan.total_bytes)})"
    return text


def group_title(review: Review | None, group: Group | None, scanning: bool) -> str:
    """Above the grid: the shown group in numbers, or why there is nothing to mark yet."""
    if review is not None and not review.result.complete:
        state = (
            "Still reading; you can mark photos when the scan is done."
            if scanning
            else "The scan was cancelled: Scan again to read the rest."
        )
        return f"<b>Groups among the {len(review.photos)} photos read so far.</b> {state}"
    if review is None:
        return ""
    if group is None:
        return "No duplicates at this similarity. Move the slider to the right to see more."
    marked = sum(1 for m in group.members if m.index in review.marked)
    if review.culling:
        timed = " (times from the files: they have no date taken)" if review.from_file_time(group) else ""
        return (
            f"<b>{len(group.members)} frames</b>{timed}, best first · {marked} marked for the Trash. "
            "<span>P picks, X rejects, U clears (each goes on to the next frame); Z: the loupe "
            "where the frame is sharpest; Enter: side by side with the best.</span>"
        )
    return (
        f"<b>{len(group.members)} photos</b> · {human_size(review.reclaimable(group))} in copies · "
        f"{marked} marked for the Trash. "
        "<span>Click the box in a photo's corner or press Space to mark it; "
        "“Mark all but the best” keeps each group's ★ (the rules: Edit ▸ Which photo to keep…).</span>"
    )
