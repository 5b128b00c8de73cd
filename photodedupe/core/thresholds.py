"""The similarity levels the slider and ``--threshold`` speak in.

A threshold is a Hamming distance in bits; users see a word for it. The
values for 128 bits were chosen by measurement on the development corpus (see
the README's "Accuracy" section); longer hashes scale them by their length.
"""

from __future__ import annotations

from dataclasses import dataclass

from photodedupe.core.i18n import N_

#: Hash length in bits → grid side: 128 bits from a 9×9 grid (8 × 8 × 2), 512 from 17×17.
#: Here, not in core.find.hashing, so the command line's --help reads it without importing numpy.
HASH_SIZES = {128: 8, 512: 16}


@dataclass(frozen=True, slots=True)
class Level:
    name: str
    bits: int  # largest distance at this level, for a 128-bit hash


_LEVELS_128 = (
    # Not "Identical": at 0 bits a 256 px copy, a re-save and a grey edit all match their original.
    Level(N_("Strictest"), 0),
    Level(N_("Near-identical"), 8),
    Level(N_("Similar"), 16),
    Level(N_("Loose"), 20),
)
#: The slider's range: edges are found up to here once per scan. The search costs
#: grow steeply with it (mih): 20 bits keep a million photos within minutes. Copies that
#: need more (crops, straightened) are found through window hashes instead (index).
_MAX_128 = 20
DEFAULT_LEVEL = "Similar"


def _scale(hash_bits: int) -> int:
    if hash_bits not in HASH_SIZES:
        raise ValueError(f"unsupported hash length {hash_bits}; choose one of {sorted(HASH_SIZES)}")
    return hash_bits // 128


def levels(hash_bits: int = 128) -> list[Level]:
    """The named levels for this hash length, strictest first."""
    factor = _scale(hash_bits)
    return [Level(lv.name, lv.bits * factor) for lv in _LEVELS_128]


def max_threshold(hash_bits: int = 128) -> int:
    return _MAX_128 * _scale(hash_bits)


def default_threshold(hash_bits: int = 128) -> int:
    return next(lv.bits for lv in levels(hash_bits) if lv.name == DEFAULT_LEVEL)


def level_name(threshold: int, hash_bits: int = 128) -> str:
    """The word for a threshold: the strictest level that includes it.

    >>> level_name(0), level_name(5), level_name(14), level_name(19)
    ('Strictest', 'Near-identical', 'Similar', 'Loose')
    """
    for lv in levels(hash_bits):
        if threshold <= lv.bits:
            return lv.name
    return "Loose"
