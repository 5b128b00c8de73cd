"""What a scan is asked to do, apart from where: a module of its own, so the window can say it
before numpy and Pillow load (``core.find.scan`` imports them, 0.1 s on the window's thread)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from photodedupe.core.thresholds import max_threshold


@dataclass(frozen=True, slots=True)
class ScanOptions:
    hash_bits: int = 128
    include_hidden: bool = False
    workers: int = 0  # 0: one per CPU
    max_distance: int | None = None  # the slider's maximum; None: thresholds.max_threshold
    exclude: tuple[str, ...] = ()  # folders and files not to read (discover.excluded_by)

    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1

    def slider_max(self) -> int:
        return self.max_distance if self.max_distance is not None else max_threshold(self.hash_bits)
