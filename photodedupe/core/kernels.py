"""Loops compiled with numba for large libraries, run as plain Python for small ones.

numba's first call in a process costs about three quarters of a second (its
import, then loading the compiled code from its cache), which is more than all
the grouping work of a library of 20,000 photos: a warm rescan from the
command line spent most of its time there. A ``@kernel`` runs its plain
Python body while every array it is given is shorter than ``PLAIN_BELOW``, and
compiles (``numba.njit(nogil=True, cache=True)``) on its first larger call. It
then replaces every kernel of its module by the compiled one, so kernels that
call each other are compiled together, and stay compiled for the process.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, overload

import numpy as np

log = logging.getLogger(__name__)
_T = TypeVar("_T")

#: Below this many elements in every array argument, a kernel runs as plain Python.
PLAIN_BELOW = 30_000


class Kernel:
    def __init__(self, py_func: Callable[..., Any], plain: Callable[..., Any] | None = None) -> None:
        self.py_func = py_func
        self.plain = plain or py_func  # what runs uncompiled: the same loops, or numpy doing the same
        self.__name__ = py_func.__name__
        self.__doc__ = py_func.__doc__
        self.compiled: Callable[..., Any] | None = None

    def __call__(self, *args: Any) -> Any:
        if self.compiled is None:
            if _size(args) < PLAIN_BELOW:
                return self.plain(*args)
            _compile_module(self.py_func.__module__)
            if self.compiled is None:  # not a name of its module (made in a function)
                import numba

                self.compiled = numba.njit(nogil=True, cache=False)(self.py_func)
        return self.compiled(*args)


_pool: ThreadPoolExecutor | None = None


def parts_for(count: int, least: int = 20_000) -> int:
    """How many threads ``count`` items are worth: one per CPU, each with ``least`` items or more."""
    return max(1, min(os.cpu_count() or 1, count // least))


def at_once(runs: Sequence[Callable[[], _T]]) -> list[_T]:
    """Every one of ``runs``, each on a thread of its own, their results in order: compiled kernels
    release the GIL, so they run on the CPUs at once. A single run stays on the calling thread."""
    if len(runs) == 1:
        return [runs[0]()]
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="photodedupe-kernels")
    return [future.result() for future in [_pool.submit(run) for run in runs]]


def in_slices(run: Callable[[int, int], object], count: int, least: int = 20_000) -> None:
    """``run(lo, hi)`` over ``range(count)`` cut in one slice per CPU, run at once: a compiled
    kernel releases the GIL, so a regroup's per-group work uses both cores. Below ``least`` items
    per slice, one call (a thread's hand-over costs more than it saves)."""
    parts = parts_for(count, least)
    cuts = [count * k // parts for k in range(parts + 1)]
    at_once([functools.partial(run, lo, hi) for lo, hi in itertools.pairwise(cuts)])


def _size(args: tuple[Any, ...]) -> int:
    """The work a call implies: its longest array, or an int such as a count of photos."""
    sizes = [a.shape[0] for a in args if isinstance(a, np.ndarray) and a.ndim]
    sizes += [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    return max(sizes, default=0)


_F = TypeVar("_F", bound=Callable[..., Any])


@overload
def kernel(py_func: _F) -> _F: ...
@overload
def kernel(*, plain: Callable[..., Any] | None = None) -> Callable[[_F], _F]: ...
def kernel(py_func: Callable[..., Any] | None = None, *, plain: Callable[..., Any] | None = None) -> Any:
    """``@kernel``: plain Python for small arrays, numba for large ones.

    ``@kernel(plain=f)``: ``f`` runs instead of the loops when uncompiled, for a kernel whose
    loops are slow in Python (numpy does the same work at C speed); it must give the same result.
    Type checkers see the function itself: a ``Kernel`` is called as it is.
    """
    if py_func is None:
        return lambda func: Kernel(func, plain)
    return Kernel(py_func, plain)


_compiling = threading.Lock()


def _compile_module(name: str) -> None:
    """Every kernel of module ``name`` compiled; the module's names then refer to the compiled ones."""
    import numba

    with _compiling:
        _replace(vars(sys.modules[name]), numba)


def _replace(module: dict[str, Any], numba: Any) -> None:
    kernels = {key: value for key, value in module.items() if isinstance(value, Kernel)}
    for key, k in kernels.items():
        if k.compiled is None:
            compiled = saved_if_possible(numba.njit(nogil=True, cache=True)(k.py_func))
            compiled.plain = k.plain  # still at hand once the name is the compiled one (tests compare)
            k.compiled = compiled
        module[key] = k.compiled  # a compiled kernel calling another finds it compiled


def saved_if_possible(dispatcher: Any) -> Any:
    """A kernel whose compiled code is saved for the next run when its cache folder has room: on a
    full or read-only disk the code still runs (numba raised from the save, and the scan failed)."""
    cache: Any = getattr(dispatcher, "_cache", None)
    save = getattr(cache, "save_overload", None)
    if save is not None:

        def save_or_skip(sig: Any, data: Any) -> None:
            try:
                save(sig, data)
            except OSError as exc:
                log.warning("compiled code not saved for the next run (%s): %s", dispatcher.__name__, exc)

        cache.save_overload = save_or_skip
    return dispatcher


def compile_all(name: str) -> None:
    """Compile a module's kernels now whatever the sizes (tests of the compiled code, benches)."""
    importlib.import_module(name)
    _compile_module(name)


def prefer_compiled() -> None:
    """For a long-lived process (the app): its slider regroups again and again, where compiled
    code pays off at any size. Call it off the GUI thread: it loads numba."""
    for name in ("photodedupe.core.find.grouping", "photodedupe.core.keep.keeper"):
        compile_all(name)
