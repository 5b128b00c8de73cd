"""Every catalog is complete, in step with the code, and compiled: an unfinished entry fails here."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from photodedupe.core import i18n

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_catalog_is_complete_and_compiled() -> None:
    assert _tool().check() == []


def test_translators_see_only_the_notes_meant_for_them() -> None:
    """Qt's lupdate takes every ``#:`` comment before a ``tr()`` as a note to translators: the
    details table's "The scanned folders" stood beside "marked for the trash"."""
    tool = _tool()
    for ts in sorted((ROOT / "resources" / "translations").glob("window_*.ts")):
        notes = [n.text or "" for n in tool.ET.parse(ts).getroot().iter("extracomment")]
        assert all(n.startswith(tool.TRANSLATORS) for n in notes), (ts.name, notes)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("de", "Aufruf: photodedupe scan"),
        ("fr", "utilisation : photodedupe scan"),
        ("es", "uso: photodedupe scan"),
    ],
)
def test_the_command_line_speaks_the_language_asked_for(language: str, said: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "scan", "--help", "--lang", language],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.startswith(said)


def test_lang_opens_the_window_in_that_language_and_says_what_stops_it(tmp_path: Path) -> None:
    """``photodedupe --lang de`` is the window (it once asked for a command); with no display, the
    window's own words say so in German, as do its other errors and the desktop entry's."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "photodedupe", *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    window = run("--lang", "de")
    assert window.returncode == 2 and "kein Bildschirm" in window.stderr, window.stderr
    assert "Fehler: kein Ordner: /nope" in run("--lang", "de", "/nope").stderr
    installed = run("--lang", "fr", "--install-desktop")
    assert installed.returncode == 0 and "2 fichiers écrits" in installed.stderr
    assert (tmp_path / "applications" / "photodedupe.desktop").is_file()


def test_an_unknown_language_is_a_usage_error_in_words() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "photodedupe", "--lang", "xx", "scan", "."], capture_output=True, text=True
    )
    assert run.returncode == 2
    assert "unknown language 'xx'" in run.stderr and "Traceback" not in run.stderr


def test_the_system_language_is_spoken_unless_one_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    try:
        assert i18n.use() == "fr"
        assert i18n._("options") == "options" and i18n._("examples:") == "exemples :"
        assert i18n.decimal(1.5) == "1,5"  # French Canada's own formats
        assert i18n.use("de") == "de" and i18n._("examples:") == "Beispiele:"
        assert i18n.decimal(1.5) == "1,5" and i18n.integer(1234567) == "1.234.567"
        monkeypatch.setenv("LANG", "C.UTF-8")
        assert i18n.use() == "en" and i18n.decimal(1.5) == "1.5" and i18n.integer(1234567) == "1234567"
    finally:
        i18n.use("en")


def test_reasons_kept_in_english_are_said_in_the_users_words_and_numbers() -> None:
    """A reason stored in English (the cache, the journal, a frame's rank) is translated where it is
    read, with its decimal numbers as the locale writes them; a text no template makes stays as is."""
    rank = i18n.N_("sharpest ({times}× the next)").format(times="12.1")
    damaged = i18n.N_("The hash cache was damaged ({why}); it was moved to {name} and rebuilt.").format(
        why="file is not a database", name="hashes.sqlite3.corrupt-1"
    )
    try:
        i18n.use("de")
        assert i18n.said(rank) == "am schärfsten (12,1× das nächste)"
        assert i18n.said(damaged).startswith(
            "Der Hash-Zwischenspeicher war beschädigt (file is not a database)"
        )
        assert "hashes.sqlite3.corrupt-1 verschoben" in i18n.said(damaged)
        assert i18n.said("1.5") == "1.5" and i18n.said("made up") == "made up"
        i18n.use("fr")
        assert i18n.said(rank) == i18n._("sharpest ({times}× the next)").format(times="12,1")
        i18n.use("en")
        assert i18n.said(rank) == rank
    finally:
        i18n.use("en")


def test_a_date_from_the_file_name_is_said_whole_in_each_language() -> None:
    """A whole sentence per source: German says "aus dem Dateinamen", not "aus der file name"."""
    from photodedupe.core.details import Details
    from photodedupe.core.model import FileEntry, Photo, PhotoInfo
    from photodedupe.core.report import photo_facts

    details = Details(date="2014-08-25T18:04:30", date_from="file name").to_json()
    photo = Photo(
        FileEntry("/p/2014-08-25 18.04.30.jpg", 1, 0), PhotoInfo(hash=0, width=4, height=3, details=details)
    )
    try:
        i18n.use("de")
        assert "Datiert 25.08.2014, 18:04:30 (aus dem Dateinamen; kein Kameradatum)" in photo_facts(photo)
        i18n.use("en")
        assert "Dated 2014-08-25 18:04:30 (from the file name; no camera date)" in photo_facts(photo)
    finally:
        i18n.use("en")
