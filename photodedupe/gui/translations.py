"""The window in the user's language: Qt's translators for its own words and for Qt's standard ones.

The window's words are marked ``self.tr("…")`` (or ``translate("Context", "…")`` outside a
QObject) and live in ``resources/translations/window_LANG.ts``; counted phrases and the words
shared with the command line come from the core's gettext catalogs (``core.i18n``), so one
language choice serves both. Qt's own ``qtbase`` catalog translates the standard buttons and
dialogs (OK, Cancel, the file dialog). Numbers and dates in Qt widgets follow ``QLocale``,
set to the same locale as the core's formats; a right-to-left locale mirrors the window.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from photodedupe.core import i18n

if TYPE_CHECKING:
    from photodedupe.gui.settings import Settings

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the window's catalog under ``context``; ``translate`` says it where shown."""
    return text


def translate(context: str, text: str) -> str:
    """``text``, marked ``QT_TRANSLATE_NOOP(context, text)`` where it was written, in the user's language."""
    return QCoreApplication.translate(context, text)


def language_to_speak(setting: str, command_line: str | None) -> str | None:
    """The language chosen: ``--lang``, else the app's setting ("" for the system's), else None."""
    return command_line or setting or None


def install(app: QCoreApplication, language: str | None) -> str:
    """Speak ``language`` (None: the system's) in the core and the window; returns the code used."""
    try:
        code = i18n.use(language)
    except ValueError:  # a setting from a newer version, naming a language this one lacks
        code = i18n.use(None)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code == i18n.PSEUDO:
        translator = _PseudoTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
    elif code != "en":
        ours = str(files("photodedupe.resources") / "translations")
        qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"window_{code}", ours), (f"qtbase_{code}", qt_own)):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(i18n.format_locale() or "C"))
    # Mirrored under a right-to-left locale (Arabic, Hebrew…), whether or not its language ships.
    system = QLocale(i18n.system_locale().split(".")[0] or "C")
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(system.textDirection())
    return code


class _PseudoTranslator(QTranslator):
    """Every word of the window in the pseudo-locale (``core.i18n.pseudo``): marked and longer."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return i18n.pseudo(source) if source else source

    def isEmpty(self) -> bool:
        return False


class LanguageMenu(QMenu):
    """View ▸ Language: the system's language, or one the app speaks, each named in itself.

    The choice is saved and taken at the next start (every window would otherwise have to
    make each of its words again); ``said`` tells the user so.
    """

    def __init__(
        self, settings: Settings, said: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.settings, self.said = settings, said
        group = QActionGroup(self)
        choices = [("", self.tr("The system's language")), *i18n.LANGUAGES.items()]
        for code, name in choices:
            action = self.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == settings.language)
            action.setData(code)
            group.addAction(action)
            if not code:
                self.addSeparator()
        group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        code = action.data()
        if code == self.settings.language:
            return
        self.settings.language = code
        name = i18n.LANGUAGES.get(code) or self.tr("the system's language")
        self.said(self.tr("photodedupe speaks {language} from its next start.").format(language=name))
