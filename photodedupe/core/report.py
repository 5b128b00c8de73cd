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
from photodedupe.core.i18n import N_, _, decimal, english, iso_date_time, n_, said
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
    2: N_("stored mirrored (shown upright)"),
    3: N_("stored upside down (shown upright)"),
    4: N_("stored mirrored upside down (shown upright)"),
    5: N_("stored mirrored, turned left (shown upright)"),
    6: N_("stored turned right (shown upright)"),
    7: N_("stored mirrored, turned right (shown upright)"),
    8: N_("stored turned left (shown upright)"),
}


def photo_facts(photo: Photo) -> list[str]:
    """What the app's tooltips and compare view say about a photo, a line per topic."""
    d = Details.from_json(photo.info.details)
    info = photo.info
    fmt = format_of(photo) or "?"
    if info.quality:
        fmt = _("{format} quality {quality}").format(format=fmt, quality=info.quality)
    lines = [f"{info.width}×{info.height} · {human_size(photo.file.size)} · {fmt}"]
    if info.damaged:
        lines.append(_("Damaged: part of the picture could not be read (shown grey)"))
    if info.framed:
        lines.append(
            _("The picture is {width}×{height} inside bars or a window").format(
                width=info.picture_width, height=info.picture_height
            )
        )
    if photo.info.taken:
        lines.append(_("Taken {date}").format(date=iso_date_time(photo.info.taken)))
    elif d.date:
        # One sentence per source: "from the file name" takes another case than "from the file".
        if d.date_from == "file name":
            dated = _("Dated {date} (from the file name; no camera date)")
        else:
            dated = _("Dated {date} (from the file; no camera date)")
        lines.append(dated.format(date=iso_date_time(d.date)))
    else:
        lines.append(_("No date taken"))
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
        extras.append(_("GPS location"))
    if d.orientation in _ORIENTATION_WORDS:
        extras.append(_(_ORIENTATION_WORDS[d.orientation]))
    if "raw" in d.extra:
        extras.append(_("RAW, hashed from its {source}").format(source=said(d.extra["raw"])))
    if "preview" in d.extra:
        extras.append(_("hashed from {source}").format(source=said(d.extra["preview"])))
    if info.grey:
        extras.append(_("stored in black and white"))
    if extras:
        text = _("; ").join(extras)
        lines.append(text[0].upper() + text[1:])  # not capitalize(): it would lower "JPEG"
    edits = photo_edits(photo, d)
    if edits.any:
        lines.append(_("Your edits: {edits}").format(edits=edits.words()))
    lines.extend(_("With {companion}").format(companion=c.words()) for c in photo.companions)
    return lines


def distance_text(m: Member, from_star: bool = False) -> str:
    """How far a member is from the photo its group keeps, in words ("2 bits apart"; on a tile,
    beside the ★'s, "2 bits from the ★")."""
    if m.identical:
        return _("identical file")
    if m.distance == NOT_COMPARED:
        return _("in the group through another copy")
    if from_star:
        return n_("{n} bit from the ★", "{n} bits from the ★", m.distance).format(n=m.distance)
    return n_("{n} bit apart", "{n} bits apart", m.distance).format(n=m.distance)


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
            reason = _("not a photo ({kind}); left as it is").format(kind=said(kind))
            if path in belonging:
                owner, c = belonging[path]
                reason = _("not a photo: the {kind} of {photo}; it travels with it").format(
                    kind=said(KINDS[c.kind]), photo=os.path.basename(owner)
                )
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

    With ``marked`` (the app's export), each file says whether it is marked. Its words are
    English: programs read it, and must find the same words under every locale.
    """
    with english():
        return _report_dict(result, groups, threshold, marked, keeper)


def _report_dict(
    result: ScanResult,
    groups: Sequence[Group],
    threshold: int,
    marked: set[int] | None,
    keeper: Keeper | None,
) -> dict[str, Any]:
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
    """One row per photo in a group (the photo kept first, with why), then one per problem file.

    In English, as JSON: spreadsheets and scripts read the same words under every locale.
    """
    with english():
        return _report_csv(result, groups, marked, keeper)


def _report_csv(
    result: ScanResult, groups: Sequence[Group], marked: set[int] | None, keeper: Keeper | None
) -> str:
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
        count = len(group.members)
        lines.append(
            n_(
                "Group {number}: {n} photo, {size} in the copies",
                "Group {number}: {n} photos, {size} in the copies",
                count,
            ).format(number=number, n=count, size=human_size(others))
        )
        for k, m in enumerate(group.members):
            photo = result.photos[m.index]
            how = (
                _("kept: {why}").format(why=keeper.why(group, group.reference))
                if k == 0
                else distance_text(m)
            )
            if photo.info.damaged:
                how = _("{how}; damaged").format(how=how)
            mark = "★" if k == 0 else " "
            lines.append(
                f"  {mark} {shown(photo.path)}  ({photo.info.width}×{photo.info.height}, "
                f"{human_size(photo.file.size)}; {shown(how)})"
            )
            lines.extend(f"      + {shown(c.words())}" for c in photo.companions)
        lines.append("")
    if result.errors:
        lines.append(_("Files that could not be used ({n}):").format(n=len(result.errors)))
        lines.extend(f"  {shown(e.path)}: {shown(said(e.reason))}" for e in result.errors)
        lines.append("")
    files, size = reclaimable(result, groups)
    if groups:
        lines.append(
            n_(
                "Space reclaimable: {size} in {n} photo, keeping one photo (★) of each group.",
                "Space reclaimable: {size} in {n} photos, keeping one photo (★) of each group.",
                files,
            ).format(size=human_size(size), n=files)
        )
    stats = result.stats
    grouped = sum(len(g.members) for g in groups)
    problems = n_("{n} problem", "{n} problems", len(result.errors)).format(n=len(result.errors))
    if stats.skipped:
        belonging = len({c.path for p in result.photos for c in p.companions})
        problems = _("{problems}, {n} skipped as not photos: {what}").format(
            problems=problems, n=stats.skipped, what=skipped_words(result.skipped, belonging)
        )
    found = n_("{n} group ({photos} photos)", "{n} groups ({photos} photos)", len(groups)).format(
        n=len(groups), photos=grouped
    )
    lines.append(
        _("{found} at {level} ({threshold} of {bits} bits).").format(
            found=found, level=_(level_name(threshold, bits)), threshold=threshold, bits=bits
        )
        + " "
        + _(
            "Scanned {files} files: {decoded} decoded, {cached} from the cache, {problems}, in {seconds} s."
        ).format(
            files=stats.files,
            decoded=stats.hashed,
            cached=stats.from_cache,
            problems=problems,
            seconds=decimal(stats.seconds),
        )
    )
    return "\n".join(lines)
