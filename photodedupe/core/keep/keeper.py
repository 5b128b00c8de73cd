"""The photo each group keeps, for every group at once, and why it won.

``Keeper`` turns the rules (``core.keep.rules``) into a table of numbers per
photo, computed once: reference folder, damaged, then each rule's key. The
choice then runs compiled over the flat group arrays — each rule in turn
keeps the photos within its tolerance of the best — so the ★ of every group
follows the keeper on each slider move, even at a million photos.

``central`` is the one rule that needs the group: among the photos still tied,
it keeps the ones whose tones (``traits.tone``) are closest to the group's
median tones (cell by cell). Copies are made from the original, each with its
own edit, so the original sits in the middle of them; an edited copy is its
edit away. The median, unlike the mean, is not pulled by the few members that
differ most (turned copies, strong edits), and costs one pass, not one per pair.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from photodedupe.core.find.traits import TONE_SIDE
from photodedupe.core.group_list import GroupList
from photodedupe.core.i18n import _, decimal
from photodedupe.core.keep.rules import DEFAULT_RULES, RULES, Compares
from photodedupe.core.kernels import in_slices, kernel
from photodedupe.core.model import Group, Photo
from photodedupe.core.protection import Protection

if TYPE_CHECKING:
    from photodedupe.core.find.result import ScanResult

_TONE_BYTES = TONE_SIDE * TONE_SIDE
#: Grey levels (root mean square over the tone cells) within which ``central`` sees no
#: difference: a blurred, noisy or re-encoded copy has the original's tones; an edit moves
#: them by 10 or more.
CENTRAL_TOLERANCE = 1.0


def _key_tuple(value: float | tuple[float, ...]) -> tuple[float, ...]:
    return tuple(float(v) for v in value) if isinstance(value, tuple) else (float(value),)


def _off_centre_numpy(
    members: np.ndarray,
    lo: int,
    hi: int,
    rows: np.ndarray,
    tone: np.ndarray,
    out: np.ndarray,
    block: np.ndarray,
    scratch: np.ndarray,
) -> None:
    """``_off_centre`` in numpy, uncompiled: its loops in Python took 23 ms for a group of 20."""
    chosen = tone[rows[members[lo:hi]]].astype(np.float64)
    centre = np.sort(chosen, axis=0)[(hi - lo - 1) // 2]  # the lower middle value of each cell
    out[lo:hi] = np.sqrt(((chosen - centre) ** 2).sum(axis=1) / tone.shape[1])


@kernel(plain=_off_centre_numpy)
def _off_centre(
    members: np.ndarray,
    lo: int,
    hi: int,
    rows: np.ndarray,
    tone: np.ndarray,
    out: np.ndarray,
    block: np.ndarray,
    scratch: np.ndarray,
) -> None:
    """Each member's root-mean-square tone difference from the group's median tones, into ``out``.

    The median of each cell is the (lower) middle value, the k-th smallest for k = (n - 1) // 2:
    two values' smaller one, three values' middle one, and past that the largest value with at
    most k values below it, found a bit at a time (eight passes over the group, every cell at
    once). Comparing members pair by pair took three times as long. ``block`` (int16) and
    ``scratch`` (int32, two rows) are scratch space.
    """
    n, cells = hi - lo, tone.shape[1]
    for p in range(n):
        row = rows[members[lo + p]]
        for t in range(cells):
            block[p, t] = tone[row, t]
    centre, below = scratch[0], scratch[1]
    if n == 2:
        for t in range(cells):
            centre[t] = min(block[0, t], block[1, t])
    elif n == 3:
        for t in range(cells):
            a, b, c = block[0, t], block[1, t], block[2, t]
            centre[t] = max(min(a, b), min(max(a, b), c))
    else:
        middle = (n - 1) // 2
        centre[:] = 0
        bit = 128
        while bit:
            below[:] = 0
            for p in range(n):
                for t in range(cells):
                    below[t] += block[p, t] < (centre[t] | bit)
            for t in range(cells):
                if below[t] <= middle:
                    centre[t] |= bit
            bit >>= 1
    for p in range(n):
        total = 0
        for t in range(cells):
            d = np.int32(block[p, t]) - centre[t]
            total += d * d
        out[lo + p] = np.sqrt(total / cells)


@kernel
def _choose(
    members: np.ndarray,
    offsets: np.ndarray,
    rows: np.ndarray,
    values: np.ndarray,
    tolerance: np.ndarray,
    by_tones: np.ndarray,
    tone: np.ndarray,
    has_tone: np.ndarray,
    out: np.ndarray,
    first: int,
    last: int,
) -> None:
    """For groups ``first``..``last`` - 1, the position (in ``members``) of the photo to keep, into ``out``.

    ``values[rows[photo], c]`` is column c of a photo's table, smaller is better;
    each column in turn keeps the photos within ``tolerance[c]`` (a share of the
    best value) of the best among those still in the running. A column ``by_tones``
    is decided by each photo's tones against the group's median (``central``).
    """
    alive = np.empty(members.shape[0], np.bool_)
    score = np.empty(members.shape[0], np.float64)
    largest = 1
    for g in range(first, last):
        largest = max(largest, offsets[g + 1] - offsets[g])
    block = np.empty((largest, tone.shape[1]), np.int16)
    scratch = np.empty((2, tone.shape[1]), np.int32)
    for g in range(first, last):
        lo, hi = offsets[g], offsets[g + 1]
        toned = True
        for p in range(lo, hi):
            alive[p] = True
            toned = toned and has_tone[rows[members[p]]]
        left = hi - lo
        for c in range(values.shape[1]):
            if left == 1:
                break
            central = by_tones[c]
            if central and not toned:
                continue
            if central:
                _off_centre(members, lo, hi, rows, tone, score, block, scratch)
            else:
                for p in range(lo, hi):
                    score[p] = values[rows[members[p]], c]
            best = np.inf
            for p in range(lo, hi):
                if alive[p]:
                    best = min(best, score[p])
            limit = best + (CENTRAL_TOLERANCE if central else tolerance[c] * abs(best))
            for p in range(lo, hi):
                if alive[p] and score[p] > limit:
                    alive[p] = False
                    left -= 1
        for p in range(lo, hi):
            if alive[p]:
                out[g] = p
                break


def _signatures(groups: GroupList) -> np.ndarray:
    """A 64-bit fingerprint of each group's set of photos (splitmix64 of each, summed), never 0."""
    z = groups.members.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    signature = np.add.reduceat(z, groups.offsets[:-1]).view(np.int64)
    signature[signature == 0] = 1  # 0 marks an empty slot of the memo
    return signature


