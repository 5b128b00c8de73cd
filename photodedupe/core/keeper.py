"""The photo each group keeps, for every group at once, and why it won.

``Keeper`` turns the rules (``core.rules``) into a table of numbers per
photo, computed once: reference folder, damaged, then each rule's key. The
choice then runs compiled over the flat group arrays — each rule in turn
keeps the photos within its tolerance of the best — so the ★ of every group
follows the keeper on each slider move, even at a million photos.

``central`` is the one rule that needs the group: among the photos still tied,
it keeps the ones whose tones (``traits.tone``) are closest to all the other
members. Copies are made from the original, each with its own edit, so the
original is the photo all of them are nearest to; an edited copy is that edit
away from every other one.
"""

from __future__ import annotations

from collections.abc import Sequence

import numba
import numpy as np

from photodedupe.core.model import Group, GroupList, Photo
from photodedupe.core.protection import Protection
from photodedupe.core.rules import DEFAULT_RULES, RULES
from photodedupe.core.traits import TONE_SIDE

_TONE_BYTES = TONE_SIDE * TONE_SIDE
#: Grey levels per tone cell and other member below which ``central`` sees no difference:
#: a blurred, noisy or re-encoded copy has the original's tones; an edit moves them by 10+.
CENTRAL_TOLERANCE = 1.0
_CENTRAL = -1.0  # in ``tolerance``: this column is the ``central`` rule


def _key_tuple(value: object) -> tuple[float, ...]:
    return tuple(float(v) for v in value) if isinstance(value, tuple) else (float(value),)


@numba.njit(nogil=True, cache=True)
def _spread(row, members, lo, hi, rows, tone):
    """Sum of tone differences between one photo (by table row) and every member of a group."""
    c = 0.0
    for q in range(lo, hi):
        other = rows[members[q]]
        for t in range(tone.shape[1]):
            c += abs(np.float64(tone[row, t]) - np.float64(tone[other, t]))
    return c


@numba.njit(nogil=True, cache=True)
def _choose(members, offsets, rows, values, tolerance, tone, has_tone):
    """For each group, the position (in ``members``) of the photo to keep.

    ``values[rows[photo], c]`` is column c of a photo's table, smaller is better;
    each column in turn keeps the photos within ``tolerance[c]`` (a share of the
    best value) of the best among those still in the running.
    """
    out = np.empty(offsets.shape[0] - 1, np.int64)
    alive = np.empty(members.shape[0], np.bool_)
    score = np.empty(members.shape[0], np.float64)
    for g in range(offsets.shape[0] - 1):
        lo, hi = offsets[g], offsets[g + 1]
        toned = True
        for p in range(lo, hi):
            alive[p] = True
            toned = toned and has_tone[rows[members[p]]]
        left = hi - lo
        for c in range(values.shape[1]):
            if left == 1:
                break
            central = tolerance[c] == -1.0
            if central and not toned:
                continue
            best = np.inf
            for p in range(lo, hi):
                if alive[p]:
                    row = rows[members[p]]
                    score[p] = _spread(row, members, lo, hi, rows, tone) if central else values[row, c]
                    best = min(best, score[p])
            if central:
                limit = best + CENTRAL_TOLERANCE * tone.shape[1] * (hi - lo - 1)
            else:
                limit = best + tolerance[c] * abs(best)
            for p in range(lo, hi):
                if alive[p] and score[p] > limit:
                    alive[p] = False
                    left -= 1
        for p in range(lo, hi):
            if alive[p]:
                out[g] = p
                break
    return out


