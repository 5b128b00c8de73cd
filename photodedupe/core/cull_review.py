"""Culling as a review: each series is a group, its frames best first, the best N kept.

``CullReview`` is a ``Review`` whose groups are the series of a ``CullResult``
rather than near-duplicates, so everything the app does with a review —
marks, the safe and journaled move to the Trash or a folder, Undo, the views —
works on a shoot unchanged. Marking "all but the best" keeps the best
``keep_best`` frames of each series.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from photodedupe.core.cull.ranking import CullResult, Frame, Series
from photodedupe.core.documents import document, problems
from photodedupe.core.find.result import ScanResult
from photodedupe.core.group_list import GroupList
from photodedupe.core.i18n import N_, Nn_, _, counted, iso_date_time, said
from photodedupe.core.model import Group, Member
from photodedupe.core.printable import shown
from photodedupe.core.review import Review


class CullReview(Review):
    culling = True
    merge_edits = False  # each frame is a picture of its own: its rating is its own
    group_words = Nn_("{n} series", "{n} series")
    member_words = Nn_("{n} frame", "{n} frames")
    kept_words = N_("the best")

    def __init__(
        self,
        result: ScanResult,
        culled: CullResult,
        reference_folders: Sequence[str] = (),
        keep_best: int = 1,
    ) -> None:
        self.culled = culled
        self.keep_best = keep_best
        self._frames: dict[int, Frame] = {f.index: f for s in culled.series for f in s.frames}
        self._series_of: dict[int, Series] = {f.index: s for s in culled.series for f in s.frames}
        super().__init__(result, 0, reference_folders)

    def regroup(self, threshold: int) -> GroupList:
        """The series, without frames moved away; the slider's threshold does not apply to them."""
        self.threshold = threshold
        members, offsets = [], [0]
        for series in self.culled.series:
            kept = [f.index for f in series.frames if not self._gone[f.index]]
            if len(kept) > 1:
                members.extend(kept)
                offsets.append(len(members))
        members_a = np.array(members, np.int32)
        groups = GroupList(
            members_a,
            np.zeros(len(members), np.uint16),
            np.zeros(len(members), bool),
            np.array(offsets, np.int64),
        )
        self._saving[:] = 0
        self._show(groups)
        self.marked = {k for k in self.marked if self._group_of[k] >= 0}
        return groups

    def _order(self, groups: GroupList) -> np.ndarray:
        """The series in the order they were shot, whatever order the duplicates are listed in."""
        return np.arange(len(groups), dtype=np.int64)

    def reclaimable(self, group: Group) -> int:
        """Bytes freed if only the best ``keep_best`` frames stayed."""
        return int(sum(self.photos[m.index].file.size for m in group.members[self.keep_best :]))

    def reclaimable_total(self) -> int:
        groups = self.groups
        place = np.arange(len(groups.members)) - groups.offsets[groups.group_of_member()]
        return int(self._sizes[groups.members[place >= self.keep_best]].sum())

    def why_kept(self, group: Group) -> str:
        return said(self._frames[group.reference].why)  # kept in English with the frame

    def member_note(self, group: Group, member: Member, on_tile: bool = False) -> str:
        return said(self._frames[member.index].why)

    def score(self, index: int) -> float | None:
        frame = self._frames.get(index)
        return frame.score if frame is not None else None

    def from_file_time(self, group: Group) -> bool:
        """The series was put together by the files' times: its photos have no date taken."""
        series = self._series_of.get(group.reference)
        return series is not None and series.from_file_time

    def date_words(self, kept: int, other: int) -> str | None:
        return None  # frames of a series are different moments by nature

    def tooltip_note(self, group: Group, member: Member) -> str:
        return self.member_note(group, member)  # why it ranks where it does

    def kept_by_rank(self, row: int) -> bool:
        return 0 < row < self.keep_best

    def frame(self, index: int) -> Frame | None:
        return self._frames.get(index)

    def mark_all_but_best(self, groups: Sequence[Group] | None = None) -> None:
        """In each series, mark every frame but the best ``keep_best``."""
        for group in self.groups if groups is None else groups:
            for place, m in enumerate(group.members):
                self.set_marked(m.index, place >= self.keep_best)

    def ratings(self, stars: int = 1) -> list[tuple[str, int]]:
        """(photo, rating) to hand the culling to an editor: ``stars`` for picks, -1 for rejects.

        Only series the user (or "keep the best N") decided on: there, a frame
        not rejected is a pick. Frames in reference folders are never written to.
        """
        out = []
        for group in self.groups:
            members = [m.index for m in group.members]
            if not any(k in self.marked or k in self.picked for k in members):
                continue
            out += [
                (self.photos[k].path, -1 if k in self.marked else stars)
                for k in members
                if not self.is_protected(k)
            ]
        return out

    def report(self, as_json: bool) -> str:
        data = cull_dict(self.result, self.culled, self.marked)
        if as_json:
            return json.dumps(data, indent=1)
        return cull_text(self.result, self.culled)


def cull_dict(result: ScanResult, culled: CullResult, marked: set[int] | None = None) -> dict[str, Any]:
    """The ``photodedupe cull --json`` report: series with their frames best first."""

    def frame(f: Frame) -> dict[str, Any]:
        photo = result.photos[f.index]
        taken = photo.info.taken
        if taken and f.subsec:
            taken += f"{f.subsec:.3f}".lstrip("0").rstrip("0")  # ".4": the frame's tenth
        entry = {
            "path": photo.path,
            "taken": taken,
            "sharpness": round(f.quality.sharpness, 2),
            "exposure": {
                "highlights": round(f.quality.highlights, 4),
                "shadows": round(f.quality.shadows, 4),
            },
            "score": round(f.score, 3),
            "why": f.why,
        }
        if marked is not None:
            entry["marked"] = f.index in marked
        return entry

    return document(
        series=[
            {"time_from": "file" if s.from_file_time else "exif", "files": [frame(f) for f in s.frames]}
            for s in culled.series
        ],
        errors=problems([*result.errors, *culled.errors]),
        stats={
            "files": result.stats.files,
            "series": len(culled.series),
            "frames": sum(len(s.frames) for s in culled.series),
            "measured": culled.measured,
            "from_cache": culled.from_cache,
            "seconds": round(result.stats.seconds + culled.seconds, 2),
        },
    )


def cull_text(result: ScanResult, culled: CullResult) -> str:
    """Each series with its best frame first, for people."""
    lines = []
    for number, series in enumerate(culled.series, 1):
        taken = result.photos[series.best.index].info.taken
        first = iso_date_time(taken) if taken else _("unknown time")
        note = " " + _("(times from the files: no date taken)") if series.from_file_time else ""
        count = len(series.frames)
        lines.append(
            counted(
                count,
                "Series {number}: {n} frame, {first}",
                "Series {number}: {n} frames, {first}",
                number=number,
                first=first,
            )
            + note
        )
        for place, f in enumerate(series.frames):
            path = shown(result.photos[f.index].path)
            line = _("best  {path}  ({why})") if place == 0 else _("      {path}  ({why})")
            lines.append("  " + line.format(path=path, why=shown(said(f.why))))
    frames = sum(len(s.frames) for s in culled.series)
    summary = counted(
        len(culled.series),
        "{n} series of {frames} frames among {photos} photos; "
        "{measured} frames measured, {cached} remembered.",
        "{n} series of {frames} frames among {photos} photos; "
        "{measured} frames measured, {cached} remembered.",
        frames=frames,
        photos=result.stats.files,
        measured=culled.measured,
        cached=culled.from_cache,
    )
    lines.append("\n" + summary)
    return "\n".join(lines)