@kernel
def _recall(
    members: np.ndarray,
    offsets: np.ndarray,
    signature: np.ndarray,
    keys: np.ndarray,
    kept: np.ndarray,
    out: np.ndarray,
    first: int,
    last: int,
) -> None:
    """For groups ``first``..``last`` - 1, the position (in ``members``) of the photo remembered for
    the group's signature, or -1, into ``out``.

    ``keys``/``kept`` are an open-addressing table (a power of two long, 0 for empty):
    one probe per group where a sorted table took a binary search of cache misses.
    A remembered photo that is not in the group (two sets with one fingerprint) is not used.
    """
    mask = keys.shape[0] - 1
    for g in range(first, last):
        out[g] = -1
        slot = signature[g] & mask
        while keys[slot] != 0 and keys[slot] != signature[g]:
            slot = (slot + 1) & mask
        if keys[slot] == 0:
            continue
        for p in range(offsets[g], offsets[g + 1]):
            if members[p] == kept[slot]:
                out[g] = p
                break


@kernel
def _store(signature: np.ndarray, photos: np.ndarray, keys: np.ndarray, kept: np.ndarray) -> int:
    """``photos[k]`` remembered for ``signature[k]`` in the table; returns how many were new."""
    mask = keys.shape[0] - 1
    added = 0
    for k in range(signature.shape[0]):
        slot = signature[k] & mask
        while keys[slot] != 0 and keys[slot] != signature[k]:
            slot = (slot + 1) & mask
        added += keys[slot] == 0
        keys[slot], kept[slot] = signature[k], photos[k]
    return added


