"""Numbers as people read them, in their locale's forms and words ("1.5 MB"; "1,5 Mo" in French)."""

from __future__ import annotations

from photodedupe.core.i18n import N_, _, decimal, integer, unit

# TRANSLATORS: a size in kilobytes, megabytes…; French writes "{size} Ko", "{size} Mo"
_UNITS = (N_("{size} KB"), N_("{size} MB"), N_("{size} GB"), N_("{size} TB"))


def human_size(size: float) -> str:
    """
    >>> human_size(999), human_size(1536), human_size(3_500_000)
    ('999 B', '1.5 KB', '3.5 MB')
    """
    if size < 1000:
        return _("{size} B").format(size=integer(int(size)))
    value, step = _scaled(size)
    return _(_UNITS[step]).format(size=decimal(value))


def _scaled(size: float) -> tuple[float, int]:
    """``size`` bytes (1000 or more) in kilobytes, megabytes…: the value and which unit."""
    step = 0
    size /= 1000
    while size >= 999.95 and step < len(_UNITS) - 1:
        size /= 1000
        step += 1
    return size, step


_SPOKEN = ("digital-kilobyte", "digital-megabyte", "digital-gigabyte", "digital-terabyte")


def spoken_size(size: float) -> str:
    """``human_size`` with the unit's whole name, as a screen reader should say it.

    >>> spoken_size(999), spoken_size(3_500_000)
    ('999 bytes', '3.5 megabytes')
    """
    if size < 1000:
        return unit(int(size), "digital-byte", places=0)
    value, step = _scaled(size)
    return unit(value, _SPOKEN[step])
