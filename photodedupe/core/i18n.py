"""The user's language: words through gettext catalogs, numbers and dates as the user's locale writes them.

The core and the command line mark their words for people with ``_`` (one form)
and ``n_`` (a count's forms: German has two, Polish three, and the catalog says
which to use). The window marks its own with Qt's ``tr()`` (gui/translations);
both follow the one language ``use`` picks at start: ``--lang``, the app's
setting, or the system's locale. JSON keys and CSV columns are not words for
people and stay English.

Numbers and dates follow the locale (Babel's data: "1,5 MB" and "20.11.2015, 23:31"
in German). The C and POSIX locales, which name no language, keep the plain forms
the app always wrote ("1.5 MB", "2015-11-20 23:31").
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import gettext
import os
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

#: The languages the app speaks, by code, each named in itself (the settings list them so).
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
#: A language's usual locale, for its formats when the system's locale is of another language.
_TERRITORIES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES"}
_PLAIN = ("C", "POSIX", "")


class _English(gettext.NullTranslations):
    """The words as written: no catalog."""


#: The pseudo-locale's code (``--lang pseudo``): every word the catalogs know comes out marked and
#: longer, so a word never marked for translation, or cut off, shows at a glance (and to a test).
PSEUDO = "pseudo"


def pseudo(text: str) -> str:
    """``text`` as the pseudo-locale says it: bracketed, and 40 % longer (German runs ~30 % longer)."""
    return "⟦" + text + "·" * max(2, len(text) * 2 // 5) + "⟧"


class _Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_ENGLISH = _English()
_words: gettext.NullTranslations = _ENGLISH
_language = "en"
_format_locale: str | None = None  # None: the plain forms


def _(message: str) -> str:
    """``message`` in the user's language."""
    return _speaking().gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a counted phrase the user's language uses for ``count`` (not yet formatted)."""
    return _speaking().ngettext(singular, plural, count)


def counted(count: int, singular: str, plural: str, **fields: object) -> str:
    """``count`` with its words, in the form the language uses: ``counted(3, "{n} photo", "{n} photos")``;
    other ``{fields}`` of the phrase are filled in too."""
    return n_(singular, plural, count).format(n=integer(count), **fields)


_IN_ENGLISH: contextvars.ContextVar[bool] = contextvars.ContextVar("in_english", default=False)


def _speaking() -> gettext.NullTranslations:
    return _ENGLISH if _IN_ENGLISH.get() else _words


@contextlib.contextmanager
def english() -> Iterator[None]:
    """Words in English, numbers in the plain forms, on this thread, while inside: what JSON and
    CSV hold is read by programs, which must find the same words under every locale."""
    token = _IN_ENGLISH.set(True)
    try:
        yield
    finally:
        _IN_ENGLISH.reset(token)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs without translating it: it is translated where shown."""
    return message


def said(text: str) -> str:
    """A sentence made in English from a marked template (``N_("…{field}…").format(…)``), in the
    user's language.

    Reasons are made in English where they happen and kept so (in the cache, the journal, JSON):
    they are translated where a person reads them. The template is found by matching ``text``
    against the catalog's own templates; the values filled in are said again the same way.
    A text no template makes is shown as it is.
    """
    words = _speaking()
    if not text or words is _ENGLISH:
        return text
    if isinstance(words, _Pseudo):
        return _said_pseudo(text)
    exact = words.gettext(text)
    if exact != text:
        return exact
    for pattern, template in _templates(_language):
        if (found := pattern.fullmatch(text)) is not None:
            return words.gettext(template).format(**{k: _value(v) for k, v in found.groupdict().items()})
    return text


_DECIMAL = re.compile(r"-?\d+\.(\d+)")


def _value(text: str) -> str:
    """A value filled into a template, said again: a sentence translated, a decimal number written
    as the locale writes it ("1.7" made in English is "1,7" in German)."""
    if (number := _DECIMAL.fullmatch(text)) is not None:
        return decimal(float(text), places=len(number.group(1)))
    return said(text)


def _said_pseudo(text: str) -> str:
    """A sentence of the catalogs' templates, in the pseudo-locale (the English catalog's templates)."""
    for pattern, template in _templates("de"):
        if (found := pattern.fullmatch(text)) is not None:
            return pseudo(template).format(**{k: said(v) for k, v in found.groupdict().items()})
    return pseudo(text) if text in getattr(_catalog("de"), "_catalog", {}) else text


@cache
def _templates(code: str) -> list[tuple[re.Pattern[str], str]]:
    """The catalog's templates with fields, as patterns that take the fields back out, longest first."""
    catalog = getattr(_catalog(code), "_catalog", {})
    templates = [t for t in catalog if isinstance(t, str) and re.search(r"\{[a-z_]+\}", t)]
    # Only templates with words of their own: "{kept} vs {other}" or "{file}: {reason}" would
    # match sentences never made from them.
    templates = [t for t in templates if len(re.findall(r"[^\W\d_]", re.sub(r"\{[a-z_]+\}", "", t))) >= 6]
    out = []
    for template in sorted(templates, key=len, reverse=True):
        parts = re.split(r"\{([a-z_]+)\}", template)
        pattern = "".join(
            re.escape(part) if k % 2 == 0 else f"(?P<{part}>.+?)" for k, part in enumerate(parts)
        )
        with contextlib.suppress(re.error):  # a field named twice: such a template is not matched
            out.append((re.compile(pattern, re.DOTALL), template))
    return out


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a counted phrase for the catalogs without translating it (``n_`` translates it where shown)."""
    return singular, plural


def language() -> str:
    """The code of the language in use ("en", "de", …)."""
    return _language


def format_locale() -> str | None:
    """The locale numbers and dates follow ("de_DE"), or None for the plain forms."""
    return _format_locale


def system_locale(category: str = "LC_MESSAGES") -> str:
    """The system's locale for a category, as the environment sets it ("de_DE.UTF-8"; "" if unset)."""
    for name in ("LC_ALL", category, "LANG"):
        if value := os.environ.get(name, ""):
            return value
    return ""


