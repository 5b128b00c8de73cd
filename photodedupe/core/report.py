"""The scan report in the two shapes the CLI prints: JSON for programs, text for people."""

from __future__ import annotations

from typing import Any

from photodedupe.core.model import Group
from photodedupe.core.scan import ScanResult
from photodedupe.core.thresholds import level_name

REPORT_VERSION = 1


def report_dict(result: ScanResult, groups: list[Group], threshold: int) -> dict[str, Any]:
    """The stable ``scan --json`` schema (version 1); each group lists its reference first."""
    return {
        "version": REPORT_VERSION,
        "threshold": threshold,
        "groups": [
            {
                "files": [
                    {
                        "path": result.photos[m.index].path,
                        "distance": m.distance,
                        "identical": m.identical,
                        "size": result.photos[m.index].file.size,
                        "width": result.photos[m.index].info.width,
                        "height": result.photos[m.index].info.height,
                    }
                    for m in group.members
                ]
            }
            for group in groups
        ],
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
        "stats": {
            "files": result.stats.files,
            "hashed": result.stats.hashed,
            "from_cache": result.stats.from_cache,
            "seconds": round(result.stats.seconds, 3),
        },
    }


def human_size(size: float) -> str:
    """
    >>> human_size(999), human_size(1536), human_size(3_500_000)
    ('999 B', '1.5 KB', '3.5 MB')
    """
    if size < 1000:
        return f"{int(size)} B"
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1000
        if size < 999.95 or unit == "TB":
            break
    return f"{size:.1f} {unit}"


def report_text(result: ScanResult, groups: list[Group], threshold: int) -> str:
    """A readable listing: one block per group, the reference marked with ★, then problems."""
    lines: list[str] = []
    bits = result.hash_bits
    for number, group in enumerate(groups, 1):
        others = sum(result.photos[m.index].file.size for m in group.members[1:])
        lines.append(f"Group {number}: {len(group.members)} photos, {human_size(others)} in the copies")
        for k, m in enumerate(group.members):
            photo = result.photos[m.index]
            if k == 0:
                how = "reference"
            elif m.identical:
                how = "identical file"
            elif m.distance == 0:
                how = "same hash"
            else:
                how = f"{m.distance} bit{'s' if m.distance != 1 else ''} apart"
            mark = "★" if k == 0 else " "
            lines.append(
                f"  {mark} {photo.path}  ({photo.info.width}×{photo.info.height}, "
                f"{human_size(photo.file.size)}; {how})"
            )
        lines.append("")
    if result.errors:
        lines.append(f"Files that could not be used ({len(result.errors)}):")
        lines.extend(f"  {e.path}: {e.reason}" for e in result.errors)
        lines.append("")
    stats = result.stats
    grouped = sum(len(g.members) for g in groups)
    lines.append(
        f"{len(groups)} group{'s' if len(groups) != 1 else ''} ({grouped} photos) at "
        f"{level_name(threshold, bits)} ({threshold} of {bits} bits). "
        f"Scanned {stats.files} files: {stats.hashed} decoded, {stats.from_cache} from the cache, "
        f"{len(result.errors)} problem{'s' if len(result.errors) != 1 else ''}, in {stats.seconds:.1f} s."
    )
    return "\n".join(lines)
