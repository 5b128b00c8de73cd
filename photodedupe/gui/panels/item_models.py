"""Qt item models over a core Review: the list of groups and the photos of one group.

The models hold no state of their own beyond what to show: marks, groups and
photos live in ``core.review.Review``; the models translate them into roles
and tell views what changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap

from photodedupe.core.keep.rules import raw_jpeg_pairs
from photodedupe.core.model import NOT_COMPARED, Group, Member, Photo
from photodedupe.core.report import photo_facts
from photodedupe.core.units import human_size, spoken_size

if TYPE_CHECKING:
    from photodedupe.core.review import Review
from photodedupe.core.i18n import _, counted
from photodedupe.gui.thumbnails import ThumbnailLoader

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _dpr() -> float:
    app = QGuiApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0


class GroupListModel(QAbstractListModel):
    """One row per group: the reference's thumbnail, how many photos, what could be freed."""

    GroupRole = Qt.ItemDataRole.UserRole + 1
    THUMB = 64

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.review: Review | None = None
        # Qt asks for the row count once per row at each layout (QListView builds an index for
        # every row, and index() asks rowCount): 190,000 calls a slider move at 300,000 photos.
        # The count changes only with a reset, as Qt's model contract has it.
        self._count = 0
        loader.ready.connect(self._thumbnail_ready)

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self._count = len(review.groups) if review is not None else 0
        self.endResetModel()

    def group(self, row: int) -> Group | None:
        if self.review is None or not 0 <= row < len(self.review.groups):
            return None
        return self.review.groups[row]

    def row_of(self, photo_index: int) -> int | None:
        """The row of the group that holds ``photo_index``, if any."""
        if self.review is not None:
            return self.review.row_of(photo_index)
        return None

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        group = self.group(index.row()) if index.isValid() else None
        if group is None or self.review is None:
            return None
        ref = self.review.photos[group.reference]
        if role == Qt.ItemDataRole.DisplayRole:
            # Short enough for a narrow list: numbers must never be cut in the middle.
            marked = sum(1 for m in group.members if m.index in self.review.marked)
            saving = human_size(self.review.reclaimable(group))
            # The group's number, as the details table's Group column says it.
            lines = [
                f"{index.row() + 1}. {os.path.basename(ref.path)}",
                f"{counted(len(group.members), *self.review.member_words)} · {saving}",
            ]
            if marked:
                lines.append(self.tr("{n} marked").format(n=marked))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._square_thumbnail(ref.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            saving = human_size(self.review.reclaimable(group))
            keeps = self.tr("Keeps {path}").format(path=ref.path)
            return (
                keeps
                + "\n"
                + counted(
                    len(group.members),
                    "{n} photo; {size} in the copies",
                    "{n} photos; {size} in the copies",
                    size=saving,
                )
            )
        if role == self.GroupRole:
            return group
        return None

    def _square_thumbnail(self, path: str) -> QPixmap | None:
        """The reference's thumbnail centred in a square, so every row's text lines up."""
        dpr = _dpr()
        side = round(self.THUMB * dpr)
        pixmap = self.loader.get(path, side, dpr)
        if pixmap is None:
            return None
        square = QPixmap(side, side)
        square.fill(Qt.GlobalColor.transparent)
        painter = QPainter(square)
        painter.drawPixmap((side - pixmap.width()) // 2, (side - pixmap.height()) // 2, pixmap)
        painter.end()
        square.setDevicePixelRatio(dpr)
        return square

    def refresh(self) -> None:
        """Marks changed: redraw every row's text."""
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0), self.index(self.rowCount() - 1), [Qt.ItemDataRole.DisplayRole]
            )

    def _thumbnail_ready(self, path: str, size: int) -> None:
        index = self.review.paths.get(path) if self.review is not None else None
        row = self.review.row_led_by(index) if self.review is not None and index is not None else None
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


@dataclass(frozen=True, slots=True)
class Tile:
    """Everything the delegate paints for one photo, in one call."""

    photo: Photo
    member: Member
    is_reference: bool
    marked: bool
    protected: bool
    keeper: bool
    pixmap: QPixmap | None
    failed: bool
    why: str = ""  # for the photo the group keeps: why it won, in a few words
    note: str = ""  # for the others: how far from the ★, or (culling) how it ranks
    score: float | None = None  # culling: the frame's quality within its series, 0–1
    picked: bool = False  # culling: chosen to keep (P)
    kept: bool = False  # culling: one of the best ``keep_best`` frames of its series, after the first


