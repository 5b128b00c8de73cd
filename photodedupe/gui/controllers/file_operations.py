"""Moving photos (to the Trash or a folder), Undo, and finishing a batch a crash cut short.

Every question to the user goes through the injected ``ask`` function, so
the whole flow runs in tests without a dialog; the window passes one that
shows a message box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from photodedupe.core.files import journal
from photodedupe.core.files.actions import RestoreReport, TrashPlan, TrashReport, freed_bytes
from photodedupe.core.files.folder_move import FolderMove
from photodedupe.core.files.journal import Batch
from photodedupe.core.files.sidecars import STYLES, RatingReport
from photodedupe.core.find.companions import count_words, kinds_words
from photodedupe.core.i18n import counted, iso_date_time, said
from photodedupe.core.model import Problem
from photodedupe.core.paths import batches_dir
from photodedupe.core.units import human_size
from photodedupe.gui.controllers.workers import (
    FileSignals,
    Job,
    ratings_job,
    restore_job,
    resume_job,
    trash_job,
)
from photodedupe.gui.dialogs.questions import Ask, Question
from photodedupe.gui.settings import Settings
from photodedupe.gui.shown_review import ShownReview
from photodedupe.gui.translations import translate
from photodedupe.gui.window_actions import Act, on


def companions_text(plan: TrashPlan) -> str:
    """What goes with the photos, by kind (Live Photo videos, XMP sidecars…), for the confirmations."""
    going = [c for cs in plan.companions for c in cs]
    if not going:
        return ""
    size = human_size(plan.companion_bytes)
    text = translate("FileOps", "With them go the files that belong to them: {kinds} ({size}).").format(
        kinds=kinds_words(going), size=size
    )
    rated = any(c.edits is not None and c.edits.any for c in going)
    if rated and plan.merge_edits:
        text += " " + translate(
            "FileOps", "Ratings, labels and keywords of a trashed copy are added to the kept photo's sidecar."
        )
    return text + " "


class FileOps(QObject):
    """Trash, Move to folder, Undo and resume for the review on screen; it says what happened."""

    progress = Signal(int, int)  # photos moved, of how many
    said = Signal(str)  # a line for the status bar
    problems = Signal(str, str, list)  # (title, intro, [Problem]) of photos not moved or not put back
    gone = Signal(list)  # paths no longer where they were (thumbnails to forget)
    strangersBack = Signal()  # Undo put back photos this scan never saw: scan again
    failed = Signal(str, str)
    runningChanged = Signal(bool)

    def __init__(
        self,
        pool: QThreadPool,
        session: ShownReview,
        ask: Ask,
        pick_folder: Callable[[], str],
        roots: Callable[[], list[str]],
        parent: QObject | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        """``settings``: where the sidecar style is kept (none: darktable's, not remembered)."""
        super().__init__(parent)
        self.settings = settings
        self.pool, self.session, self.ask, self.pick_folder, self.roots = (
            pool,
            session,
            ask,
            pick_folder,
            roots,
        )
        self.job: Job[FileSignals] | None = None
        self.last_batch: Batch | None = journal.last_batch(batches_dir())  # Undo works across runs

    @property
    def running(self) -> bool:
        return self.job is not None

    @property
    def sidecar_style(self) -> str:
        """How a new XMP sidecar is named: "lightroom" (NAME.xmp) or "darktable" (NAME.EXT.xmp)."""
        return "lightroom" if self.settings is not None and self.settings.lightroom_sidecars else "darktable"

    @on(Act.LIGHTROOM_SIDECARS)
    def toggle_lightroom_sidecars(self) -> None:
        if self.settings is not None:
            self.settings.lightroom_sidecars = not self.settings.lightroom_sidecars
        self.said.emit(
            self.tr("New XMP sidecars will be named {style}.").format(style=STYLES[self.sidecar_style])
        )

    def _plan(self) -> TrashPlan | None:
        """What the marks would move, if anything is marked and nothing else is moving."""
        review = self.session.review
        if review is None or self.running:
            return None
        if not (plan := review.plan()).count:
            self.said.emit(
                self.tr("Nothing is marked. Mark photos first (Space, or “Mark all but the best”).")
            )
            return None
        return plan

    # --- moving ----------------------------------------------------------------------------

    @on(Act.TRASH)
    def trash(self) -> None:
        """Move the marked photos to the Trash once the user says yes."""
        if (plan := self._plan()) is None:
            return
        size = human_size(plan.total_bytes + plan.companion_bytes)
        question = Question(
            self.tr("Move to Trash"),
            self.tr("Move {what} ({size}) to the Trash?").format(
                what=count_words(plan.count, plan.companion_count), size=size
            ),
            companions_text(plan) + self.tr("They can be restored from the Trash, or with Undo (Ctrl+Z)."),
            (self.tr("Move {n} to Trash").format(n=plan.count),),
        )
        if self.ask(question) is not None:
            self._move(plan, None)

    @on(Act.MOVE)
    def move_to_folder(self) -> None:
        """Like ``trash``, into a folder the user picks, keeping the photos' folders inside it or not."""
        if (plan := self._plan()) is None or not (folder := self.pick_folder()):
            return
        keep, flat = self.tr("Keep their folders"), self.tr("All in one folder")
        answer = self.ask(
            Question(
                self.tr("Move to folder"),
                self.tr("Move the marked photos into {folder}?").format(folder=folder),
                companions_text(plan)
                + self.tr(
                    "Keep each photo's folders inside it (as under the scanned folders), "
                    "or put them all side by side? A name already there is never overwritten. "
                    "Undo (Ctrl+Z) puts them back."
                ),
                (keep, flat),
                default=keep,
            )
        )
        if answer is not None:
            self._move(plan, FolderMove(folder, self.roots(), keep_folders=answer == keep))

    def _move(self, plan: TrashPlan, to: FolderMove | None) -> None:
        if to is None:
            sure = self.tr("Are you sure you want to move all of them to the Trash?")
        else:
            sure = self.tr("Are you sure you want to move all of them to {folder}?").format(
                folder=to.destination
            )
        if plan.emptied_groups and not self.ask(
            Question(
                self.tr("Every photo of a group is marked"),
                counted(
                    plan.emptied_groups,
                    "In {n} group, every photo is marked: no copy would be left.",
                    "In {n} groups, every photo is marked: no copy would be left.",
                ),
                sure,
                (self.tr("Move them all"),),
            )
        ):
            return
        assert self.session.review is not None
        sizes = {
            p.path: p.file.size + sum(c.size for c in cs)
            for p, cs in zip(plan.photos, plan.companions, strict=True)
        }
        references = self.session.review.reference_folders
        job = trash_job(plan, references, confirmed_emptying=True, to=to, sidecar_style=self.sidecar_style)
        job.signals.progress.connect(self.progress)
        folder = to.destination if to is not None else None
        self._start(job, lambda report: self._moved(report, folder, sizes))

    def _moved(self, report: TrashReport, folder: str | None, sizes: dict[str, int]) -> None:
        self.gone.emit([item.original for item in report.moved])
        self.session.moved(report)
        words = count_words(len(report.moved), len(report.companions))
        if folder is None:  # what emptying the Trash frees (a file hard-linked elsewhere: nothing)
            moved = self.tr("Moved {what} to the Trash; emptying it frees {size}.").format(
                what=words, size=human_size(freed_bytes(report))
            )
        else:
            size = human_size(sum(sizes.get(item.original, 0) for item in report.moved))
            moved = self.tr("Moved {what} ({size}) to {folder}.").format(what=words, size=size, folder=folder)
        if report.merged:
            moved += " " + counted(
                len(report.merged),
                "{n} kept photo got its ratings in its sidecar.",
                "{n} kept photos got their ratings in their sidecars.",
            )
        if report.notes:
            moved += " " + counted(
                len(report.notes),
                "{n} rating stayed in the trash (see the log).",
                "{n} ratings stayed in the trash (see the log).",
            )
        self.said.emit(moved + " " + self.tr("Undo with Ctrl+Z."))
        self._not_moved(report)

    def _not_moved(self, report: TrashReport) -> None:
        if report.failed:
            intro = counted(
                len(report.failed),
                "{n} photo was not moved by this batch; its reason says where it is:",
                "{n} photos were not moved by this batch; each one's reason says where it is:",
            )
            self.problems.emit(self.tr("Some photos were not moved"), intro, report.failed)

    # --- putting back ----------------------------------------------------------------------

    @on(Act.UNDO)
    def undo(self) -> None:
        if self.last_batch and not self.running:
            self._start(restore_job(self.last_batch), self._restored)

    def _restored(self, report: RestoreReport) -> None:
        strangers = self.session.restored(report)
        if report.restored or not report.unmerged:
            words = count_words(len(report.restored), len(report.companions))
            n = len(report.unmerged)
            taken = (
                " " + counted(n, "{n} sidecar is as before the move.", "{n} sidecars are as before the move.")
                if n
                else ""
            )
            self.said.emit(self.tr("Put {what} back where they were.").format(what=words) + taken)
        else:
            self.said.emit(
                counted(
                    len(report.unmerged),
                    "Took back the ratings: {n} sidecar as before.",
                    "Took back the ratings: {n} sidecars as before.",
                )
            )
        if strangers:
            self.strangersBack.emit()
        if report.failed:
            self.problems.emit(
                self.tr("Some photos were not put back"),
                self.tr("These photos are still in the Trash:"),
                report.failed,
            )

    def check_interrupted(self) -> None:
        """At start: a batch of moves a crash cut short is finished or put back, as the user says."""
        pending = journal.interrupted_batches(batches_dir())
        for notice in journal.take_notices():
            notice = said(notice)
            self.said.emit(notice[:1].upper() + notice[1:] + ".")
        if not pending or self.running:
            return
        batch = pending[0]
        back, finish = self.tr("Put them back"), self.tr("Finish moving")
        when = iso_date_time(batch.started[:16])
        in_trash = counted(
            len(batch.photos_in_trash), "{n} photo is in the Trash", "{n} photos are in the Trash"
        )
        not_yet = counted(len(batch.pending), "{n} was not moved yet", "{n} were not moved yet")
        answer = self.ask(
            Question(
                self.tr("A move to the Trash was interrupted"),
                self.tr(
                    "photodedupe stopped while moving photos to the Trash ({when}): {in_trash}, {pending}."
                ).format(when=when, in_trash=in_trash, pending=not_yet),
                self.tr("No photo is lost. Put the moved ones back, or finish moving the rest?"),
                (back, finish, self.tr("Decide later")),
                default=back,
                cancel=False,
                warning=True,
            )
        )
        if answer == back:
            self.last_batch = batch
            self.undo()
        elif answer == finish:
            self._start(resume_job(batch), self._resumed)

    # --- ratings for editors -----------------------------------------------------------------

    @on(Act.SAVE_RATINGS)
    def save_ratings(self) -> None:
        """Shots: the picks' stars and the rejects' -1 into their sidecars, once the user chose the stars."""
        review = self.session.review
        if review is None or not review.culling or self.running:
            self.said.emit(
                self.tr("Save picks as ratings works in Shots (Ctrl+2), with frames picked or rejected.")
            )
            return
        ratings = review.ratings(1)
        if not ratings:
            self.said.emit(self.tr("Nothing is picked or rejected yet: P picks a frame, X rejects it."))
            return
        rejects = sum(1 for _, r in ratings if r < 0)
        stars_by_choice = {counted(n, "Picks get {n} star", "Picks get {n} stars"): n for n in (1, 3, 5)}
        choices = tuple(stars_by_choice)
        picks = counted(len(ratings) - rejects, "{n} pick gets", "{n} picks get")
        rejected = counted(rejects, "{n} reject gets", "{n} rejects get")
        answer = self.ask(
            Question(
                self.tr("Save picks as ratings"),
                counted(
                    len(ratings),
                    "Write the rating of {n} frame into its XMP sidecar?",
                    "Write the ratings of {n} frames into their XMP sidecars?",
                ),
                self.tr(
                    "{picks} the stars you choose, {rejects} -1 (rejected), as darktable, Lightroom, "
                    "digiKam and Capture One read them. A photo's existing sidecar keeps its name "
                    "and every other field; a new one is named {style}. "
                    "The photos themselves are not changed. Undo (Ctrl+Z) takes it back."
                ).format(picks=picks, rejects=rejected, style=STYLES[self.sidecar_style]),
                choices,
                default=choices[0],
            )
        )
        if answer is None:
            return
        stars = stars_by_choice[answer]
        self._start(ratings_job(review.ratings(stars), self.sidecar_style), self._rated)

    def _rated(self, report: RatingReport) -> None:
        saved = counted(
            len(report.written),
            "Saved the rating of {n} frame in its XMP sidecar",
            "Saved the ratings of {n} frames in their XMP sidecars",
        )
        if report.unchanged:
            saved += self.tr("; {n} already said so").format(n=len(report.unchanged))
        self.said.emit(saved + ". " + self.tr("Undo with Ctrl+Z."))
        if report.failed:
            failures = [Problem(path, reason) for path, reason in report.failed]
            intro = self.tr("These frames' sidecars were left as they were:")
            self.problems.emit(self.tr("Some ratings were not saved"), intro, failures)

    def _resumed(self, report: TrashReport) -> None:
        self.session.moved(report)
        self.said.emit(
            counted(
                len(report.moved),
                "Finished the interrupted move: {n} more photo in the Trash.",
                "Finished the interrupted move: {n} more photos in the Trash.",
            )
        )
        self._not_moved(report)

    # --- running ---------------------------------------------------------------------------

    def _start(self, job: Job[FileSignals], finished: Callable[[Any], object]) -> None:
        """One file job at a time, off the GUI thread; the journal says what Undo puts back next."""

        def ended(then: Callable[..., object], *args: object) -> None:
            self.job = None
            self.last_batch = journal.last_batch(batches_dir())
            self.runningChanged.emit(False)
            then(*args)

        self.job = job
        job.signals.finished.connect(lambda report: ended(finished, report))
        job.signals.failed.connect(lambda text, details: ended(self.failed.emit, text, details))
        job.start(self.pool)
        self.runningChanged.emit(True)
