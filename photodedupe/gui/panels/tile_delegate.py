"""Painting one photo tile: thumbnail, its facts, and whether it is marked or kept.

Only palette roles are used for ordinary colours, so light and dark themes
both look right; red (marked for the trash) and green (kept) carry meaning.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from photodedupe.core.i18n import iso_date_time
from photodedupe.core.units import human_size
from photodedupe.gui.panels.item_models import PhotoGridModel, Tile
from photodedupe.gui.translations import translate

MARK_COLOUR = QColor(211, 47, 47)
KEEP_COLOUR = QColor(46, 125, 50)
DAMAGED_COLOUR = QColor(230, 81, 0)
TILE_PAD = _PAD = 8  # around the thumbnail, inside the tile
_TEXT_LINES = 5  # size and date, folder/name, and two for why it is kept (or how close it is)
MARK_BOX = 24


def kept_text_colour(palette: QPalette) -> QColor:
    """Green words that read on this theme's ground: the badge's green on a light one, a light green on
    a dark one (the badge's green on a dark theme's selected tile could hardly be read)."""
    return KEEP_COLOUR if palette.color(QPalette.ColorRole.Base).lightness() >= 128 else QColor(129, 199, 132)


def mark_box(tile: QRect) -> QRect:
    """The clickable mark box in a tile's top-right corner (the view uses it for clicks)."""
    return QRect(tile.right() - MARK_BOX - 8, tile.top() + 8, MARK_BOX, MARK_BOX)


def companion_badges(companions) -> list[str]:
    """Each companion's badge once ("AAE" for two edit files), the user's work first.

    >>> from photodedupe.core.model import Companion
    >>> companion_badges([Companion("a.json", "json", 1, 0), Companion("a.aae", "aae", 1, 0),
    ...                   Companion("a_o.aae", "aae", 1, 0)])
    ['AAE', 'JSON']
    """
    labels: dict[str, bool] = {}
    for c in companions:
        labels.setdefault(c.badge(), c.is_work)
    return sorted(labels, key=lambda label: not labels[label])


def tile_note(tile: Tile) -> str:
    """The tile's last line: why the kept photo won, or how far a copy is from it (or how a frame ranks)."""
    if tile.why:
        return translate("TileDelegate", "★ Kept: {why}").format(why=tile.why)
    return tile.note


