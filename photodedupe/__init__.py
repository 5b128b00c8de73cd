"""photodedupe: find near-duplicate photos and move the rejects to the trash."""

import os

__version__ = "0.2.0"


def _numba_cache_in_user_folder() -> None:
    """numba caches compiled kernels beside the package, which an installed or bundled copy cannot
    write to (so it compiled them again on every run, seconds each time): use the user's cache."""
    if "NUMBA_CACHE_DIR" not in os.environ:
        import platformdirs

        os.environ["NUMBA_CACHE_DIR"] = os.path.join(
            platformdirs.user_cache_dir("photodedupe", appauthor=False), "numba"
        )


def _one_blas_thread() -> None:
    """Our matrix products are small, and the scan runs its own threads: OpenBLAS's threads, which
    numpy starts on import and which spin between products, only took a core from decoding
    (an import costs 70 ms more CPU with them, a cold scan 2-3 % of its time). Set before numpy
    is imported; a user's own setting is kept."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


_numba_cache_in_user_folder()
_one_blas_thread()
