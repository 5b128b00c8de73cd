"""The window's components on their own: what a user does, with no window and no dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow

from photodedupe.core.find.cache import HashCache
from photodedupe.core.find.scan import scan
from photodedupe.core.review import Review
from photodedupe.gui.controllers.file_operations import FileOps
from photodedupe.gui.dialogs.questions import Question
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.window_actions import Act, ActionRegistry, on


@pytest.fixture
def session(qtbot, library: Path) -> ShownReview:
    session = ShownReview()
    with HashCache(None) as cache:
        session.show(Review(scan([str(library)], cache=cache), 16))
    return session


def test_file_ops_ask_through_the_injected_function(qtbot, session: ShownReview, library: Path) -> None:
    """Trash and Undo run whole with answers given by a function: the flow is the app's, not a dialog's."""
    asked: list[Question] = []
    answers: list[str | None] = []

    def ask(question: Question) -> str | None:
        asked.append(question)
        return answers.pop(0)

    said: list[str] = []
    ops = FileOps(QThreadPool(), session, ask, pick_folder=lambda: "", roots=lambda: [str(library)])
    ops.said.connect(said.append)
    changes: list[str] = []
    session.changed.connect(lambda: changes.append("groups"))

    group = next(g for g in session.review.groups if len(g.members) == 2)
    session.toggle([m.index for m in group.members], click=True)  # every photo of a group, the ★ clicked
    paths = session.marked_paths()
    answers[:] = ["Move 2 to Trash", None]  # yes, then Cancel at "every photo is marked"
    ops.trash()
    assert [q.title for q in asked] == ["Move to Trash", "Every photo of a group is marked"]
    assert not ops.running and all(map(os.path.exists, paths))

    answers[:] = ["Move 2 to Trash", "Move them all"]
    ops.trash()
    qtbot.waitUntil(lambda: not ops.running)
    assert not any(map(os.path.exists, paths)) and changes == ["groups"]
    assert said[-1].startswith("Moved 2 photos") and ops.last_batch is not None

    ops.undo()
    qtbot.waitUntil(lambda: not ops.running)
    assert all(map(os.path.exists, paths)) and set(session.marked_paths()) == set(paths)


def test_marks_are_read_only_while_a_job_runs(session: ShownReview) -> None:
    seen: list[str] = []
    session.marksChanged.connect(lambda: seen.append("marks"))
    session.locked = True
    session.mark_all_but_best()
    session.toggle([0])
    assert not session.review.marked and seen == []
    session.locked = False
    session.mark_all_but_best()
    assert session.review.marked and seen == ["marks"]


def test_the_registry_refuses_a_command_nobody_carries_out(qtbot) -> None:
    class Half(QMainWindow):
        @on(Act.QUIT)
        def quit(self) -> None:
            self.close()

    window = Half()
    qtbot.addWidget(window)
    with pytest.raises(TypeError, match="no component carries out"):
        ActionRegistry(window)
