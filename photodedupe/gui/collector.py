"""Python's cycle collector in a Qt app: run on the GUI thread only, and kept off what lives long.

Left alone, the collector runs in whichever thread happens to allocate, e.g. a decode worker, and
may then destroy Qt widgets from that thread, which Qt does not allow (calibre and pyqtgraph do
the same). And each full collection walks every object the process holds: after a first scan
that is 180,000 of them, most numba's (its compiler, loaded for the slider's kernels), and a
full collection stalled the window for 116-166 ms every few seconds while it was used.
"""

from __future__ import annotations

import gc


def collect_on_gui_thread(app) -> None:
    """Collect only from a timer on the GUI thread, every few seconds, what would be due by now."""
    from PySide6.QtCore import QTimer

    if getattr(app, "_gc_timer", None) is not None:
        return
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(3000)
    timer.timeout.connect(_collect_due_generations)
    timer.start()
    app._gc_timer = timer


def _collect_due_generations() -> None:
    """Collect the generations the automatic collector would have collected by now."""
    counts, limits = gc.get_count(), gc.get_threshold()
    due = [g for g in range(3) if counts[g] > limits[g]]
    if due:
        gc.collect(max(due))


def settle() -> None:
    """What lives on is kept out of later collections (``gc.freeze``), once a scan is shown: the
    compiled kernels and numba with them, the scan's photos. They are still freed when no longer
    referred to; only a cycle among them that became garbage before now would stay, so the young
    generations, where such garbage is, are collected first; the first time, every generation:
    numba's compiler leaves 46 MB of it (a full collection then costs 0.1 s, once)."""
    gc.collect(1 if gc.get_freeze_count() else 2)
    gc.freeze()
