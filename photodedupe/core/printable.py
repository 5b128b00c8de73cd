"""File names and metadata are data, never commands: how they are written into text, CSV and JSON.

A file name may hold a newline (which would forge a "keep" line in a listing),
a bidirectional override (which would show "gpj.exe" as "exe.jpg"), bytes that
are not UTF-8 (Python holds them as lone surrogates), or start with "=" (which a
spreadsheet runs as a formula). Each output escapes them its own way.
"""

from __future__ import annotations

import base64
import os
import unicodedata
from typing import Any

#: Bidirectional controls: they reorder what follows them on screen.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def shown(text: object) -> str:
    """``text`` safe to print on one line: control characters and undecodable bytes escaped.

    >>> shown("a\\nb\\u202ec"), shown("caf\\udce9.jpg"), shown("Ünïcode 📷.jpg")
    ('a\\\\nb\\\\u202ec', 'caf\\\\xe9.jpg', 'Ünïcode 📷.jpg')
    """
    text = str(text)
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def readable(text: str) -> str:
    """``text`` as valid Unicode: an undecodable byte becomes U+FFFD (see ``lossless`` for the bytes)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text, never runs: a leading ``'`` before a formula's start.

    >>> [csv_cell(v) for v in ("=HYPERLINK(1)", "+1", "@SUM", "/p/a.jpg", 3, None)]
    ["'=HYPERLINK(1)", "'+1", "'@SUM", '/p/a.jpg', 3, None]
    """
    if not isinstance(value, str):
        return value
    value = readable(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def lossless(data: Any) -> Any:
    """A JSON document with every string valid Unicode, and the bytes of names that were not.

    Each string holding undecodable bytes is made ``readable``; the top-level
    ``path_bytes`` maps that readable form to the name's bytes in base64, so
    a program can still open the file.
    """
    found: dict[str, str] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            if value.isascii() or readable(value) == value:
                return value
            shown_as = readable(value)
            found[shown_as] = base64.b64encode(os.fsencode(value)).decode("ascii")
            return shown_as
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [walk(v) for v in value]
        return value

    out = walk(data)
    if found and isinstance(out, dict):
        out["path_bytes"] = found
    return out