class PhotoGridModel(QAbstractListModel):
    """The photos of the selected group, reference first."""

    PhotoRole = Qt.ItemDataRole.UserRole + 1
    MemberRole = Qt.ItemDataRole.UserRole + 2
    MarkedRole = Qt.ItemDataRole.UserRole + 3
    ProtectedRole = Qt.ItemDataRole.UserRole + 4
    KeeperRole = Qt.ItemDataRole.UserRole + 5  # the photo "Mark all but the best" keeps

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.review: Review | None = None
        self.members: tuple[Member, ...] = ()
        self.keeper: int | None = None
        self.why = ""
        self._partner: dict[int, int] = {}
        self._group: Group | None = None
        self.thumb_size = 180
        self._row_of_path: dict[str, int] = {}
        loader.ready.connect(self._thumbnail_ready)

    def set_group(self, review: Review | None, group: Group | None) -> None:
        self.beginResetModel()
        self.review = review
        self.members = group.members if group is not None else ()
        self._group = group
        self.keeper = group.reference if review is not None and group is not None else None
        self.why = review.why_kept(group) if review is not None and group is not None else ""
        # RAW+JPEG shots in this group: each photo's partner, said in its tooltip.
        self._partner = dict(raw_jpeg_pairs(review.photos, group)) if review and group else {}
        self._row_of_path = (
            {review.photos[m.index].path: row for row, m in enumerate(self.members)} if review else {}
        )
        self.endResetModel()

    def set_thumb_size(self, size: int) -> None:
        """Every tile's size and picture differ; the rows do not (a ``layoutChanged`` here, with no
        ``layoutAboutToBeChanged``, broke Qt's model protocol: the model tester caught it)."""
        self.thumb_size = size
        if self.members:
            roles = [Qt.ItemDataRole.SizeHintRole, Qt.ItemDataRole.DecorationRole]
            self.dataChanged.emit(self.index(0), self.index(len(self.members) - 1), roles)

    def photo_index(self, row: int) -> int | None:
        return self.members[row].index if 0 <= row < len(self.members) else None

    def photo_indices(self) -> list[int]:
        return [m.index for m in self.members]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.members)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.review is None or not 0 <= index.row() < len(self.members):
            return None
        member = self.members[index.row()]
        photo: Photo = self.review.photos[member.index]
        if role == Qt.ItemDataRole.DisplayRole:
            return os.path.basename(photo.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.path, *photo_facts(photo)]
            if member.index == self.keeper:
                lines.insert(1, self.tr("★ The photo this group keeps: {why}").format(why=self.why))
            elif self._group is not None and (note := self.review.tooltip_note(self._group, member)):
                lines.insert(1, note[0].upper() + note[1:])
            partner = self._partner.get(member.index)
            if partner is not None:
                name = os.path.basename(self.review.photos[partner].path)
                if self.review.keep_raw_pairs:
                    pair = self.tr(
                        "One shot with {name} (RAW+JPEG): “Mark all but the best” keeps them together"
                    )
                else:
                    pair = self.tr(
                        "One shot with {name} (RAW+JPEG): “Mark all but the best” may keep only one"
                    )
                lines.append(pair.format(name=name))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(member, photo)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if member.index == self.keeper:
                return self.tr("Kept: {why}").format(why=self.why)
            return self._note(member)
        if role == self.PhotoRole:
            return photo
        if role == self.MemberRole:
            return member
        if role == self.MarkedRole:
            return member.index in self.review.marked
        if role == self.ProtectedRole:
            return self.review.is_protected(member.index)
        if role == self.KeeperRole:
            return member.index == self.keeper
        if role == Qt.ItemDataRole.DecorationRole:
            dpr = _dpr()
            return self.loader.get(photo.path, round(self.thumb_size * dpr), dpr)
        return None

    def _spoken(self, member: Member, photo: Photo) -> str:
        """What a screen reader says of a tile: the photo, its state, its size, how close it is.

        "IMG_1234.jpg, kept, 4000 by 3000, 3.6 megabytes, 2 bits from the kept photo, marked for the trash".
        """
        assert self.review is not None
        parts = [os.path.basename(photo.path)]
        if member.index == self.keeper:
            parts.append(self.tr("kept"))
        if self.review.is_protected(member.index):
            parts.append(self.tr("in a reference folder, always kept"))
        parts.append(self.tr("{width} by {height}").format(width=photo.info.width, height=photo.info.height))
        parts.append(spoken_size(photo.file.size))  # "megabytes": "MB" is read letter by letter
        if member.index != self.keeper and member.identical:
            parts.append(_("identical file"))
        elif member.index != self.keeper and member.distance != NOT_COMPARED:
            parts.append(
                counted(member.distance, "{n} bit from the kept photo", "{n} bits from the kept photo")
            )
        if member.index in self.review.marked:
            parts.append(self.tr("marked for the trash"))
        elif member.index != self.keeper:
            parts.append(self.tr("not marked"))
        return ", ".join(parts)

    def tile(self, row: int) -> Tile | None:
        """Everything the delegate paints for ``row``: one call per tile instead of one per role."""
        if self.review is None or not 0 <= row < len(self.members):
            return None
        member = self.members[row]
        photo = self.review.photos[member.index]
        dpr = _dpr()
        size = round(self.thumb_size * dpr)
        return Tile(
            photo=photo,
            member=member,
            is_reference=row == 0,
            marked=member.index in self.review.marked,
            protected=self.review.is_protected(member.index),
            keeper=member.index == self.keeper,
            pixmap=self.loader.get(photo.path, size, dpr),
            failed=self.loader.failed(photo.path, size),
            why=self.why if member.index == self.keeper else "",
            note="" if member.index == self.keeper else self._note(member),
            score=self.review.score(member.index),
            picked=member.index in self.review.picked,
            kept=self.review.kept_by_rank(row),
        )

    def _note(self, member: Member) -> str:
        text = (
            self.review.member_note(self._group, member, on_tile=True) if self.review and self._group else ""
        )
        return text[0].upper() + text[1:] if text else ""

    def refresh_marks(self) -> None:
        if self.members:
            self.dataChanged.emit(self.index(0), self.index(len(self.members) - 1), [self.MarkedRole])

    def _thumbnail_ready(self, path: str, size: int) -> None:
        row = self._row_of_path.get(path)
        if row is not None:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])
