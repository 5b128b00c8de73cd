"""When two photos were taken: the same moment, or different shots.

Copies keep the camera's date taken; frames of a burst have dates a second or
more apart. But a copy whose date was fixed for a time zone (a whole number
of quarter-hours, as zones are: +1:00, +5:45, -3:30) is still the same
moment, so it is grouped with its original; only a shift of more than a day
or of a number of minutes and seconds that is not a zone makes another shot.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from photodedupe.core.i18n import _, iso_date_time
from photodedupe.core.model import Photo

UNKNOWN = np.iinfo(np.int64).min  # no date taken
_ZONE_STEP = 15 * 60  # seconds: time zones are whole quarter-hours apart
_WIDEST_SHIFT = 26 * 3600  # UTC-12 to UTC+14


def seconds(taken: str | None) -> int:
    """An ISO date taken as seconds on its own clock (no zone), or ``UNKNOWN``.

    >>> seconds("1970-01-01T01:00:00"), seconds(None) == UNKNOWN
    (3600, True)
    """
    if not taken:
        return int(UNKNOWN)
    try:
        when = dt.datetime.fromisoformat(taken)
    except ValueError:
        return int(UNKNOWN)
    return int(when.replace(tzinfo=dt.UTC).timestamp()) if when.tzinfo is None else int(when.timestamp())


def same_moment(a: int, b: int) -> bool:
    """True for equal dates, and for dates a whole number of quarter-hours apart within a day.

    >>> same_moment(0, 3600), same_moment(0, 5 * 3600 + 45 * 60), same_moment(0, 1), same_moment(0, 3 * 86400)
    (True, True, False, False)
    """
    shift = abs(a - b)
    return shift == 0 or (shift <= _WIDEST_SHIFT and shift % _ZONE_STEP == 0)


def date_note(a: Photo, b: Photo) -> str | None:
    """What the dates taken of two photos say about them being one shot, or None if nothing to say."""
    ta, tb = seconds(a.info.taken), seconds(b.info.taken)
    if UNKNOWN in (ta, tb) or ta == tb:
        return None
    first, second = (iso_date_time(p.info.taken or "") for p in (a, b))
    shift = abs(ta - tb)
    if same_moment(ta, tb):
        hours, minutes = divmod(shift // 60, 60)
        zone = f"{hours} h {minutes:02d}" if minutes else f"{hours} h"
        return _("taken {first} and {second}: {zone} apart, a time-zone fix of the same moment").format(
            first=first, second=second, zone=zone
        )
    return _(
        "taken at different moments ({first} and {second}): different shots, "
        "so they are grouped only at {level}"
    ).format(first=first, second=second, level=_("Loose"))
