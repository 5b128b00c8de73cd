"""A review: the groups at the current threshold and the user's marks.

Everything a user does in the window, short of drawing it, happens here, so
it is testable without Qt: move the slider, mark and unmark photos, mark all
but the best, plan and apply a move to the trash, undo it. Marks are kept per
photo (not per row or group), so they survive regrouping as long as the photo
is still in a group.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from photodedupe.core.files.actions import RestoreReport, TrashPlan, TrashReport, plan_trash
from photodedupe.core.files.trash import TrashedFile
from photodedupe.core.find.result import ScanResult
from photodedupe.core.group_list import GroupList
from photodedupe.core.i18n import N_, Nn_, _
from photodedupe.core.keep.differences import differences
from photodedupe.core.keep.keeper import Keeper, keeper_for
from photodedupe.core.keep.rules import DEFAULT_RULES, is_raw, raw_jpeg_pairs
from photodedupe.core.model import GROUP_ORDERS, Flag, Group, Member, Photo
from photodedupe.core.moments import date_note
from photodedupe.core.printable import lossless
from photodedupe.core.protection import Protection
from photodedupe.core.report import distance_text, report_csv, report_dict

if TYPE_CHECKING:
    from photodedupe.core.cull.ranking import Frame


def _most_first(saving: np.ndarray, refs: np.ndarray) -> np.ndarray:
    """Positions by ``saving``, largest first, then by ``refs``: one sort of a combined key where it
    fits in 63 bits (2.7× faster than ``lexsort`` at 170,000 groups)."""
    shift = int(refs.max(initial=0)).bit_length()
    if int(saving.max(initial=0)) < 1 << (62 - shift):
        return np.argsort((-saving.astype(np.int64) << shift) | refs, kind="stable")
    return np.lexsort((refs, -saving))


#: Memory kept for groupings made before (``Review._made``): about 9 thresholds at a million photos.
_MADE_BYTES = 64 << 20


def _bytes(groups: GroupList, saving: np.ndarray) -> int:
    return sum(a.nbytes for a in (groups.members, groups.distance, groups.identical, groups.offsets, saving))


def prepare_review(
    result: ScanResult,
    threshold: int,
    reference_folders: Sequence[str] = (),
    rules: Sequence[str] = DEFAULT_RULES,
    preferred_folders: Sequence[str] = (),
) -> Review:
    """A ``Review`` of ``result`` made now and kept with it for ``review_for``: run in a scan's thread,
    so the first grouping, and numba compiling or loading its kernels (seconds on a first run), do
    not stall the window that shows it."""
    review = Review(result, threshold, reference_folders, rules, preferred_folders)
    if result.complete:  # for "Mark all but the best", later, on the window's thread (never a snapshot's)
        review.raw_photos()
    result.derived[Review] = review
    return review


def review_for(
    result: ScanResult,
    threshold: int,
    reference_folders: Sequence[str] = (),
    rules: Sequence[str] = DEFAULT_RULES,
    preferred_folders: Sequence[str] = (),
) -> Review:
    """A ``Review`` of ``result`` for these settings: the one ``prepare_review`` made, brought up to
    date (the slider or the rules may have moved since), or a new one. Each is handed out once."""
    made = result.derived.pop(Review, None)
    if not isinstance(made, Review):
        return Review(result, threshold, reference_folders, rules, preferred_folders)
    made.configure(rules=rules, reference_folders=reference_folders, preferred_folders=preferred_folders)
    if made.threshold != threshold:
        made.regroup(threshold)
    return made


class Review:
    #: A review of a shoot's series (core.cull_review) rather than of copies: views ask this, not the type.
    culling = False  # the window's mode: Duplicates (a Review) or Shots (a CullReview)
    #: What its groups and their members are called: (one, many) each.
    group_words = Nn_("{n} group", "{n} groups")
    member_words = Nn_("{n} photo", "{n} photos")
    #: The photo each group keeps, as a caption names it.
    kept_words = N_("the ★")
    #: Copies of one picture: a trashed copy's rating and keywords go to the kept copy's sidecar.
    merge_edits = True
    keep_best = 1  # photos of each group that "Mark all but the best" keeps (Shots: the best N frames)

    def __init__(
        self,
        result: ScanResult,
        threshold: int,
        reference_folders: Sequence[str] = (),
        rules: Sequence[str] = DEFAULT_RULES,
        preferred_folders: Sequence[str] = (),
    ) -> None:
        self.result = result
        self._reference_folders = list(reference_folders)
        self._rules = tuple(rules)  # what each group keeps (its ★), in order
        self._preferred_folders = list(preferred_folders)  # for the "folder" rule
        self.keeper = self._make_keeper()
        #: A RAW and the JPEG the camera saved beside it are one shot: keeping one keeps both.
        self.keep_raw_pairs = True
        self.marked: set[int] = set()
        #: Chosen to keep (P, as in Lightroom): never marked while picked.
        self.picked: set[int] = set()
        self._gone = np.zeros(len(result.photos), dtype=bool)  # moved to the trash
        self._index_of = {p.path: k for k, p in enumerate(result.photos)}
        self._sizes = np.array([p.file.size for p in result.photos], dtype=np.int64)
        self._saving = np.zeros(len(result.photos), dtype=np.int64)  # by reference: bytes in its copies
        self._group_of = np.full(len(result.photos), -1, dtype=np.int64)  # by photo: its group's row
        self._raws: np.ndarray | None = None  # by photo: a camera RAW? (``raw_photos``)
        self.threshold = threshold
        self.groups = GroupList.empty()
        self._sort_by = "saving"
        #: Groupings made before, by threshold: (groups as listed, the order they were listed in, each
        #: row's saving). A slider dragged back and forth comes back to them; what they depend on
        #: (photos in the trash, the rules) empties it.
        self._made: dict[int, tuple[GroupList, str, np.ndarray]] = {}
        self.regroup(threshold)

    @property
    def photos(self) -> list[Photo]:
        return self.result.photos

    # --- which photo each group keeps ---------------------------------------------

    def _make_keeper(self) -> Keeper:
        return keeper_for(
            self.result,
            self._rules,
            protection=Protection(self._reference_folders),
            preferred_folders=self._preferred_folders,
        )

    def configure(
        self,
        *,
        rules: Sequence[str] | None = None,
        reference_folders: Sequence[str] | None = None,
        preferred_folders: Sequence[str] | None = None,
    ) -> None:
        """Change what decides the photo each group keeps; the groups' ★ follow at once.

        Marks on photos now in a reference folder are dropped: those are never trashed.
        """
        before = (self._rules, self._reference_folders, self._preferred_folders)
        if rules is not None:
            self._rules = tuple(rules)
        if reference_folders is not None:
            self._reference_folders = list(reference_folders)
        if preferred_folders is not None:
            self._preferred_folders = list(preferred_folders)
        if (self._rules, self._reference_folders, self._preferred_folders) == before:
            return
        self.keeper = self._make_keeper()
        self._forget()
        self.marked = {k for k in self.marked if not self.is_protected(k)}
        self.regroup(self.threshold)

    @property
    def rules(self) -> tuple[str, ...]:
        return self._rules

    @rules.setter
    def rules(self, rules: Sequence[str]) -> None:
        self.configure(rules=rules)

    @property
    def reference_folders(self) -> list[str]:
        return list(self._reference_folders)

    @reference_folders.setter
    def reference_folders(self, folders: Sequence[str]) -> None:
        self.configure(reference_folders=folders)

    @property
    def preferred_folders(self) -> list[str]:
        return list(self._preferred_folders)

    @preferred_folders.setter
    def preferred_folders(self, folders: Sequence[str]) -> None:
        self.configure(preferred_folders=folders)

    def why_kept(self, group: Group) -> str:
        """In a few words, why the group's ★ is the photo it keeps."""
        return self.keeper.why(group, group.reference)

    def member_note(self, group: Group, member: Member, on_tile: bool = False) -> str:
        """What a tile says under a photo other than the ★: how far it is from it, and what differs
        (a black-and-white copy hashes 0 bits from its colour original)."""
        if member.identical:
            return distance_text(member, on_tile)
        words = differences(self.photos[group.reference], self.photos[member.index])
        sharpness = self.result.sharpness
        kept, this = sharpness.get(group.reference), sharpness.get(member.index)
        if kept and this is not None and this != kept:  # two frames of one moment (core.find.frames)
            words.append(_("{percent} % as sharp as the ★").format(percent=round(100 * this / kept)))
        return " · ".join([distance_text(member, on_tile), *words])

    def score(self, index: int) -> float | None:
        """A photo's quality within its group, 0–1 (culling only; duplicates have none)."""
        return None

    def date_words(self, kept: int, other: int) -> str | None:
        """What the dates taken of a copy and the photo kept say (a copy keeps its original's
        date; another time is another shot), for the compare view's caption."""
        return date_note(self.photos[kept], self.photos[other])

    def tooltip_note(self, group: Group, member: Member) -> str:
        """A tile's note for its tooltip: none for a copy (its tile shows how far it is)."""
        return ""

    def kept_by_rank(self, row: int) -> bool:
        """The group's member at ``row`` (after its first) is kept for its rank (culling keeps the
        best N; a group of copies keeps only its ★)."""
        return False

    def frame(self, index: int) -> Frame | None:
        """How a frame was measured and ranked (culling only; a duplicate is no frame)."""
        return None

    def from_file_time(self, group: Group) -> bool:
        """The group was put together by its files' times, its photos having no date taken
        (culling only: duplicates are grouped by their pictures)."""
        return False

    def ratings(self, stars: int = 1) -> list[tuple[str, int]]:
        """(photo, rating) that hand the user's picks to an editor (culling only; none here)."""
        return []

    # --- grouping -------------------------------------------------------------

    def regroup(self, threshold: int) -> GroupList:
        """Group at ``threshold`` bits; marks on photos no longer in any group are dropped."""
        self.threshold = threshold
        self._saving[:] = 0
        if (made := self._made.pop(threshold, None)) is not None:
            groups, listed, saving = made
            self._saving[groups.references] = saving
            if listed == self._sort_by:
                self._list(groups)
            else:
                self._show(groups)
        else:
            groups = self.result.groups(threshold, self.keeper, self._gone, ordered=False)  # _show sorts
            copies = self._sizes[groups.members]
            copies[groups.offsets[:-1]] = 0  # the reference stays
            saving = np.add.reduceat(copies, groups.offsets[:-1]) if len(groups) else copies
            self._saving[groups.references] = saving
            self._show(groups)
        self._remember(threshold)
        self.marked = {k for k in self.marked if self._group_of[k] >= 0}
        return self.groups

    def _remember(self, threshold: int) -> None:
        """Keep the grouping just listed, the latest last; past ``_MADE_BYTES`` the oldest go."""
        groups = self.groups
        self._made[threshold] = (groups, self._sort_by, self._saving[groups.references])
        while len(self._made) > 1 and sum(_bytes(g, s) for g, _, s in self._made.values()) > _MADE_BYTES:
            del self._made[next(iter(self._made))]

    def _forget(self) -> None:
        """Photos left or came back, or the rules changed: every grouping made before is out of date."""
        self._made.clear()

    @property
    def sort_by(self) -> str:
        """How the groups are listed (a key of ``GROUP_ORDERS``); marks and groups stay as they are."""
        return self._sort_by

    @sort_by.setter
    def sort_by(self, key: str) -> None:
        if key not in GROUP_ORDERS:
            raise ValueError(f"unknown group order {key!r}")
        if key != self._sort_by:
            self._sort_by = key
            self._show(self.groups)

    def _show(self, groups: GroupList) -> None:
        """``groups`` listed in the chosen order, each photo knowing its group's row."""
        self._list(groups.reordered(self._order(groups)))

    def _list(self, groups: GroupList) -> None:
        """``groups``, in the order given, become the rows shown."""
        self._group_of[:] = -1
        self._group_of[groups.members] = groups.group_of_member()
        self.groups = groups

    def _order(self, groups: GroupList) -> np.ndarray:
        """Rows in the chosen order. Space freed, the default, comes first: that is where a user's time
        pays off most; it also breaks ties in the other orders. A photo with no date taken goes last."""
        refs = groups.references
        by_saving = _most_first(self._saving[refs], refs)
        if self._sort_by == "saving":
            return by_saving
        photos = self.photos

        def key(row: int) -> Any:  # a number, or a tuple: one kind for each order
            photo = photos[refs[row]]
            if self._sort_by == "photos":
                return -int(groups.sizes[row])
            if self._sort_by == "taken":
                return (photo.info.taken is None, photo.info.taken or "")
            return os.path.split(photo.path)

        return np.array(sorted(by_saving, key=key), dtype=np.int64)

    def row_of(self, photo_index: int) -> int | None:
        """The row of the group that holds ``photo_index``, if any."""
        row = int(self._group_of[photo_index])
        return row if row >= 0 else None

    def row_led_by(self, photo_index: int) -> int | None:
        """The row of the group whose reference is ``photo_index``, if any."""
        row = self.row_of(photo_index)
        if row is None or self.groups.members[self.groups.offsets[row]] != photo_index:
            return None
        return row

    def reclaimable(self, group: Group) -> int:
        """Bytes freed if every photo but the reference (the photo kept) went."""
        if self.row_led_by(group.reference) is not None:
            return int(self._saving[group.reference])
        return int(self._sizes[[m.index for m in group.members[1:]]].sum())

    def reclaimable_total(self) -> int:
        """Bytes freed if every group kept only its ★: ``reclaimable`` summed over the groups, from
        the savings made once per grouping (a heading that asked each group took 0.3 s at 30,000
        photos in groups)."""
        return int(self._saving[self.groups.references].sum())

    # --- marks ------------------------------------------------------------------

    def is_protected(self, index: int) -> bool:
        """In a reference folder (by real location): never marked, never trashed."""
        if not self._reference_folders:
            return False
        if self.keeper.knows(index):
            return self.keeper.is_protected(index)
        return self.keeper.protection.covers(self.photos[index].path)

    def set_marked(self, index: int, marked: bool) -> bool:
        """Mark or unmark a photo; photos in reference folders cannot be marked. Returns the new state."""
        if marked and not self.is_protected(index):
            self.marked.add(index)
            self.picked.discard(index)
        else:
            self.marked.discard(index)
        return index in self.marked

    def mark_paths(self, paths: Iterable[str]) -> None:
        """Marks carried over from before a rescan or a restart, for photos still in a group."""
        for path in paths:
            if (k := self._index_of.get(path)) is not None:
                self.set_marked(k, True)
        self.regroup(self.threshold)  # drops marks of photos in no group

    def flag(self, index: int, flag: Flag) -> None:
        """Lightroom's keys: a pick keeps it (unmarked), a reject marks it, none clears both."""
        self.picked.discard(index)
        self.set_marked(index, flag is Flag.REJECT)
        if flag is Flag.PICK:
            self.picked.add(index)

    def toggle(self, index: int) -> bool:
        return self.set_marked(index, index not in self.marked)

    def mark_all_but_best(self, groups: Sequence[Group] | None = None) -> None:
        """In each group, mark every photo except the one the rules keep (and its RAW+JPEG partner)."""
        if groups is None:
            self._mark_all_groups_but_best()
            return
        for group in groups:
            keep = self._kept(group)
            for m in group.members:
                self.set_marked(m.index, m.index not in keep)

    def _kept(self, group: Group) -> set[int]:
        """What "mark all but the best" leaves in ``group``: its ★, and the ★'s RAW or JPEG twin."""
        keep = {group.reference}
        if self.keep_raw_pairs:
            keep |= {b for a, b in raw_jpeg_pairs(self.photos, group) if a == group.reference}
        return keep

    def raw_photos(self) -> np.ndarray:
        """Which photos are camera RAWs, by photo: asked once (0.35 s at 180,000 photos in groups),
        in the scan's thread for the review it prepares."""
        if self._raws is None:
            self._raws = np.fromiter((is_raw(p) for p in self.photos), bool, len(self.photos))
        return self._raws

    def _mark_all_groups_but_best(self) -> None:
        """``mark_all_but_best`` of every group at once: one group at a time took 0.5 s of the
        window's thread at 31,000 photos in groups. Only groups holding a RAW are looked into
        for a twin of their ★."""
        listed = self.groups
        keep = np.zeros(len(self.photos), bool)
        keep[listed.references] = True
        if self.keep_raw_pairs and len(listed):
            raws = self.raw_photos()[listed.members]
            for row in np.flatnonzero(np.add.reduceat(raws, listed.offsets[:-1])):
                keep[list(self._kept(listed[int(row)]))] = True
        kept = keep[listed.members]
        going, staying = listed.members[~kept].tolist(), listed.members[kept].tolist()
        if self._reference_folders:  # never marked: they stay too
            protected = {k for k in going if self.is_protected(k)}
            going, staying = [k for k in going if k not in protected], staying + list(protected)
        self.marked.difference_update(staying)
        self.marked.update(going)
        self.picked.difference_update(going)

    def unmark_all(self, groups: Sequence[Group] | None = None) -> None:
        if groups is None:
            self.marked.clear()
        else:
            for group in groups:
                self.marked.difference_update(m.index for m in group.members)

    def marked_total(self) -> tuple[int, int]:
        """How many photos are marked, and their bytes: what ``plan()`` would move, without making
        the plan (a status bar that made it took 0.3 s at 31,000 photos in groups). Marks are only
        ever on photos in a group and outside the reference folders (``set_marked``, ``regroup``
        and ``configure`` see to it)."""
        marked = np.fromiter(self.marked, np.int64, len(self.marked))
        return len(marked), int(self._sizes[marked].sum())

    # --- trash ------------------------------------------------------------------

    def plan(self) -> TrashPlan:
        return plan_trash(
            self.photos, self.groups, self.marked, self.keeper.protection, merge_edits=self.merge_edits
        )

    def apply(self, report: TrashReport) -> None:
        """Take the trashed photos out of the groups (Undo will bring them back marked)."""
        for item in report.moved:
            k = self._index_of.get(item.original)
            if k is None:
                continue
            self._gone[k] = True
            self.marked.discard(k)
        self._forget()
        self.regroup(self.threshold)

    def apply_restore(self, report: RestoreReport) -> None:
        """Bring restored photos back into the groups, marked as they were before they went.

        Other marks stay: Undo puts things back as they were before the move.
        """
        back = [self._index_of[i.original] for i in report.restored if i.original in self._index_of]
        for k in back:  # an Undo of an earlier run's batch may hold photos not in this scan
            self._gone[k] = False
        self._forget()
        self.regroup(self.threshold)
        for k in back:
            self.set_marked(k, self._group_of[k] >= 0)

    def report(self, as_json: bool) -> str:
        """The groups as they stand, with each photo's metadata and mark: JSON, or CSV for spreadsheets."""
        if as_json:
            data = report_dict(self.result, self.groups, self.threshold, self.marked, self.keeper)
            return json.dumps(lossless(data), indent=1)
        return report_csv(self.result, self.groups, self.marked, self.keeper)

    @property
    def paths(self) -> dict[str, int]:
        """Photo index by path."""
        return self._index_of

    def index_of(self, item: TrashedFile | str) -> int:
        return self._index_of[item if isinstance(item, str) else item.original]