class Keeper:
    """Which photo of a group is kept: reference folders, then intact, then the rules in order."""

    def __init__(
        self,
        photos: Sequence[Photo],
        rules: Sequence[str] = DEFAULT_RULES,
        protection: Protection | None = None,
        preferred_folders: Sequence[str] = (),
        candidates: np.ndarray | None = None,
    ) -> None:
        """``candidates``: the photos that can be in a group at all (those in a pair); default all."""
        self.photos = photos
        self.rules = tuple(rules)
        self.protection = protection or Protection()
        self.preferred_folders = list(preferred_folders)
        where = np.arange(len(photos)) if candidates is None else np.unique(candidates)
        self._rows = np.full(len(photos), -1, np.int64)  # photo → row of the tables below
        self._rows[where] = np.arange(len(where))
        self._protected = np.zeros(len(photos), bool)
        chosen = [photos[k] for k in where.tolist()]
        if self.protection:
            self._protected[where] = [self.protection.covers(p.path) for p in chosen]
        tolerance: list[float] = [0.0, 0.0]  # reference folder first, then intact
        for name in self.rules:
            rule = RULES[name]
            if name == "central":
                tolerance.append(_CENTRAL)
            else:
                width = len(_key_tuple(rule.key(photos[0], self.preferred_folders))) if photos else 1
                tolerance += list(rule.tolerance or (0.0,) * width)
        tolerance.append(0.0)  # then the shortest path, then the path itself
        self._tolerance = np.array(tolerance, np.float64)
        self._values = np.array(
            [self._table_row(k, p) for k, p in zip(where.tolist(), chosen, strict=True)], np.float64
        ).reshape(len(where), len(tolerance))
        self._values[:, -1] = self._path_ranks(chosen)
        self._tone = np.zeros((len(where), _TONE_BYTES), np.uint8)
        self._has_tone = np.zeros(len(where), bool)
        if "central" in self.rules:
            for row, p in enumerate(chosen):
                if len(p.info.tone) == _TONE_BYTES:
                    self._tone[row] = np.frombuffer(p.info.tone, np.uint8)
                    self._has_tone[row] = True

    @staticmethod
    def _path_ranks(photos: Sequence[Photo]) -> np.ndarray:
        order = sorted(range(len(photos)), key=lambda k: (len(photos[k].path), photos[k].path))
        ranks = np.empty(len(photos), np.float64)
        ranks[order] = np.arange(len(photos))
        return ranks

    def _table_row(self, index: int, photo: Photo) -> list[float]:
        row = [float(not self._protected[index]), float(photo.info.damaged)]
        for name in self.rules:
            if name == "central":
                row.append(0.0)
            else:
                row += _key_tuple(RULES[name].key(photo, self.preferred_folders))
        return [*row, 0.0]

    def knows(self, index: int) -> bool:
        """True for the photos this keeper can choose among (those with a close pair)."""
        return bool(self._rows[index] >= 0)

    def is_protected(self, index: int) -> bool:
        return bool(self._protected[index])

    def positions(self, groups: GroupList) -> np.ndarray:
        """For each group, the position in ``groups.members`` of its keeper."""
        if not len(groups):
            return np.zeros(0, np.int64)
        return _choose(
            groups.members, groups.offsets, self._rows, self._values, self._tolerance, self._tone,
            self._has_tone,
        )  # fmt: skip

    def best(self, indices: Sequence[int]) -> int:
        """The photo to keep among ``indices`` (one group's members)."""
        members = np.asarray(list(indices), np.int32)
        offsets = np.array([0, len(members)], np.int64)
        return int(members[self.positions(GroupList(members, members, members, offsets))[0]])

    def _spread(self, index: int, members: Sequence[int]) -> float:
        tone = self._tone.astype(np.float64)
        return float(np.abs(tone[self._rows[list(members)]] - tone[self._rows[index]]).sum())

    def why(self, group: Group, kept: int) -> str:
        """A few words on why ``kept`` won over the best of the others in ``group``."""
        members = [m.index for m in group.members]
        others = [k for k in members if k != kept]
        if not others:
            return "the only photo"
        runner = self.best(others)
        a, b = self.photos[kept], self.photos[runner]
        va, vb = self._values[self._rows[kept]], self._values[self._rows[runner]]
        if va[0] != vb[0]:
            return "in a reference folder, which is never touched"
        if va[1] != vb[1]:
            return "intact: the other copy's data is damaged"
        column = 2
        for name in self.rules:
            rule = RULES[name]
            if name == "central":
                column += 1
                margin = CENTRAL_TOLERANCE * _TONE_BYTES * (len(members) - 1)
                toned = self._has_tone[self._rows[members]].all()
                if toned and self._spread(runner, members) - self._spread(kept, members) > margin:
                    return rule.why(a, b)
                continue
            for _ in _key_tuple(rule.key(a, self.preferred_folders)):
                best = min(va[column], vb[column])
                if vb[column] > best + self._tolerance[column] * abs(best) and va[column] == best:
                    return rule.why(a, b)
                column += 1
        if a.digest is not None and a.digest == b.digest:
            return "identical files: the shortest path"
        return "the shortest path" if len(a.path) != len(b.path) else "first by name"
