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


_numba_cache_in_user_folder()
