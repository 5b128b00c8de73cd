"""Decoding whole images shares a memory budget: large PNGs wait for each other instead of piling up."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from photodedupe.core.find import memory
from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.memory import MemoryBudget
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.scan import scan


def test_reservations_wait_for_room_and_one_too_large_goes_alone() -> None:
    budget = MemoryBudget(100)
    order: list[str] = []
    first = threading.Event()

    def hold(name: str, nbytes: int, seconds: float) -> None:
        with budget.reserve(nbytes):
            order.append(f"+{name}")
            first.set()
            time.sleep(seconds)
            order.append(f"-{name}")

    a = threading.Thread(target=hold, args=("a", 70, 0.2))
    a.start()
    first.wait()
    b = threading.Thread(target=hold, args=("b", 70, 0.0))  # does not fit beside a: waits
    b.start()
    b.join()
    a.join()
    assert order == ["+a", "-a", "+b", "-b"] and budget.peak == 70
    with budget.reserve(10**9):  # larger than the whole budget: still goes, alone
        assert budget.in_use == 100


@pytest.mark.slow
def test_a_scan_of_large_pngs_stays_within_the_budget(tmp_path: Path, monkeypatch) -> None:
    shared = MemoryBudget(40_000_000)
    monkeypatch.setattr("photodedupe.core.find.decode.DECODING", shared)
    for k in range(4):  # 3000×3000 RGB: 36 MB each decoded with its grey copy; the budget holds one
        Image.new("RGB", (3000, 3000), (40 * k, 90, 160)).save(tmp_path / f"big{k}.png")
    with HashCache(None) as cache:
        result = scan([str(tmp_path)], cache=cache, options=ScanOptions(workers=2))
    assert len(result.photos) == 4 and shared.in_use == 0
    assert memory.decoded_bytes(3000, 3000, "RGB") <= shared.peak <= shared.budget
