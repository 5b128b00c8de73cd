#!/usr/bin/env python3
"""Keep the translations in step with the code: extract, merge, compile.

    python3 tools/translations.py            # update every catalog, then compile them
    python3 tools/translations.py --check    # exit 1 if a catalog is behind the code or unfinished

Two kinds of catalog live in ``resources/translations/``, one pair per language:

- ``LANG.po`` (gettext, through Babel): the core's and the command line's words, marked
  ``_("…")``, ``n_("…", "…", n)`` and ``N_("…")`` in ``photodedupe/``; compiled to ``LANG.mo``.
- ``window_LANG.ts`` (Qt Linguist): the window's words, marked ``self.tr("…")`` and
  ``translate("Context", "…")`` in ``photodedupe/gui/``; ``pyside6-lupdate`` extracts them and
  ``pyside6-lrelease`` compiles them to ``window_LANG.qm``.

Translators edit the ``.po`` files (Poedit, any text editor) and the ``.ts`` files (Qt Linguist);
this script keeps them in step with the code and compiles what the app loads.
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "fr", "es")
_STAMP = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
#: How a comment in the code begins that is meant for translators (both kinds of catalog).
TRANSLATORS = "TRANSLATORS:"
KEYWORDS = {"_": None, "n_": (1, 2), "N_": None, "Nn_": (1, 2), "counted": (2, 3)}
#: The window's modules: Qt's lupdate reads them for tr() and translate().
WINDOW_SOURCES = sorted(str(p) for p in (ROOT / "photodedupe" / "gui").rglob("*.py"))


def template() -> Catalog:
    """Every word marked for the gettext catalogs, from the code as it is now."""
    catalog = Catalog(project="photodedupe", fuzzy=False)
    extracted = extract_from_dir(
        str(ROOT / "photodedupe"),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(TRANSLATORS,),
    )
    for filename, lineno, message, comments, context in extracted:
        catalog.add(
            message, None, [(f"photodedupe/{filename}", lineno)], auto_comments=comments, context=context
        )
    return catalog


def merged(language: str, source: Catalog) -> Catalog:
    """The language's catalog brought up to ``source``: new words untranslated, gone ones dropped."""
    path = CATALOGS / f"{language}.po"
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=language)
    else:
        catalog = Catalog(locale=language, project="photodedupe", fuzzy=False)
    catalog.update(source, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    # Babel stamps the time of each run into the header: the files' bytes must follow the words alone.
    catalog.creation_date = catalog.revision_date = _STAMP
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, sort_output=False, include_previous=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def unfinished(catalog: Catalog) -> list[str]:
    """The words of ``catalog`` with no translation (or a form missing), or marked fuzzy."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.fuzzy or not all(forms):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _fields(text: str) -> set[str]:
    """The fields a text fills in: ``{name}`` and ``%(name)s`` / ``%s``."""
    return set(re.findall(r"\{[^{}]*\}|%\([a-z_]+\)[sdr]|%[sdr]", text))


def wrong_fields(catalog: Catalog) -> list[str]:
    """Words whose translation fills in other fields than the original: it would fail or lie."""
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        expected = _fields(ids[-1]) | _fields(ids[0])
        if any(_fields(form) - expected or _fields(ids[0]) - _fields(form) - {"{n}"} for form in forms):
            wrong.append(ids[0])
    return wrong


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def window_ts(language: str, into: Path) -> None:
    """Run Qt's lupdate over the window's modules into ``into`` (kept translations stay)."""
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *WINDOW_SOURCES,
            "-ts",
            str(into),
        ],
        check=True,
    )
    tree = ET.parse(into)
    tree.getroot().set("language", language)
    for message in tree.getroot().iter("message"):  # lupdate reads every "#:" comment as a note
        for note in message.findall("extracomment"):  # to translators: the code's own are not
            if not (note.text or "").startswith(TRANSLATORS):
                message.remove(note)
    tree.write(into, encoding="utf-8", xml_declaration=True)


def window_qm(ts: Path, into: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(into)], check=True)


def window_unfinished(ts: Path) -> list[str]:
    """The window's words in ``ts`` that have no finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        forms = translation.findall("numerusform") if translation is not None else []
        texts = [f.text for f in forms] if forms else [translation.text if translation is not None else None]
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(texts)
        ):
            missing.append(source)
    return missing


def update() -> None:
    CATALOGS.mkdir(parents=True, exist_ok=True)
    source = template()
    for language in LANGUAGES:
        catalog = merged(language, source)
        (CATALOGS / f"{language}.po").write_bytes(po_bytes(catalog))
        (CATALOGS / f"{language}.mo").write_bytes(mo_bytes(catalog))
        ts = CATALOGS / f"window_{language}.ts"
        window_ts(language, ts)
        window_qm(ts, CATALOGS / f"window_{language}.qm")
        core, window = len(unfinished(catalog)), len(window_unfinished(ts))
        print(f"{language}: {core} core words and {window} window words to translate")


def check() -> list[str]:
    """What is behind the code or unfinished, in words; empty when every catalog is complete."""
    problems = []
    source = template()
    for language in LANGUAGES:
        po = CATALOGS / f"{language}.po"
        catalog = merged(language, source)
        if not po.exists() or po.read_bytes() != po_bytes(catalog):
            problems.append(f"{po.name} is behind the code: run tools/translations.py")
        if missing := unfinished(catalog):
            problems.append(f"{po.name}: {len(missing)} words untranslated, e.g. {missing[0]!r}")
        if wrong := wrong_fields(catalog):
            problems.append(f"{po.name}: fields differ from the original in {wrong[0]!r}")
        mo = CATALOGS / f"{language}.mo"
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            problems.append(f"{mo.name} is not compiled from {po.name}: run tools/translations.py")
        ts = CATALOGS / f"window_{language}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            if ts.exists():
                shutil.copy(ts, fresh)
            window_ts(language, fresh)
            if not ts.exists() or fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} is behind the code: run tools/translations.py")
            if missing := window_unfinished(fresh):
                problems.append(f"{ts.name}: {len(missing)} words untranslated, e.g. {missing[0]!r}")
            qm = Path(tmp) / "window.qm"
            window_qm(fresh, qm)
            compiled = CATALOGS / f"window_{language}.qm"
            if not compiled.exists() or compiled.read_bytes() != qm.read_bytes():
                problems.append(f"{compiled.name} is not compiled from {ts.name}: run tools/translations.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only say what is behind or unfinished")
    args = parser.parse_args()
    if args.check:
        problems = check()
        print("\n".join(problems) or "every catalog is complete and compiled")
        return 1 if problems else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
