"""Every command of the window, declared once: its words, keys, icon, where it appears, when it applies.

As in picard's action registry, a window method says which command it
carries out with ``@on(Act.X)``; ``ActionRegistry`` makes the QActions,
the menus, the toolbar and the photo's right-click menu from this table,
and refuses to start if a command has no method.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QToolBar, QWidget

from photodedupe.gui.icons import icon
from photodedupe.gui.texts import plain_text
from photodedupe.gui.translations import QT_TRANSLATE_NOOP, translate

SK = QKeySequence.StandardKey
Keys = str | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class Spec:
    text: str
    keys: Keys = None
    icon: str | None = None
    tip: str = ""
    toolbar_text: str | None = None
    checkable: bool = False


class Act(Enum):
    ADD = Spec(
        QT_TRANSLATE_NOOP("Act", "&Add folder…"),
        SK.Open,
        "add-folder",
        QT_TRANSLATE_NOOP("Act", "Add a folder to scan"),
    )
    REMOVE = Spec(
        QT_TRANSLATE_NOOP("Act", "&Remove folder"),
        None,
        "remove-folder",
        QT_TRANSLATE_NOOP("Act", "Remove selected folders"),
    )
    SCAN = Spec(
        QT_TRANSLATE_NOOP("Act", "&Scan"),
        "F5",
        "scan",
        QT_TRANSLATE_NOOP("Act", "Scan the folders for duplicate photos"),
    )
    CANCEL = Spec(
        QT_TRANSLATE_NOOP("Act", "&Cancel scan"), "Esc", "cancel", QT_TRANSLATE_NOOP("Act", "Stop the scan")
    )
    FIND = Spec(
        QT_TRANSLATE_NOOP("Act", "&Find photos like…"),
        SK.Find,
        "compare",
        QT_TRANSLATE_NOOP(
            "Act", "Pick a photo and see every scanned photo like it, nearest first (or drop a photo here)"
        ),
    )
    EXPORT = Spec(
        QT_TRANSLATE_NOOP("Act", "&Export report…"),
        "Ctrl+E",
        None,
        QT_TRANSLATE_NOOP("Act", "Save the groups, with each photo's metadata and mark, as CSV or JSON"),
    )
    QUIT = Spec(QT_TRANSLATE_NOOP("Act", "&Quit"), SK.Quit)
    TOGGLE = Spec(
        QT_TRANSLATE_NOOP("Act", "&Toggle mark"),
        "Space",
        "trash",
        QT_TRANSLATE_NOOP("Act", "Mark or unmark the selected photos"),
    )
    MARK_SHOWN = Spec(
        QT_TRANSLATE_NOOP("Act", "Mark all &shown"),
        None,
        None,
        QT_TRANSLATE_NOOP(
            "Act",
            "Mark every photo the details table shows (as filtered), or every photo of the shown group, "
            "except each group's ★",
        ),
    )
    BEST_GROUP = Spec(
        QT_TRANSLATE_NOOP("Act", "Mark all but the &best in this group"),
        "Ctrl+B",
        "mark-best",
        QT_TRANSLATE_NOOP("Act", "Mark every photo of this group except the best"),
    )
    BEST_ALL = Spec(
        QT_TRANSLATE_NOOP("Act", "Mark all but the best in &all groups"),
        "Ctrl+Shift+B",
        "mark-best",
        QT_TRANSLATE_NOOP("Act", "In every group, mark every photo except the best"),
        toolbar_text=QT_TRANSLATE_NOOP("Act", "Mark all but best"),
    )
    RULES = Spec(
        QT_TRANSLATE_NOOP("Act", "&Which photo to keep…"),
        None,
        "mark-best",
        QT_TRANSLATE_NOOP("Act", "Choose and order the rules that “Mark all but the best” follows"),
    )
    EXCLUDED = Spec(
        QT_TRANSLATE_NOOP("Act", "Excluded &folders…"),
        None,
        None,
        QT_TRANSLATE_NOOP("Act", "The folders and patterns left out of scans, one per line"),
    )
    UNMARK_GROUP = Spec(
        QT_TRANSLATE_NOOP("Act", "&Unmark this group"),
        "Ctrl+U",
        "unmark",
        QT_TRANSLATE_NOOP("Act", "Unmark this group"),
    )
    UNMARK_ALL = Spec(
        QT_TRANSLATE_NOOP("Act", "Unmark a&ll"),
        "Ctrl+Shift+U",
        "unmark",
        QT_TRANSLATE_NOOP("Act", "Unmark every photo"),
    )
    TRASH = Spec(
        QT_TRANSLATE_NOOP("Act", "&Move marked to Trash…"),
        SK.Delete,
        "trash",
        QT_TRANSLATE_NOOP("Act", "Move the marked photos to the Trash (you can undo)"),
        toolbar_text=QT_TRANSLATE_NOOP("Act", "Move to Trash"),
    )
    MOVE = Spec(
        QT_TRANSLATE_NOOP("Act", "Move marked to &folder…"),
        "Ctrl+Shift+M",
        None,
        QT_TRANSLATE_NOOP(
            "Act", "Move the marked photos into a folder you choose, instead of the Trash (you can undo)"
        ),
    )
    UNDO = Spec(
        QT_TRANSLATE_NOOP("Act", "&Undo move to Trash"),
        SK.Undo,
        "undo",
        QT_TRANSLATE_NOOP("Act", "Put the last moved photos back"),
        toolbar_text=QT_TRANSLATE_NOOP("Act", "Undo"),
    )
    DETAILS = Spec(
        QT_TRANSLATE_NOOP("Act", "&Details table"),
        "Ctrl+T",
        None,
        QT_TRANSLATE_NOOP(
            "Act", "Every photo of every group as a sortable table, with a filter (Ctrl+T again: thumbnails)"
        ),
        checkable=True,
    )
    COMPARE = Spec(
        QT_TRANSLATE_NOOP("Act", "&Compare…"),
        "Return",
        "compare",
        QT_TRANSLATE_NOOP("Act", "Compare the selected photo with the ★ at full size (double-click)"),
    )
    OPEN = Spec(
        QT_TRANSLATE_NOOP("Act", "&Open"),
        "Ctrl+Return",
        "open",
        QT_TRANSLATE_NOOP("Act", "Open with the default viewer"),
    )
    SHOW = Spec(
        QT_TRANSLATE_NOOP("Act", "Show in &folder"),
        "Ctrl+Shift+F",
        "show-in-folder",
        QT_TRANSLATE_NOOP("Act", "Show the selected photo in the file manager"),
    )
    EXCLUDE_FOLDER = Spec(
        QT_TRANSLATE_NOOP("Act", "E&xclude this folder from scans"),
        None,
        None,
        QT_TRANSLATE_NOOP(
            "Act", "Leave the selected photo's folder out of every scan (Edit ▸ Excluded folders… to undo)"
        ),
    )
    DUPLICATES = Spec(
        QT_TRANSLATE_NOOP("Act", "&Duplicates"),
        "Ctrl+1",
        "compare",
        QT_TRANSLATE_NOOP("Act", "Copies of one photo: keep one of each group"),
        checkable=True,
    )
    SHOTS = Spec(
        QT_TRANSLATE_NOOP("Act", "S&hots (culling)"),
        "Ctrl+2",
        "mark-best",
        QT_TRANSLATE_NOOP("Act", "Bursts of a shoot: frames taken together, sharpest first; keep the best"),
        checkable=True,
    )
    PICK = Spec(
        QT_TRANSLATE_NOOP("Act", "&Pick (keep)"),
        "P",
        None,
        QT_TRANSLATE_NOOP("Act", "Keep the selected photo (unmarked) and go to the next"),
    )
    REJECT = Spec(
        QT_TRANSLATE_NOOP("Act", "Re&ject"),
        "X",
        None,
        QT_TRANSLATE_NOOP("Act", "Mark the selected photo for the Trash and go to the next"),
    )
    UNFLAG = Spec(
        QT_TRANSLATE_NOOP("Act", "Clear pick or reject"),
        "U",
        None,
        QT_TRANSLATE_NOOP("Act", "Neither picked nor rejected, and go to the next"),
    )
    SAVE_RATINGS = Spec(
        QT_TRANSLATE_NOOP("Act", "&Save picks as ratings…"),
        "Ctrl+Shift+S",
        None,
        QT_TRANSLATE_NOOP(
            "Act",
            "Shots: write each pick's stars and each reject's -1 into its XMP sidecar, for darktable, "
            "Lightroom, digiKam or Capture One (you can undo)",
        ),
    )
    LIGHTROOM_SIDECARS = Spec(
        QT_TRANSLATE_NOOP("Act", "New sidecars named for &Lightroom (NAME.xmp)"),
        None,
        None,
        QT_TRANSLATE_NOOP(
            "Act",
            "Ratings go into a photo's existing sidecar; a new one is named NAME.xmp "
            "(Lightroom, Capture One) "
            "when this is ticked, else NAME.EXT.xmp (darktable, digiKam)",
        ),
        checkable=True,
    )
    LOUPE = Spec(
        QT_TRANSLATE_NOOP("Act", "&Loupe"),
        "Z",
        None,
        QT_TRANSLATE_NOOP("Act", "The selected photo at 100 %, where it is sharpest (Z or Esc closes)"),
    )
    NEXT = Spec(
        QT_TRANSLATE_NOOP("Act", "&Next group"), "Ctrl+Down", None, QT_TRANSLATE_NOOP("Act", "Next group")
    )
    PREVIOUS = Spec(
        QT_TRANSLATE_NOOP("Act", "&Previous group"),
        "Ctrl+Up",
        None,
        QT_TRANSLATE_NOOP("Act", "Previous group"),
    )
    ZOOM_IN = Spec(QT_TRANSLATE_NOOP("Act", "Larger thumbnails"), SK.ZoomIn)
    ZOOM_OUT = Spec(QT_TRANSLATE_NOOP("Act", "Smaller thumbnails"), SK.ZoomOut)
    PROBLEMS = Spec(
        QT_TRANSLATE_NOOP("Act", "&Problem files…"),
        None,
        "problems",
        QT_TRANSLATE_NOOP("Act", "List the files that could not be used, with the reason"),
    )
    SHORTCUTS = Spec(
        QT_TRANSLATE_NOOP("Act", "&Keyboard shortcuts"),
        SK.HelpContents,
        None,
        QT_TRANSLATE_NOOP("Act", "Every key the window answers to"),
    )
    ABOUT = Spec(QT_TRANSLATE_NOOP("Act", "&About photodedupe"), None, "photodedupe")


MENUS: dict[str, tuple[Act | None, ...]] = {
    QT_TRANSLATE_NOOP("Menu", "&File"): (
        Act.ADD, Act.REMOVE, None, Act.SCAN, Act.CANCEL, None, Act.FIND, Act.EXPORT, None, Act.QUIT,
    ),
    QT_TRANSLATE_NOOP("Menu", "&Edit"): (
        Act.TOGGLE, Act.PICK, Act.REJECT, Act.UNFLAG, Act.SAVE_RATINGS, None, Act.MARK_SHOWN, Act.BEST_GROUP,
        Act.BEST_ALL,
        Act.RULES, Act.EXCLUDED, Act.UNMARK_GROUP, Act.UNMARK_ALL, None, Act.TRASH, Act.MOVE, Act.UNDO,
        Act.LIGHTROOM_SIDECARS,
    ),
    QT_TRANSLATE_NOOP("Menu", "&View"): (
        Act.DUPLICATES, Act.SHOTS, None, Act.DETAILS, Act.COMPARE, Act.LOUPE, Act.OPEN, Act.SHOW, None,
        Act.NEXT, Act.PREVIOUS, None,
        Act.ZOOM_IN, Act.ZOOM_OUT, None, Act.PROBLEMS,
    ),
    QT_TRANSLATE_NOOP("Menu", "&Help"): (Act.SHORTCUTS, Act.ABOUT),
}  # fmt: skip
#: What fits at 900 px. Cancel is in the status bar while a scan runs (and Esc); the modes are
#: beside the group list (MODES).
TOOLBAR = (
    Act.ADD, Act.SCAN, None, Act.BEST_ALL, Act.UNMARK_ALL, None, Act.COMPARE, None, Act.TRASH, Act.UNDO,
)  # fmt: skip
MODES = (Act.DUPLICATES, Act.SHOTS)
#: Right-click on a photo: the frequent things, one click away.
PHOTO_MENU = (
    Act.TOGGLE,
    Act.PICK,
    Act.REJECT,
    Act.COMPARE,
    Act.LOUPE,
    Act.OPEN,
    Act.SHOW,
    Act.EXCLUDE_FOLDER,
)
#: Right-click on a row of the details table: the same, and what a filtered table is for.
TABLE_MENU = (*PHOTO_MENU[:3], Act.MARK_SHOWN, *PHOTO_MENU[3:])


@dataclass(frozen=True)
class State:
    """What the commands depend on, read from the window in one place."""

    scanning: bool = False
    moving: bool = False
    folders: bool = False
    groups: bool = False
    photo: bool = False  # a group's photos are shown
    marked: bool = False
    undo: bool = False
    problems: bool = False
    culling: bool = False  # Shots mode shows a shoot's series

    @property
    def busy(self) -> bool:
        return self.scanning or self.moving


#: When each command can be used; the others always can.
ENABLED: dict[Act, Callable[[State], bool]] = {
    Act.SCAN: lambda s: not s.scanning and s.folders,
    Act.CANCEL: lambda s: s.scanning,
    Act.REMOVE: lambda s: not s.busy and s.folders,
    **dict.fromkeys(
        (
            Act.BEST_GROUP,
            Act.UNMARK_GROUP,
            Act.TOGGLE,
            Act.COMPARE,
            Act.OPEN,
            Act.SHOW,
            Act.EXCLUDE_FOLDER,
            Act.PICK,
            Act.REJECT,
            Act.UNFLAG,
            Act.LOUPE,
            Act.MARK_SHOWN,
        ),
        lambda s: not s.busy and s.photo,
    ),
    Act.BEST_ALL: lambda s: not s.busy and s.groups,
    Act.SAVE_RATINGS: lambda s: not s.busy and s.groups and s.culling,
    **dict.fromkeys((Act.UNMARK_ALL, Act.TRASH, Act.MOVE), lambda s: not s.busy and s.marked),
    Act.UNDO: lambda s: not s.busy and s.undo,
    **dict.fromkeys((Act.NEXT, Act.PREVIOUS), lambda s: s.groups),
    Act.PROBLEMS: lambda s: s.problems,
    **dict.fromkeys((Act.DUPLICATES, Act.SHOTS), lambda s: not s.busy),
}


def on(act: Act) -> Callable[[Callable], Callable]:
    """Mark a window method as the one that carries out ``act``."""

    def mark(method: Callable) -> Callable:
        method._carries_out = act  # type: ignore[attr-defined]
        return method

    return mark


class ActionRegistry:
    """The window's QActions, made from ``Act`` and connected to the ``@on`` methods of its components."""

    def __init__(self, window: QMainWindow, *components: object) -> None:
        self._actions: dict[Act, QAction] = {}
        slots: dict[Act, Callable[[], object]] = {}
        for component in (window, *components):
            for klass in type(component).__mro__:
                for name, member in vars(klass).items():
                    if (act := getattr(member, "_carries_out", None)) is not None:
                        slots.setdefault(act, getattr(component, name))
        for act in Act:
            if act not in slots:
                raise TypeError(f"no component carries out {act}: give a method @on({act})")
            self._actions[act] = self._make(act.value, window, slots[act])

    @staticmethod
    def _make(spec: Spec, window: QWidget, method: Callable[[], object]) -> QAction:
        text = translate("Act", spec.text)
        action = QAction(icon(spec.icon) if spec.icon else QAction().icon(), text, window)
        if spec.keys:  # a standard key's first binding only: Delete is also Ctrl+D on some desktops
            action.setShortcut(QKeySequence(spec.keys))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        # "&About" has a mnemonic, not a word
        words = translate("Act", spec.tip) if spec.tip else plain_text(text).replace("…", "")
        action.setToolTip(words + (f" ({keys})" if keys else ""))
        action.setStatusTip(words)
        action.setCheckable(spec.checkable)
        if spec.toolbar_text:
            action.setIconText(translate("Act", spec.toolbar_text))
        action.triggered.connect(lambda _checked=False: method())  # never "checked" as an argument
        window.addAction(action)
        return action

    def __getitem__(self, act: Act) -> QAction:
        return self._actions[act]

    def fill_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        """The menu bar's menus, by their English titles in ``MENUS``."""
        menus = {}
        for title, acts in MENUS.items():
            menu = menus[title] = bar.addMenu(translate("Menu", title))
            for act in acts:
                menu.addSeparator() if act is None else menu.addAction(self[act])
        return menus

    def fill_toolbar(self, bar: QToolBar) -> None:
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(22, 22))
        for act in TOOLBAR:
            bar.addSeparator() if act is None else bar.addAction(self[act])

    def add_photo_menu(self, view: QWidget, acts: tuple[Act, ...] = PHOTO_MENU) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addActions([self[act] for act in acts])

    def update(self, state: State) -> None:
        for act, enabled in ENABLED.items():
            self[act].setEnabled(enabled(state))
