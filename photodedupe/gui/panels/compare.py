"""Side-by-side comparison at full resolution, with zoom and pan shared by both sides."""

from __future__ import annotations

import html
import os

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPixmap, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from photodedupe.core.i18n import _
from photodedupe.core.model import Group, Member, Photo
from photodedupe.core.report import photo_facts
from photodedupe.gui.desktop import open_file, show_in_folder
from photodedupe.gui.icons import icon
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.thumbnails import ThumbnailLoader

#: Both photos are laid out this wide in the scene, whatever their resolution,
#: so the same zoom and scroll position show the same part of each.
_SCENE_WIDTH = 4000.0


class ImagePane(QGraphicsView):
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor(40, 40, 40))  # photos are judged on neutral grey, in any theme
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setToolTip(self.tr("Scroll to zoom, drag to pan; both sides follow"))
        self.message = QLabel(self.tr("Loading…"), self)
        self.message.setStyleSheet("color: #ddd")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_pixmap(self, pixmap: QPixmap | None, failed: bool = False) -> None:
        if pixmap is None:
            self.item.setPixmap(QPixmap())
            self.message.setText(self.tr("This photo cannot be shown") if failed else self.tr("Loading…"))
            self.message.show()
            return
        self.message.hide()
        self.item.setPixmap(pixmap)
        width = pixmap.deviceIndependentSize().width() or 1
        self.item.setScale(_SCENE_WIDTH / width)
        self.scene().setSceneRect(self.item.sceneBoundingRect())

    def fit(self) -> None:
        if not self.item.pixmap().isNull():
            self.fitInView(self.item.sceneBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self.zoomed.emit(self.transform().m11())

    def set_zoom(self, scale: float) -> None:
        t = self.transform()
        if abs(t.m11() - scale) > 1e-9:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.resetTransform()
            self.scale(scale, scale)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.scale(factor, factor)
        self.zoomed.emit(self.transform().m11())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.message.setGeometry(self.viewport().rect())


MARKED_FRAME = "#d32f2f"  # the grid's colour for "marked for the Trash"


class ComparePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo: Photo | None = None
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the name and every line of facts, so both sides' pictures start level.
        self.title.setMinimumHeight(self.title.fontMetrics().lineSpacing() * 7)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.title.setWordWrap(True)  # a long caption wraps instead of widening one side
        self.view = ImagePane()
        self.open_button = QPushButton(icon("open"), self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open with the default viewer"))
        self.folder_button = QPushButton(icon("show-in-folder"), self.tr("Show in folder"))
        self.folder_button.setToolTip(self.tr("Show the photo in the file manager"))
        self.mark_button = QPushButton()
        self.mark_button.setCheckable(True)
        self.open_button.clicked.connect(lambda: self.photo and open_file(self.photo.path))
        self.folder_button.clicked.connect(lambda: self.photo and show_in_folder(self.photo.path))
        buttons = QHBoxLayout()
        for b in (self.mark_button, self.open_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def show_photo(self, photo: Photo, caption: str, marked: bool, protected: bool) -> None:
        self.photo = photo
        name = os.path.basename(photo.path)
        facts = "<br>".join(html.escape(line) for line in photo_facts(photo))
        self.title.setText(f"<b>{html.escape(name)}</b> — {caption}<br>{facts}")
        self.title.setToolTip(photo.path)
        # Two panes with the same buttons: a screen reader says which photo each one is and acts on.
        self.view.setAccessibleName(self.tr("{photo}, {caption}").format(photo=name, caption=caption))
        self.open_button.setAccessibleDescription(
            self.tr("Open {photo} with the default viewer").format(photo=name)
        )
        self.folder_button.setAccessibleDescription(
            self.tr("Show {photo} in the file manager").format(photo=name)
        )
        self.mark_button.setChecked(marked)
        self.mark_button.setEnabled(not protected)
        # Marked or not must show at a glance, in any theme: a red frame round the photo.
        self.view.setStyleSheet(f"QGraphicsView {{ border: 3px solid {MARKED_FRAME}; }}" if marked else "")
        self.mark_button.setText(self.tr("Marked for Trash") if marked else self.tr("Mark for Trash"))
        self.mark_button.setIcon(icon("trash"))
        self.mark_button.setToolTip(
            self.tr("In a reference folder: always kept") if protected else self.tr("Toggle the mark (Space)")
        )
        self.mark_button.setAccessibleDescription(
            self.tr("{photo} is in a reference folder: always kept").format(photo=name)
            if protected
            else self.tr("Mark or unmark {photo} for the Trash (Space)").format(photo=name)
        )


class CompareDialog(QDialog):
    """The reference on the left, another member of its group on the right; ←/→ step through them."""

    def __init__(
        self, session: ShownReview, group_members: list[int], start: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare photos"))
        assert session.review is not None
        self.session, self.review = session, session.review
        session.marksChanged.connect(self._captions)  # marked here, in the grid or by a menu
        self.members = group_members
        self.position = max(1, start) if len(group_members) > 1 else 0
        self.loader = ThumbnailLoader(self, capacity=6, threads=2)
        self.loader.ready.connect(self._loaded)
        self.left, self.right = ComparePane(), ComparePane()
        panes = QHBoxLayout()
        panes.addWidget(self.left, 1)  # both sides equally wide, whatever their captions
        panes.addWidget(self.right, 1)
        self.counter = QLabel()
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(
            self.tr("Zoom, as a share of the larger photo's own pixels (100 % is 1:1)")
        )
        prev_button = QPushButton(self.tr("◀ Previous"))
        next_button = QPushButton(self.tr("Next ▶"))
        fit_button = QPushButton(self.tr("Fit"))
        actual_button = QPushButton(self.tr("100 %"))
        prev_button.setToolTip(self.tr("Compare the previous photo of the group with the ★ (←)"))
        next_button.setToolTip(self.tr("Compare the next photo of the group with the ★ (→)"))
        fit_button.setToolTip(self.tr("Show the whole photos (F)"))
        actual_button.setToolTip(
            self.tr("Show the larger photo at its real size, pixel for pixel (1); + and - zoom")
        )
        prev_button.clicked.connect(lambda: self.step(-1))
        next_button.clicked.connect(lambda: self.step(1))
        fit_button.clicked.connect(self.fit)
        actual_button.clicked.connect(self.actual_size)
        bar = QHBoxLayout()
        for w in (prev_button, next_button, self.counter):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        bar.addWidget(fit_button)
        bar.addWidget(actual_button)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(bar)
        for key, slot in (
            (Qt.Key.Key_Left, lambda: self.step(-1)),
            (Qt.Key.Key_Right, lambda: self.step(1)),
            (Qt.Key.Key_F, self.fit),
            (Qt.Key.Key_1, self.actual_size),
            (Qt.Key.Key_Plus, lambda: self.zoom_by(1.25)),
            (Qt.Key.Key_Equal, lambda: self.zoom_by(1.25)),  # "+" without Shift on most keyboards
            (Qt.Key.Key_Minus, lambda: self.zoom_by(0.8)),
            (Qt.Key.Key_Space, self.toggle_right),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self._link(self.left.view, self.right.view)
        self._link(self.right.view, self.left.view)
        for pane in (self.left, self.right):
            pane.view.zoomed.connect(self._show_zoom)
        for pane in (self.left, self.right):
            pane.mark_button.clicked.connect(lambda _checked, p=pane: self._toggle(p, click=True))
        self.resize(1200, 760)
        self.show_position()

    @staticmethod
    def _link(a: ImagePane, b: ImagePane) -> None:
        a.zoomed.connect(b.set_zoom)
        a.horizontalScrollBar().valueChanged.connect(b.horizontalScrollBar().setValue)
        a.verticalScrollBar().valueChanged.connect(b.verticalScrollBar().setValue)

    def show_position(self) -> None:
        photos = self.review.photos
        ref, other = self.members[0], self.members[self.position]
        total = len(self.members) - 1
        self.counter.setText(
            self.tr("{n} of {total}").format(n=self.position, total=total) if total > 0 else ""
        )
        self._captions()
        for pane, index in ((self.left, ref), (self.right, other)):
            pane.view.set_pixmap(
                self.loader.get(photos[index].path, 0), self.loader.failed(photos[index].path, 0)
            )
        self.fit()

    def _captions(self) -> None:
        """Both sides' words and marks (a mark toggled keeps the zoom and position)."""
        ref, other = self.members[0], self.members[self.position]
        group = self._group()
        self._fill(
            self.left, ref, self.tr("the photo kept (★): {why}").format(why=self.review.why_kept(group))
        )
        member = next((m for m in group.members if m.index == other), Member(other, 0))
        caption = self.tr("the photo kept (★)")
        if other != ref:  # how far from the ★ and what differs, or (a frame of a series) its rank
            caption = self.tr("compared with {kept}: {note}").format(
                kept=_(self.review.kept_words), note=self.review.member_note(group, member)
            )
        note = self.review.date_words(ref, other) if other != ref else None
        self._fill(self.right, other, f"{caption}; {note}" if note else caption)

    def _group(self) -> Group:
        """The group shown, with each photo's distance from the ★ (as the review holds it)."""
        row = self.review.row_of(self.members[0])
        if row is not None and self.review.groups[row].reference == self.members[0]:
            return self.review.groups[row]
        return Group(tuple(Member(k, 0) for k in self.members))

    def _fill(self, pane: ComparePane, index: int, caption: str) -> None:
        pane.show_photo(
            self.review.photos[index], caption, index in self.review.marked, self.review.is_protected(index)
        )

    def _loaded(self, path: str, size: int) -> None:
        for pane in (self.left, self.right):
            if pane.photo is not None and pane.photo.path == path:
                pane.view.set_pixmap(self.loader.get(path, 0), self.loader.failed(path, 0))
        self.fit()

    def _toggle(self, pane: ComparePane, click: bool = False) -> None:
        if pane.photo is None:
            return
        self.session.toggle([self.review.index_of(pane.photo.path)], click)

    def toggle_right(self) -> None:
        self._toggle(self.right)

    def step(self, delta: int) -> None:
        if len(self.members) > 1:
            self.position = (self.position - 1 + delta) % (len(self.members) - 1) + 1
            self.show_position()

    def fit(self) -> None:
        self.left.view.fit()
        self.right.view.fit()

    def _largest_width(self) -> int:
        return max((p.info.width for p in (self.left.photo, self.right.photo) if p is not None), default=0)

    def _show_zoom(self, scale: float) -> None:
        """The zoom as a share of the larger photo's own pixels: what "100 %" means here."""
        width = self._largest_width()
        if width:
            percent = scale * _SCENE_WIDTH * self.devicePixelRatioF() / width * 100
            self.zoom_label.setText(self.tr("{percent} %").format(percent=f"{percent:.0f}"))

    def zoom_by(self, factor: float) -> None:
        self._zoom_to(self.right.view.transform().m11() * factor)

    def _zoom_to(self, scale: float) -> None:
        for pane in (self.right, self.left):
            pane.view.set_zoom(scale)
        self._show_zoom(scale)

    def actual_size(self) -> None:
        """The larger photo at 1:1 (both sides show the same part, so the smaller is enlarged)."""
        width = self._largest_width()
        if width:
            self._zoom_to(width / _SCENE_WIDTH / self.devicePixelRatioF())

    def visible_rect(self) -> QRectF:
        return self.right.view.mapToScene(self.right.view.viewport().rect()).boundingRect()
