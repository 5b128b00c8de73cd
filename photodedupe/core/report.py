"""The report of a scan, in the shapes people keep: JSON for programs, CSV for spreadsheets, text.

The CLI prints them (``scan --json``, ``scan --csv``) and the app exports
them (File ▸ Export report), with the user's marks: one function each, so
both say the same thing.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from photodedupe.core.details import Details
from photodedupe.core.documents import document, problems
from photodedupe.core.find.companions import photo_edits, skipped_by_kind, skipped_words
from photodedupe.core.keep.rules import format_of
from photodedupe.core.model import KINDS, NOT_COMPARED, Group, Member, Photo
from photodedupe.core.printable import csv_cell, shown
from photodedupe.core.thresholds import level_name
from photodedupe.core.units import human_size

if TYPE_CHECKING:  # the window shows these words before numpy and numba are needed
    from photodedupe.core.find.result import ScanResult
    from photodedupe.core.keep.keeper import Keeper


def _keeper(result: ScanResult, keeper: Keeper | None) -> Keeper:
    """``keeper``, or the default rules' for ``result``."""
    if keeper is not None:
        return keeper
    from photodedupe.core.keep.keeper import keeper_for  # numpy: only once a report is made

    return keeper_for(result)


#: Metadata fields, in the order CSV columns and JSON keys list them.
METADATA_FIELDS = (
    "taken",
    "date",
    "date_from",
    "camera",
    "lens",
    "iso",
    "exposure",
    "aperture",
    "focal_length",
    "gps",
    "orientation",
)


def metadata(photo: Photo) -> dict[str, Any]:
    """What is known about the photo beyond its pixels (None where nothing is)."""
    d = Details.from_json(photo.info.details)
    return {
        "taken": photo.info.taken,
        "date": d.date,
        "date_from": d.date_from,
        "camera": photo.info.camera,
        "lens": d.lens,
        "iso": d.iso,
        "exposure": d.exposure,
        "aperture": d.aperture,
        "focal_length": d.focal_length,
        "gps": d.gps,
        "orientation": d.orientation,
    }


_ORIENTATION_WORDS = {
    2: "mirrored",
    3: "upside down",
    4: "mirrored upside down",
    5: "mirrored, turned left",
    6: "turned right",
    7: "mirrored, turned right",
    8: "turned left",
}


def photo_facts(photo: Photo) -> list[str]:
    """What the app's tooltips and compare view say about a photo, a line per topic."""
    d = Details.from_json(photo.info.details)
    info = photo.info
    fmt = format_of(photo) or "?"
    if info.quality:
        fmt += f" quality {info.quality}"
    lines = [f"{info.width}×{info.height} · {human_size(photo.file.size)} · {fmt}"]
    if info.damaged:
        lines.append("Damaged: part of the picture could not be read (shown grey)")
    if info.framed:
        lines.append(f"The picture is {info.picture_width}×{info.picture_height} inside bars or a window")
    if photo.info.taken:
        lines.append(f"Taken {photo.info.taken.replace('T', ' ')}")
    elif d.date:
        lines.append(f"Dated {d.date.replace('T', ' ')} (from the {d.date_from or 'file'}; no camera date)")
    else:
        lines.append("No date taken")
    gear = " · ".join(x for x in (photo.info.camera, d.lens) if x)
    if gear:
        lines.append(gear)
    exposure = " · ".join(
        x for x in (d.exposure, d.aperture, f"ISO {d.iso}" if d.iso else None, d.focal_length) if x
    )
    if exposure:
        lines.append(exposure)
    extras = []
    if d.gps:
        extras.append("GPS location")
    if d.orientation in _ORIENTATION_WORDS:
        extras.append(f"stored {_ORIENTATION_WORDS[d.orientation]} (shown upright)")
    if "raw" in d.extra:
        extras.append(f"RAW, hashed from its {d.extra['raw']}")
    if "preview" in d.extra:
        extras.append(f"hashed from {d.extra['preview']}")
    if info.grey:
        extras.append("stored in black and white")
    if extras:
        text = "; ".join(extras)
        lines.append(text[0].upper() + text[1:])  # not capitalize(): it would lower "JPEG"
    edits = photo_edits(photo, d)
    if edits.any:
        lines.append(f"Your edits: {edits.words()}")
    lines.extend(f"With {c.words()}" for c in photo.companions)
    return lines


def distance_text(m: Member) -> str:
    """How far a member is from the photo its group keeps, in words."""
    if m.identical:
        return "identical file"
    if m.distance == NOT_COMPARED:
        return "in the group through another copy"
    if m.distance == 0:
        return "0 bits apart"
    return f"{m.distance} bit{'s' if m.distance != 1 else ''} apart"


def _file(result: ScanResult, m: Member, marked: set[int] | None) -> dict[str, Any]:
    photo = result.photos[m.index]
    entry: dict[str, Any] = {
        "path": photo.path,
        "distance": None if m.distance == NOT_COMPARED else m.distance,
        "identical": m.identical,
        "size": photo.file.size,
        "width": photo.info.width,
        "height": photo.info.height,
        "format": format_of(photo).lower(),  # from the content: a JPEG named .png is "jpeg"
        "damaged": photo.info.damaged,
        "metadata": metadata(photo),
        "companions": [c.as_dict() for c in photo.companions],
    }
    edits = photo_edits(photo)
    if edits.any:  # sidecars and the XMP inside the photo together
        entry["edits"] = {"rating": edits.rating, "label": edits.label or None}
        entry["edits"]["keywords"] = list(edits.keywords)
    if marked is not None:
        entry["marked"] = m.index in marked
    return entry