def two_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """``text`` on at most two lines of ``width`` pixels, broken between words; the second line is
    cut with an ellipsis if the text is longer still."""
    words = text.split(" ")
    first = ""
    for k, word in enumerate(words):
        candidate = f"{first} {word}" if first else word
        if fm.horizontalAdvance(candidate) > width:
            if not first:  # one word wider than the line: cut it
                return [fm.elidedText(text, Qt.TextElideMode.ElideRight, width)]
            rest = " ".join(words[k:])
            return [first, fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        first = candidate
    return [first]


class PhotoDelegate(QStyledItemDelegate):
    def tile_size(self, thumb: int, option: QStyleOptionViewItem | None = None) -> QSize:
        line = option.fontMetrics.height() if option is not None else 16
        return QSize(thumb + 2 * _PAD, thumb + 2 * _PAD + _TEXT_LINES * line + 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        model = index.model()
        thumb = model.thumb_size if isinstance(model, PhotoGridModel) else 180
        return self.tile_size(thumb, option)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        model = index.model()
        tile = model.tile(index.row()) if isinstance(model, PhotoGridModel) else None
        if tile is None or not isinstance(model, PhotoGridModel):
            return
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._frame(painter, option, rect, tile)
        area = QRect(rect.left() + _PAD - 2, rect.top() + _PAD - 2, model.thumb_size, model.thumb_size)
        self._picture(painter, option.palette, area, tile)
        self._badge(painter, area, tile)
        self._companion_badges(painter, area, tile, lifted=tile.score is not None)
        if tile.score is not None:
            self._quality_bar(painter, area, tile.score)
        self._mark_box(painter, mark_box(option.rect), tile.marked, tile.protected, option.palette)
        self._facts(
            painter, option, QRect(rect.left() + _PAD, area.bottom() + 6, rect.width() - 2 * _PAD, 0), tile
        )
        painter.restore()

    @staticmethod
    def _frame(painter: QPainter, option: QStyleOptionViewItem, rect: QRect, tile: Tile) -> None:
        """The ground (tinted when selected), the frame (red if marked, dashed green if protected), and a
        dotted ring round the tile the keys act on while the grid has the focus."""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = option.palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        if selected:
            background.setAlpha(90)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        if tile.marked or tile.protected:
            pen = QPen(MARK_COLOUR if tile.marked else KEEP_COLOUR, 3)
            if tile.protected:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:  # where the keys act: a ring round the tile
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 7, 7)

    @staticmethod
    def _picture(painter: QPainter, palette: QPalette, area: QRect, tile: Tile) -> None:
        """The thumbnail, centred in ``area`` and tinted red when marked; or why there is none yet."""
        pixmap = tile.pixmap
        if pixmap is None or pixmap.isNull():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            words = (
                translate("TileDelegate", "Cannot show\nthis photo")
                if tile.failed
                else translate("TileDelegate", "Loading…")
            )
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, words)
            return
        size = pixmap.deviceIndependentSize().toSize().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        # Not tinted when marked: a red veil turned dark photos into red blobs. The red frame, the
        # "Trash" badge and the box's cross say it, and the user still sees the photo.
        painter.drawPixmap(target, pixmap)

    @staticmethod
    def _facts(painter: QPainter, option: QStyleOptionViewItem, text: QRect, tile: Tile) -> None:
        """Under the picture: size, date taken, folder/name, and why it is kept (or how close it is)."""
        photo, palette, fm = tile.photo, option.palette, option.fontMetrics
        text.setHeight(fm.height())
        bold = QFont(option.font)
        bold.setBold(True)
        where = os.path.basename(os.path.dirname(photo.path)) + os.sep + os.path.basename(photo.path)
        note = kept_text_colour(palette) if tile.why else palette.color(QPalette.ColorRole.PlaceholderText)
        facts = [
            (f"{photo.info.width}×{photo.info.height} · {human_size(photo.file.size)}", bold, None),
            (
                iso_date_time(photo.info.taken)
                if photo.info.taken
                else translate("TileDelegate", "No date taken"),
                option.font,
                None,
            ),
            (where, option.font, None),
            (tile_note(tile), option.font, note),
        ]
        for value, font, colour in facts[:-1]:
            painter.setFont(font)
            painter.setPen(colour or palette.color(QPalette.ColorRole.Text))
            # A path keeps both ends.
            elided = fm.elidedText(value, Qt.TextElideMode.ElideMiddle, text.width())
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft, elided)
            text.translate(0, fm.height())
        # The note is a sentence: on two lines, broken between words, cut only at the end of the
        # second (the tooltip has it whole).
        value, font, colour = facts[-1]
        painter.setFont(font)
        painter.setPen(colour or palette.color(QPalette.ColorRole.Text))
        for line in two_lines(value, fm, text.width()):
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft, line)
            text.translate(0, fm.height())

    @staticmethod
    def _quality_bar(painter: QPainter, area: QRect, score: float) -> None:
        """Culling: a bar along the picture's foot, as long as the frame's score (the best fills it)."""
        track = QRect(area.left() + 4, area.bottom() - 9, area.width() - 8, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 110))
        painter.drawRoundedRect(track, 3, 3)
        filled = QRect(
            track.left(), track.top(), max(6, round(track.width() * min(1.0, score))), track.height()
        )
        painter.setBrush(KEEP_COLOUR if score >= 0.999 else QColor(232, 170, 40))
        painter.drawRoundedRect(filled, 3, 3)

    @staticmethod
    def _mark_box(painter: QPainter, box: QRect, marked: bool, protected: bool, palette: QPalette) -> None:
        """The clickable box: empty, red with a tick when marked, a green shield's tick when protected."""
        painter.setBrush(MARK_COLOUR if marked else palette.color(QPalette.ColorRole.Base))
        painter.setPen(
            QPen(
                MARK_COLOUR
                if marked
                else KEEP_COLOUR
                if protected
                else palette.color(QPalette.ColorRole.Mid),
                2,
            )
        )
        painter.drawRoundedRect(box, 5, 5)
        if marked or protected:
            tick = QPen(QColor("white") if marked else KEEP_COLOUR, 3)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(tick)
            x, y, w, h = box.x(), box.y(), box.width(), box.height()
            if marked:  # a cross: "goes to the trash"
                painter.drawLine(QPointF(x + w * 0.3, y + h * 0.3), QPointF(x + w * 0.7, y + h * 0.7))
                painter.drawLine(QPointF(x + w * 0.7, y + h * 0.3), QPointF(x + w * 0.3, y + h * 0.7))
            else:  # a tick: "kept"
                painter.drawLine(QPointF(x + w * 0.25, y + h * 0.52), QPointF(x + w * 0.43, y + h * 0.7))
                painter.drawLine(QPointF(x + w * 0.43, y + h * 0.7), QPointF(x + w * 0.75, y + h * 0.32))

    @staticmethod
    def _companion_badges(painter: QPainter, area: QRect, tile: Tile, lifted: bool) -> None:
        """Small dark pills along the picture's foot: "XMP ★5", "Live", "AAE", "JSON".

        They say at a glance which copy carries the user's work; the tooltip says which files.
        """
        labels = companion_badges(tile.photo.companions)
        if not labels:
            return
        font = QFont(painter.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        fm = painter.fontMetrics()
        x, bottom = area.left() + 4, area.bottom() - (14 if lifted else 4)
        for label in labels:
            width = fm.horizontalAdvance(label) + 10
            if x + width > area.right() - 4:
                break
            pill = QRect(x, bottom - fm.height() - 2, width, fm.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(20, 20, 20, 190))
            painter.drawRoundedRect(pill, 3, 3)
            painter.setPen(QColor("white"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            x += width + 4

    @staticmethod
    def _badge(painter: QPainter, area: QRect, tile: Tile) -> None:
        if tile.marked:
            label, colour = translate("TileDelegate", "Trash"), MARK_COLOUR
        elif tile.protected:
            label, colour = translate("TileDelegate", "Reference folder"), KEEP_COLOUR
        elif tile.picked:
            label, colour = translate("TileDelegate", "Pick"), KEEP_COLOUR
        elif tile.keeper:
            best = tile.score is not None
            label = translate("TileDelegate", "Best") if best else translate("TileDelegate", "Keep")
            colour = KEEP_COLOUR
        elif tile.kept:  # culling: one of the best N of its series that "Mark all but the best" keeps
            label, colour = translate("TileDelegate", "Keep"), KEEP_COLOUR
        elif tile.photo.info.damaged:
            label, colour = translate("TileDelegate", "Damaged"), DAMAGED_COLOUR
        else:
            return
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(label) + 14
        badge = QRect(area.left() + 4, area.top() + 4, width, painter.fontMetrics().height() + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
