"""The JSON documents photodedupe prints (``--json``) and saves (Export report): one version, one set of keys.

Every document opens with ``"version": VERSION``; a file that went somewhere is
``{"path", "trash_path", "companions"}`` under ``"trashed"``, and one that could not is
``{"path", "reason"}`` under ``"failed"``, whatever the command. The keys are English ids for
programs: only words for people are ever translated. ``tests/golden/`` holds each document's
shape, checked by the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from photodedupe.core.model import Problem

if TYPE_CHECKING:
    from photodedupe.core.files.actions import RestoreReport, TrashReport

#: The documents' version: raised when a key changes meaning or goes (added keys keep it).
VERSION = 1


def document(**fields: Any) -> dict[str, Any]:
    """A document: its version first, then ``fields`` in order."""
    return {"version": VERSION, **fields}


def problems(failed: Iterable[Problem]) -> list[dict[str, str]]:
    """Files that could not be used, moved or written, and why."""
    return [{"path": p.path, "reason": p.reason} for p in failed]


def trashed(report: TrashReport) -> list[dict[str, Any]]:
    """Each photo a batch moved, where it went, and the files that went with it."""
    return [
        {
            "path": t.original,
            "trash_path": t.location,
            "companions": [
                {"path": c.original, "trash_path": c.location} for c in report.carried.get(t.original, ())
            ],
        }
        for t in report.moved
    ]


def restored(report: RestoreReport) -> dict[str, Any]:
    """What an Undo put back: the photos, the files that belong to them, the sidecars given back."""
    return {
        "restored": [{"path": t.original, "trash_path": t.location} for t in report.restored],
        "companions": [{"path": t.original, "trash_path": t.location} for t in report.companions],
        "sidecars_taken_back": report.unmerged,
        "failed": problems(report.failed),
    }