def skipped_reasons(result: ScanResult) -> list[tuple[str, str]]:
    """Each file left out as not a photo, by kind, with what it is and the photo it belongs to, if any."""
    belonging = {c.path: (p.path, c) for p in result.photos for c in p.companions}
    out = []
    for kind, paths in skipped_by_kind(result.skipped).items():
        for path in paths:
            reason = f"not a photo ({kind}); left as it is"
            if path in belonging:
                owner, c = belonging[path]
                reason = f"not a photo: the {KINDS[c.kind]} of {os.path.basename(owner)}; it travels with it"
            out.append((path, reason))
    return out


def reclaimable(result: ScanResult, groups: Sequence[Group]) -> tuple[int, int]:
    """(files, bytes) freed if each group kept only its reference photo."""
    copies = [result.photos[m.index].file.size for g in groups for m in g.members[1:]]
    return len(copies), sum(copies)


def report_dict(
    result: ScanResult,
    groups: Sequence[Group],
    threshold: int,
    marked: set[int] | None = None,
    keeper: Keeper | None = None,
) -> dict[str, Any]:
    """The stable JSON schema (version 1); each group lists the photo it keeps first, and why.

    With ``marked`` (the app's export), each file says whether it is marked.
    """
    keeper = _keeper(result, keeper)
    files, size = reclaimable(result, groups)
    return document(
        threshold=threshold,
        groups=[
            {
                "files": [_file(result, m, marked) for m in group.members],
                "why": keeper.why(group, group.reference),
            }
            for group in groups
        ],
        errors=problems(result.errors),
        skipped=list(result.skipped),
        skipped_by_kind=skipped_by_kind(result.skipped),
        reclaimable={"files": files, "bytes": size},
        stats={
            "files": result.stats.files,
            "hashed": result.stats.hashed,
            "from_cache": result.stats.from_cache,
            "skipped": result.stats.skipped,
            "seconds": round(result.stats.seconds, 3),
        },
    )


CSV_COLUMNS = (
    "group",
    "role",
    "why",
    "path",
    "size",
    "width",
    "height",
    "format",
    "distance",
    "identical",
    "marked",
    *METADATA_FIELDS,
    "rating",
    "label",
    "companions",
    "problem",
)


def report_csv(
    result: ScanResult, groups: Sequence[Group], marked: set[int] | None = None, keeper: Keeper | None = None
) -> str:
    """One row per photo in a group (the photo kept first, with why), then one per problem file."""
    keeper = _keeper(result, keeper)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, group in enumerate(groups, 1):
        for k, m in enumerate(group.members):
            entry = _file(result, m, marked)
            meta = entry.pop("metadata")
            edits = photo_edits(result.photos[m.index])
            entry["companions"] = "; ".join(c.words() for c in result.photos[m.index].companions)
            row = {
                **entry,
                **meta,
                "group": number,
                # "kept", not "reference": a reference folder is another thing (never touched)
                "role": "kept" if k == 0 else "copy",
                "why": keeper.why(group, group.reference) if k == 0 else None,
                "marked": "" if marked is None else ("yes" if entry.get("marked") else "no"),
                "identical": "yes" if m.identical else "no",
                "gps": "yes" if meta["gps"] else "no",
                "rating": edits.rating,
                "label": edits.label,
                "problem": None,
            }
            writer.writerow(["" if row[c] is None else csv_cell(row[c]) for c in CSV_COLUMNS])
    for e in result.errors:
        problem = {"role": "problem", "path": e.path, "problem": e.reason}
        writer.writerow([csv_cell(problem.get(c, "")) for c in CSV_COLUMNS])
    return out.getvalue()


def report_text(
    result: ScanResult, groups: Sequence[Group], threshold: int, keeper: Keeper | None = None
) -> str:
    """A readable listing: one block per group, the photo kept marked with ★ and why, then problems."""
    keeper = _keeper(result, keeper)
    lines: list[str] = []
    bits = result.hash_bits
    for number, group in enumerate(groups, 1):
        others = sum(result.photos[m.index].file.size for m in group.members[1:])
        lines.append(f"Group {number}: {len(group.members)} photos, {human_size(others)} in the copies")
        for k, m in enumerate(group.members):
            photo = result.photos[m.index]
            how = f"kept: {keeper.why(group, group.reference)}" if k == 0 else distance_text(m)
            if photo.info.damaged:
                how += "; damaged"
            mark = "★" if k == 0 else " "
            lines.append(
                f"  {mark} {shown(photo.path)}  ({photo.info.width}×{photo.info.height}, "
                f"{human_size(photo.file.size)}; {shown(how)})"
            )
            lines.extend(f"      + {shown(c.words())}" for c in photo.companions)
        lines.append("")
    if result.errors:
        lines.append(f"Files that could not be used ({len(result.errors)}):")
        lines.extend(f"  {shown(e.path)}: {shown(e.reason)}" for e in result.errors)
        lines.append("")
    files, size = reclaimable(result, groups)
    if groups:
        lines.append(
            f"Space reclaimable: {human_size(size)} in {files} photo{'s' if files != 1 else ''}, "
            "keeping one photo (★) of each group."
        )
    stats = result.stats
    grouped = sum(len(g.members) for g in groups)
    problems = f"{len(result.errors)} problem{'s' if len(result.errors) != 1 else ''}"
    if stats.skipped:
        belonging = len({c.path for p in result.photos for c in p.companions})
        problems += f", {stats.skipped} skipped as not photos: {skipped_words(result.skipped, belonging)}"
    lines.append(
        f"{len(groups)} group{'s' if len(groups) != 1 else ''} ({grouped} photos) at "
        f"{level_name(threshold, bits)} ({threshold} of {bits} bits). "
        f"Scanned {stats.files} files: {stats.hashed} decoded, {stats.from_cache} from the cache, "
        f"{problems}, in {stats.seconds:.1f} s."
    )
    return "\n".join(lines)
