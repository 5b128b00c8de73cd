"""Numbers as people read them, in their locale's forms and words ("1.5 MB"; "1,5 Mo" in French)."""

from __future__ import annotations

from photodedupe.core.i18n import N_, _, decimal, integer

# TRANSLATORS: a size in kilobytes, megabytes…; French writes "{size} Ko", "{size} Mo"
_UNITS = (N_("{size} KB"), N_("{size} MB"), N_("{size} GB"), N_("{size} TB"))


def human_size(size: float) -> str:
    """
    >>> human_size(999), human_size(1536), human_size(3_500_000)
    ('999 B', '1.5 KB', '3.5 MB')
    """
    if size < 1000:
        return _("{size} B").format(size=integer(int(size)))
    unit = 0
    size /= 1000
    while size >= 999.95 and unit < len(_UNITS) - 1:
        size /= 1000
        unit += 1
    return _(_UNITS[unit]).format(size=decimal(size))