class Keeper:
    """Which photo of a group is kept: reference folders, then intact, then the rules in order."""

    def __init__(
        self,
        photos: Sequence[Photo],
        rules: Sequence[str] = DEFAULT_RULES,
        protection: Protection | None = None,
        preferred_folders: Sequence[str] = (),
        candidates: np.ndarray | None = None,
        sharpness: Mapping[int, float] | None = None,
    ) -> None:
        """``candidates``: the photos that can be in a group at all (those in a pair); default all.
        ``sharpness``: by photo, how sharp and well exposed a frame is (core.find.frames measures the
        frames of one moment); the ``sharpest`` rule ranks those, and no other photo."""
        self.photos = photos
        self.sharpness = dict(sharpness or {})
        self.rules = tuple(rules)
        self._rule_objects = tuple(RULES[name] for name in self.rules)
        self.protection = protection or Protection()
        self.preferred_folders = list(preferred_folders)
        where = np.arange(len(photos)) if candidates is None else np.unique(candidates)
        self._rows = np.full(len(photos), -1, np.int64)  # photo → row of the tables below
        self._rows[where] = np.arange(len(where))
        self._protected = np.zeros(len(photos), bool)
        chosen = [photos[k] for k in where.tolist()]
        if self.protection:
            self._protected[where] = [self.protection.covers(p.path) for p in chosen]
        # The table, a column at a time: reference folder first, then intact, then each rule
        # (a rule with a tuple key takes a column per element), then the path.
        columns = [~self._protected[where], np.array([p.info.damaged for p in chosen], bool)]
        tolerance: list[float] = [0.0, 0.0]
        by_tones = [False, False]
        for rule in self._rule_objects:
            if rule.compares is Compares.TONES:
                columns.append(np.zeros(len(chosen)))
                tolerance.append(0.0)
                by_tones.append(True)
                continue
            if rule.compares is Compares.SHARPNESS:
                values = -np.array([self.sharpness.get(k, 0.0) for k in where.tolist()], np.float64)
                values = values.reshape(len(chosen), 1)
            else:
                key, folders = rule.key, self.preferred_folders
                values = np.array([key(p, folders) for p in chosen], np.float64)
                values = values.reshape(len(chosen), -1) if chosen else np.zeros((0, 1))
            columns.extend(values.T)
            tolerance += list(rule.tolerance or (0.0,) * values.shape[1])
            by_tones += [False] * values.shape[1]
        columns.append(self._path_ranks(chosen))
        tolerance.append(0.0)
        by_tones.append(False)
        self._tolerance = np.array(tolerance, np.float64)
        self._by_tones = np.array(by_tones, np.bool_)  # the columns the group's tones decide
        self._values = (
            np.column_stack(columns).astype(np.float64) if chosen else np.zeros((0, len(tolerance)))
        )
        # group signature → photo kept, as an open-addressing table (see _recall), and its count
        self._memo = (np.zeros(1, np.int64), np.zeros(1, np.int64), 0)
        self._tone = np.zeros((len(where), _TONE_BYTES), np.uint8)
        self._has_tone = np.zeros(len(where), bool)
        if any(r.compares is Compares.TONES for r in self._rule_objects) and chosen:
            tones = [p.info.tone for p in chosen]
            self._has_tone[:] = [len(t) == _TONE_BYTES for t in tones]
            whole = b"".join(t if len(t) == _TONE_BYTES else bytes(_TONE_BYTES) for t in tones)
            self._tone[:] = np.frombuffer(whole, np.uint8).reshape(len(chosen), _TONE_BYTES)

    @staticmethod
    def _path_ranks(photos: Sequence[Photo]) -> np.ndarray:
        """Shortest path first, then by path: the last word when every rule ties."""
        paths = [p.path for p in photos]
        order = sorted(range(len(paths)), key=lambda k: (len(paths[k]), paths[k]))
        ranks = np.empty(len(paths), np.float64)
        ranks[order] = np.arange(len(paths))
        return ranks

    def knows(self, index: int) -> bool:
        """True for the photos this keeper can choose among (those with a close pair)."""
        return bool(self._rows[index] >= 0)

    def is_protected(self, index: int) -> bool:
        return bool(self._protected[index])

    def positions(self, groups: GroupList) -> np.ndarray:
        """For each group, the position in ``groups.members`` of its keeper.

        A group met before (same photos, e.g. when the slider comes back) reuses
        its keeper: the choice depends only on the group's photos and the rules.
        """
        if not len(groups):
            return np.zeros(0, np.int64)
        signature = _signatures(groups)
        keys, kept, _ = self._memo
        found = np.empty(len(groups), np.int64)
        memo = (groups.members, groups.offsets, signature, keys, kept, found)
        in_slices(lambda first, last: _recall(*memo, first, last), len(groups))
        todo = np.flatnonzero(found < 0)
        if len(todo):
            new = groups.reordered(todo)
            chosen = np.empty(len(new), np.int64)
            table = (self._rows, self._values, self._tolerance, self._by_tones, self._tone, self._has_tone)
            in_slices(
                lambda first, last: _choose(new.members, new.offsets, *table, chosen, first, last), len(new)
            )
            found[todo] = groups.offsets[todo] + (chosen - new.offsets[:-1])
            keys, kept, count = self._memo
            if count + len(todo) > 8 * len(groups):  # full: only the present grouping's are kept
                self._memo = (np.zeros(1, np.int64), np.zeros(1, np.int64), 0)
                todo = np.arange(len(groups))
            self._remember(signature[todo], groups.members[found[todo]].astype(np.int64))
        return found

    def _remember(self, signature: np.ndarray, photos: np.ndarray) -> None:
        """Choices kept in a table at most half full (``positions`` bounds it: past 8 choices per
        group of the present grouping, it starts again from the present grouping's)."""
        keys, kept, count = self._memo
        if 2 * (count + len(signature)) > len(keys):
            size = 1 << max(10, int(2 * (count + len(signature))).bit_length())
            old = keys != 0
            old_keys, old_kept = keys[old], kept[old]
            keys, kept = np.zeros(size, np.int64), np.zeros(size, np.int64)
            count = _store(old_keys, old_kept, keys, kept)
        count += _store(signature, photos, keys, kept)
        self._memo = (keys, kept, count)

    def best(self, indices: Sequence[int]) -> int:
        """The photo to keep among ``indices`` (one group's members)."""
        members = np.asarray(list(indices), np.int32)
        # The dtypes of a grouping's lists: compiled kernels are not compiled again for this one
        # (that took 0.27 s of the window's thread the first time a group's ★ was explained).
        size = len(members)
        offsets = np.array([0, size], np.int64)
        group = GroupList(members, np.zeros(size, np.uint16), np.zeros(size, bool), offsets)
        return int(members[self.positions(group)[0]])

    def _off_centre(self, members: Sequence[int]) -> np.ndarray:
        """``central``'s distance of each of ``members`` from their median tones (for the why)."""
        photos = np.asarray(members, np.int64)
        off = np.empty(len(photos), np.float64)
        unused = np.empty(0)  # the compiled loops' scratch space: numpy needs none
        _off_centre_numpy(photos, 0, len(photos), self._rows, self._tone, off, unused, unused)
        return off

    def why(self, group: Group, kept: int) -> str:
        """A few words on why ``kept`` won over the best of the others in ``group``."""
        members = [m.index for m in group.members]
        others = [k for k in members if k != kept]
        if not others:
            return _("the only photo")
        runner = self.best(others)
        a, b = self.photos[kept], self.photos[runner]
        reason, by_sharpness = self._reason(members, kept, runner)
        sharp_a, sharp_b = self.sharpness.get(kept), self.sharpness.get(runner)
        if (
            any(r.compares is Compares.SHARPNESS for r in self._rule_objects)
            and sharp_a
            and sharp_b
            and sharp_a != sharp_b
            and not by_sharpness
        ):
            # Two frames of other instants, as sharp: what told them apart is about copies, not them.
            return _("sharpest (as sharp as {photo})").format(photo=os.path.basename(b.path))
        if a.digest is not None and a.digest == b.digest:
            return _("{reason}; the same file as {photo}").format(
                reason=reason, photo=os.path.basename(b.path)
            )
        return reason

    def _sharpest_words(self, kept: int, runner: int) -> str:
        other = self.sharpness.get(runner, 0.0)
        if other <= 0:
            return _("sharpest")
        return _("sharpest ({times}× the next)").format(times=decimal(self.sharpness[kept] / other))

    def _reason(self, members: list[int], kept: int, runner: int) -> tuple[str, bool]:
        """The first rule that told ``kept`` and ``runner`` apart, in words, and whether it was sharpness."""
        a, b = self.photos[kept], self.photos[runner]
        va, vb = self._values[self._rows[kept]], self._values[self._rows[runner]]
        if va[0] != vb[0]:
            return _("in a reference folder, which is never touched"), False
        if va[1] != vb[1]:
            return _("intact: the other copy's data is damaged"), False
        column = 2
        for rule in self._rule_objects:
            if rule.compares is Compares.TONES:
                column += 1
                if self._has_tone[self._rows[members]].all():
                    off = self._off_centre(members)
                    if off[members.index(runner)] - off[members.index(kept)] > CENTRAL_TOLERANCE:
                        return rule.why(a, b), False
                continue
            for _part in _key_tuple(rule.key(a, self.preferred_folders)):
                best = min(va[column], vb[column])
                if vb[column] > best + self._tolerance[column] * abs(best) and va[column] == best:
                    sharpest = rule.compares is Compares.SHARPNESS
                    return (self._sharpest_words(kept, runner) if sharpest else rule.why(a, b)), sharpest
                column += 1
        return (_("the shortest path") if len(a.path) != len(b.path) else _("first by name")), False


def keeper_for(
    result: ScanResult,
    rules: Sequence[str] = DEFAULT_RULES,
    protection: Protection | None = None,
    preferred_folders: Sequence[str] = (),
) -> Keeper:
    """The ``Keeper`` of ``result``'s photos for these settings, made once and kept with the result
    (its table costs seconds at a million photos); the last one made is kept."""
    key = (tuple(rules), tuple(protection.folders) if protection else (), tuple(preferred_folders))
    made = result.derived.get(Keeper)
    if isinstance(made, tuple) and made[0] == key and isinstance(made[1], Keeper):
        return made[1]
    keeper = Keeper(result.photos, rules, protection, preferred_folders, result.in_pairs(), result.sharpness)
    result.derived[Keeper] = (key, keeper)
    return keeper
