"""A memory budget for decoding: photos that must be decoded whole share at most ``BUDGET`` bytes.

JPEG (and HEIF with a thumbnail, and RAW previews) decode at a fraction of
their size; a PNG, WebP or TIFF is decoded whole before it is shrunk. Two
196-megapixel PNGs on two threads took 1.65 GB at once. A decode that would
take more than what is left of the budget waits until other decodes give
theirs back; one photo larger than the whole budget still goes, alone.
Reading a PNG's metadata counts too: its EXIF may follow the pixels, and
Pillow decodes them to get there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

BUDGET = 900 * 1024 * 1024  # bytes: with the scan's own arrays, about 1 GB at most


class MemoryBudget:
    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.in_use = 0
        self.peak = 0  # the most reserved at once (for tests and benches)
        self._free = threading.Condition()

    @contextmanager
    def reserve(self, nbytes: int) -> Iterator[None]:
        """Wait until ``nbytes`` fit in what is left (or nothing else is decoding), then hold them."""
        nbytes = min(nbytes, self.budget)  # larger than the budget: goes alone
        with self._free:
            self._free.wait_for(lambda: self.in_use + nbytes <= self.budget)
            self.in_use += nbytes
            self.peak = max(self.peak, self.in_use)
        try:
            yield
        finally:
            with self._free:
                self.in_use -= nbytes
                self._free.notify_all()


#: Shared by every decoding thread of the process.
DECODING = MemoryBudget()


def decoded_bytes(width: int, height: int, mode: str) -> int:
    """What decoding a whole image takes, with the grey copy made from it (a rough upper bound).

    >>> decoded_bytes(1000, 1000, "RGB") // 1_000_000
    4
    """
    bands = {"1": 1, "L": 1, "P": 1, "LA": 2, "I;16": 2, "RGB": 3, "YCbCr": 3, "RGBA": 4, "CMYK": 4}
    per_pixel = bands.get(mode, 4) + 1  # the image, and its grey copy
    return width * height * per_pixel
