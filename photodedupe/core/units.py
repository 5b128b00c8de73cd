"""Numbers as people read them."""

from __future__ import annotations


def human_size(size: float) -> str:
    """
    >>> human_size(999), human_size(1536), human_size(3_500_000)
    ('999 B', '1.5 KB', '3.5 MB')
    """
    if size < 1000:
        return f"{int(size)} B"
    for unit in ("KB", "MB", "GB", "TB"):
        size /= 1000
        if size < 999.95 or unit == "TB":
            break
    return f"{size:.1f} {unit}"