def system_language() -> str:
    """The first language the environment asks for that the app speaks; English if none."""
    wanted = os.environ.get("LANGUAGE", "").split(":") if system_locale() not in _PLAIN else []
    wanted.append(system_locale())
    for name in wanted:
        code = name.split(".")[0].split("@")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def use(choice: str | None = None) -> str:
    """Speak ``choice`` ("de", "fr_FR"…), or the system's language when None; returns the code used.

    A language the app does not speak falls back to English with a ValueError the
    caller turns into a message.
    """
    global _words, _language, _format_locale
    code = (choice or system_language()).split(".")[0].split("_")[0].lower()
    if code == PSEUDO:
        _words, _language, _format_locale = _Pseudo(), PSEUDO, None
        return code
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {choice!r}: choose one of {', '.join(LANGUAGES)}")
    _language = code
    _words = _catalog(code)
    system = system_locale("LC_TIME").split(".")[0].split("@")[0]
    if system.split("_")[0].lower() == code:
        _format_locale = system  # the system's own variant: de_AT, fr_CA, en_GB…
    elif system in _PLAIN and (choice is None or code == "en"):
        _format_locale = None
    else:
        _format_locale = _TERRITORIES[code]
    return code


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    if code == "en":
        return _ENGLISH
    with (files("photodedupe.resources") / "translations" / f"{code}.mo").open("rb") as fh:
        return gettext.GNUTranslations(fh)


@cache
def _locale(name: str) -> Locale:
    from babel import Locale  # only for a named locale: the plain forms need none of its data

    return Locale.parse(name)


def _formats() -> str | None:
    return None if _IN_ENGLISH.get() else _format_locale


def decimal(value: float, places: int = 1) -> str:
    """A number with ``places`` decimals, as the locale writes it ("1.5"; "1,5" in German)."""
    if (locale := _formats()) is None:
        return f"{value:.{places}f}"
    from babel.numbers import format_decimal

    return format_decimal(value, format=_pattern(places), locale=_locale(locale))


def unit(value: float, name: str, places: int = 1) -> str:
    """A measure with its unit's whole name, for a screen reader ("3.6 megabytes"; "3,6 Megabyte"
    in German): ``name`` is CLDR's (``digital-megabyte``). The plain forms speak English."""
    from babel.units import format_unit

    locale = _formats()
    return format_unit(value, name, length="long", format=_pattern(places), locale=_locale(locale or "en"))


def _pattern(places: int) -> str:
    """CLDR's pattern for a grouped number with ``places`` decimals."""
    return "#,##0" + ("." + "0" * places if places else "")


def integer(value: int) -> str:
    """A count as the locale writes it ("1,234"; "1.234" in German; "1234" in the plain forms)."""
    if (locale := _formats()) is None:
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(locale))


def time_of_day(when: dt.datetime) -> str:
    """A time with its seconds as the locale writes it ("23:31:41"; "11:31:41 PM" in the US)."""
    if (name := _formats()) is None:
        return when.strftime("%H:%M:%S")
    from babel.dates import format_time

    return format_time(when, "medium", locale=_locale(name))


def iso_date_time(text: str) -> str:
    """An ISO date and time as the metadata or the journal hold it ("2015-11-20T23:31:41"), as the
    locale writes it, with its seconds if it has them; as it is ("T" as a space) if it is no date."""
    try:
        return date_time(dt.datetime.fromisoformat(text), seconds=len(text) > 16)
    except ValueError:
        return text.replace("T", " ")


def date_time(when: dt.datetime, seconds: bool = False) -> str:
    """A date and time as the locale writes them ("2015-11-20 23:31"; "20.11.2015, 23:31" in German)."""
    if (name := _formats()) is None:
        return when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    from babel.dates import format_datetime

    locale = _locale(name)
    pattern = locale.datetime_formats["medium"].format(
        locale.time_formats["medium" if seconds else "short"].pattern, locale.date_formats["medium"].pattern
    )
    return format_datetime(when, pattern, locale=locale)
