"""One scan, start to finish: find → cache split → digest → decode + hash → compare.

The shape follows Czkawka's pipeline. Files are decoded on a thread pool (one
thread per CPU: Pillow releases the GIL while decoding); results reach the
cache in batches as they arrive, also when the scan is cancelled, so a
cancelled or crashed scan resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import replace

import numpy as np

from photodedupe.core.details import Details, edits_in_file
from photodedupe.core.find.cache import CachedResult, HashCache
from photodedupe.core.find.companions import find_companions, read_edits_of, skipped_by_kind
from photodedupe.core.find.decode import PhotoError, decode_photo, decoders
from photodedupe.core.find.discover import find_photos
from photodedupe.core.find.features import WINDOW_COUNT
from photodedupe.core.find.frames import measure_moments
from photodedupe.core.find.hashing import HASH_RECIPE, hashes_to_words, packed_words
from photodedupe.core.find.identical import alike_at_start, digest_file, files_needing_digest
from photodedupe.core.find.index import Edges, candidate_edges
from photodedupe.core.find.options import ScanOptions
from photodedupe.core.find.result import ScanResult
from photodedupe.core.find.verify import PAIRS_RECIPE, verified
from photodedupe.core.i18n import N_
from photodedupe.core.model import Companion, FileEntry, Photo, PhotoInfo, Problem, ScanStats
from photodedupe.core.progress import CancelToken, Progress, ProgressCallback, Stage, Throttle
from photodedupe.core.thresholds import HASH_SIZES

log = logging.getLogger(__name__)

_FLUSH_EVERY = 256  # results per cache transaction
_FLUSH_SECONDS = 2.0
_FIRST_PARTIAL = 1.0  # seconds into decoding before the first snapshot of groups
_PARTIAL_INTERVAL = 2.0
# Formats libjpeg can decode at 1/8 scale go first: the user sees most of the
# library hashed early, and slow formats (PNG, HEIC...) do not hold up the rest.
_FAST_EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif")


_Outcome = tuple[FileEntry, PhotoInfo | None, PhotoError | None]


def _decode_one(entry: FileEntry, hash_size: int) -> _Outcome:
    """Decode in a worker thread; never raises, so one bad file cannot stop the scan."""
    try:
        for _attempt in range(2):
            entry = FileEntry.of(entry.path, os.stat(entry.path))  # what is decoded is what is cached
            info = decode_photo(entry.path, hash_size)
            if entry.same_as(os.stat(entry.path)):
                return entry, info, None
        # Written to while it was read, twice: caching that hash could serve a wrong one later.
        return (
            entry,
            None,
            PhotoError(N_("it kept changing while it was read; scan again later"), lasting=False),
        )
    except PhotoError as exc:
        return entry, None, exc
    except FileNotFoundError:
        return entry, None, PhotoError(N_("the file vanished before it could be read"), lasting=False)
    except Exception as exc:  # a decoder bug must not end the scan
        return (
            entry,
            None,
            PhotoError(N_("unexpected error while decoding: {error}").format(error=repr(exc)), lasting=False),
        )


PartialCallback = Callable[[ScanResult], None]


class _Scan:
    def __init__(
        self,
        options: ScanOptions,
        cache: HashCache,
        cancel: CancelToken,
        report: Throttle,
        on_partial: PartialCallback | None = None,
    ) -> None:
        self.options = options
        self.on_partial = on_partial
        self.walk_errors: list[Problem] = []
        self.started = time.monotonic()
        self._next_partial = self.started + _FIRST_PARTIAL
        self.cache = cache
        self.cancel = cancel
        self.report = report
        self.bits = options.hash_bits
        self.results: dict[str, CachedResult] = {}
        self.entries: dict[str, FileEntry] = {}
        self.digests: dict[str, bytes] = {}
        self.thumbs: dict[str, bytes] = {}  # of cached photos, read only when pairs need verifying
        self.skipped: list[str] = []
        self.companions: dict[str, tuple[Companion, ...]] = {}  # by photo path
        self.sidecars: dict[str, Companion] = {}  # XMP sidecars read so far, by path
        self.stats = ScanStats()

    def find(self, roots: Iterable[str]) -> list[Problem]:
        start = time.monotonic()

        def found(count: int, folder: str) -> None:
            self.report(Progress(Stage.FINDING, count, None, folder, time.monotonic() - start))

        files, errors = find_photos(
            roots,
            include_hidden=self.options.include_hidden,
            cancel=self.cancel,
            on_found=found,
            skipped=self.skipped,
            exclude=self.options.exclude,
        )
        self.entries = {f.path: f for f in files}
        # XMP sidecars are read only for photos that can be in a group (``_with_edits``)
        self.companions = find_companions(list(self.entries), self.skipped, read_edits=False)
        self.stats.files = len(files)
        self.report(Progress(Stage.FINDING, len(files), len(files), "", time.monotonic() - start), force=True)
        return errors

    def find_identical(self, pool: ThreadPoolExecutor) -> None:
        """Digest the files that share a size with another; reuse cached digests."""
        candidates = files_needing_digest(list(self.entries.values()))
        self.digests = self.cache.lookup_digests(candidates)
        missing = [f for f in candidates if f.path not in self.digests]
        missing = alike_at_start(missing, {f.size for f in candidates if f.path in self.digests}, pool.map)
        fresh: list[tuple[FileEntry, bytes]] = []
        for entry, digest in zip(missing, pool.map(_digest_or_none, [f.path for f in missing]), strict=True):
            if digest is not None:
                self.digests[entry.path] = digest
                fresh.append((entry, digest))
        self.cache.store_digests(fresh)

    def decode_missing(self, pool: ThreadPoolExecutor) -> None:
        files = list(self.entries.values())
        self.results = self.cache.lookup(files, self.bits)
        self.stats.from_cache = len(self.results)
        # One decode per set of byte-identical files; the others share its result.
        copies: dict[bytes, list[FileEntry]] = defaultdict(list)
        todo: list[FileEntry] = []
        known_by_digest = {self.digests[p]: r for p, r in self.results.items() if p in self.digests}
        reused: list[tuple[FileEntry, PhotoInfo | None, str | None]] = []
        for f in files:
            if f.path in self.results:
                continue
            digest = self.digests.get(f.path)
            if digest is not None and digest in known_by_digest:
                result = known_by_digest[digest]
                self.results[f.path] = result
                reused.append((f, result.info, result.error))
                continue
            if digest is not None:
                copies[digest].append(f)
                if len(copies[digest]) > 1:
                    continue
            todo.append(f)
        self.cache.store(reused, self.bits)
        todo.sort(key=lambda f: not f.path.lower().endswith(_FAST_EXTENSIONS))
        self._decode(pool, todo, copies)

    def _decode(
        self, pool: ThreadPoolExecutor, todo: Sequence[FileEntry], copies: dict[bytes, list[FileEntry]]
    ) -> None:
        hash_size = HASH_SIZES[self.bits]
        total, done = len(todo), 0
        start = last_flush = time.monotonic()
        unsaved: list[tuple[FileEntry, PhotoInfo | None, str | None]] = []
        queue = iter(todo)
        pending: set[Future[_Outcome]] = set()
        in_flight = self.options.worker_count() * 4  # enough to keep workers busy, few to wait for on cancel

        def refill() -> None:
            while not self.cancel.cancelled and len(pending) < in_flight:
                entry = next(queue, None)
                if entry is None:
                    return
                pending.add(pool.submit(_decode_one, entry, hash_size))

        refill()
        try:
            while pending:
                if self.cancel.cancelled:
                    # Drop the decodes that have not started: only those running are waited
                    # for (a few 12 MP PNGs or HEICs queued would hold a Cancel for seconds).
                    pending = {f for f in pending if not f.cancel()}
                    if not pending:
                        break
                finished, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                for future in finished:
                    pending.discard(future)
                    entry, info, error = future.result()
                    # As stat'ed when decoded: the file may have changed since it was listed.
                    self.entries[entry.path] = entry
                    done += 1
                    self.stats.hashed += 1
                    reason = str(error) if error is not None else None
                    outcome = CachedResult(info, reason)
                    digest = self.digests.get(entry.path)
                    same = copies.get(digest, [entry]) if digest is not None else [entry]
                    for copy in same:
                        self.results[copy.path] = outcome
                        if error is None or error.lasting:
                            unsaved.append((entry if copy.path == entry.path else copy, info, reason))
                    self.report(Progress(Stage.HASHING, done, total, entry.path, time.monotonic() - start))
                refill()
                self._maybe_partial()
                now = time.monotonic()
                if len(unsaved) >= _FLUSH_EVERY or (unsaved and now - last_flush > _FLUSH_SECONDS):
                    self.cache.store(unsaved, self.bits)
                    unsaved, last_flush = [], now
        except BaseException:  # Ctrl+C, or a progress callback that failed
            self.cancel.cancel()  # submit nothing more, and start nothing queued
            for future in pending:
                future.cancel()
            raise
        finally:
            self.cache.store(unsaved, self.bits)  # what was hashed is kept, whatever happens
        self.report(Progress(Stage.HASHING, done, total, "", time.monotonic() - start), force=True)
        self.cancel.raise_if_cancelled()

    def result(self, complete: bool) -> ScanResult:
        """Photos, problems and close pairs of everything hashed so far."""
        photos, errors = self.collect()
        edges = None
        library = self._library_key(photos) if complete else b""
        if complete:
            stored = self.cache.lookup_pairs(library)
            edges = Edges.from_bytes(stored) if stored is not None else None
        if edges is None:
            edges = self._pairs(photos)
            if complete:
                self.cache.store_pairs(library, edges.to_bytes())
        self._with_edits(photos, edges)
        stats = ScanStats(
            self.stats.files,
            self.stats.hashed,
            self.stats.from_cache,
            time.monotonic() - self.started,
            len(self.skipped),
        )
        notices = list(self.cache.notices)
        return ScanResult(photos, errors, stats, self.bits, edges, notices, complete, self.skipped)

    def _with_edits(self, photos: list[Photo], edges: Edges) -> None:
        """Read the XMP sidecars of the photos in a pair: the rest are in no group, where edits matter.

        Reading every sidecar of a large, well-kept library would be most of a warm rescan.
        """
        caught_up: list[tuple[FileEntry, PhotoInfo | None, str | None]] = []
        for k in np.unique(np.concatenate([edges.i, edges.j])).tolist():
            photo = photos[k]
            if any(c.kind == "xmp" for c in photo.companions):
                read = tuple(self._read_sidecar(c) for c in photo.companions)
                self.companions[photo.path] = read
                photo = photos[k] = replace(photo, companions=read)
            if photo.info.details is not None and '"xmp_read"' not in photo.info.details:
                # Cached before ratings inside photos were read: read them once (the header
                # only, no pixels) and cache them, so the ★ and the tooltips know them.
                caught_up.append(self._with_details(photos, k, _caught_up(photo)))
        if caught_up:
            self.cache.store(caught_up, self.bits)

    def remember_subsec(self, photos: list[Photo], read: dict[int, str]) -> None:
        """Sub-seconds read for photos cached before they were kept: kept now, read once."""
        caught_up = []
        for k, subsec in read.items():
            details = Details.from_json(photos[k].info.details)
            details.subsec = subsec
            caught_up.append(self._with_details(photos, k, details.to_json()))
        if caught_up:
            self.cache.store(caught_up, self.bits)

    def _with_details(self, photos: list[Photo], k: int, details: str) -> tuple[FileEntry, PhotoInfo, None]:
        """Photo ``k`` with metadata read since it was cached, and its row for the cache."""
        photo = photos[k] = replace(photos[k], info=replace(photos[k].info, details=details))
        self.results[photo.path] = CachedResult(photo.info, None)
        return photo.file, photo.info, None

    def _read_sidecar(self, companion: Companion) -> Companion:
        if companion.path not in self.sidecars:  # a sidecar shared by two photos is read once
            self.sidecars[companion.path] = read_edits_of(companion)
        return self.sidecars[companion.path]

    def _pairs(self, photos: list[Photo]) -> Edges:
        """Find the candidate pairs and verify them: the one step that looks at all photos at once."""
        words = self._words([p.info.hash for p in photos])
        oriented = crops = None
        size = self.bits // 8  # bytes per hash: 8 turned hashes and the crop windows per photo
        if photos and all(
            (len(p.info.content), len(p.info.windows)) == (8 * size, WINDOW_COUNT * size) for p in photos
        ):
            oriented = packed_words([p.info.content for p in photos], self.bits)
            crops = packed_words([p.info.windows for p in photos], self.bits)
        edges = candidate_edges(words, self.options.slider_max(), self.cancel, oriented, crops)
        return verified(edges, photos, self.bits, self._thumbs(photos, edges))

    def _thumbs(self, photos: list[Photo], edges: Edges) -> list[bytes]:
        """The verification thumbnails of the photos in ``edges`` (b"" for the others).

        Photos decoded in this scan carry theirs; cached ones are read from the
        cache, once per scan, and only when pairs need verifying at all. A
        byte-identical copy shares its original's.
        """
        involved = np.zeros(len(photos), bool)
        involved[edges.i] = involved[edges.j] = True
        missing = [photos[k].file for k in np.flatnonzero(involved).tolist() if not photos[k].info.thumb]
        missing = [f for f in missing if f.path not in self.thumbs]
        if missing:
            self.thumbs.update(self.cache.lookup_thumbs(missing, self.bits))
        by_digest = {}
        for p in photos:
            thumb = p.info.thumb or self.thumbs.get(p.path)
            if p.digest and thumb:
                by_digest[p.digest] = thumb
        return [
            (p.info.thumb or self.thumbs.get(p.path) or (by_digest.get(p.digest, b"") if p.digest else b""))
            if involved[k]
            else b""
            for k, p in enumerate(photos)
        ]

    def _library_key(self, photos: list[Photo]) -> bytes:
        """Identifies this exact set of unchanged photos and the settings that shape their pairs."""
        h = hashlib.blake2b(digest_size=20)
        h.update(f"{HASH_RECIPE}:{PAIRS_RECIPE}:{self.bits}:{self.options.slider_max()}".encode())
        files = (p.file for p in photos)
        text = "".join(f"{f.path}\0{f.size}:{f.mtime_ns}:{f.ino}:{f.ctime_ns}\n" for f in files)
        h.update(text.encode(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors()))  # fsencode
        return h.digest()

    def _words(self, hashes: list[int]) -> np.ndarray:
        return hashes_to_words(hashes, self.bits)

    def _maybe_partial(self) -> None:
        """Hand out the groups found so far, so a long first scan shows something early.

        A snapshot is taken again only after ten times as long as the last one
        took, so they never cost more than a tenth of the scan.
        """
        now = time.monotonic()
        if self.on_partial is None or now < self._next_partial:
            return
        snapshot = self.result(complete=False)
        self.on_partial(snapshot)
        cost = time.monotonic() - now
        self._next_partial = time.monotonic() + max(_PARTIAL_INTERVAL, 10 * cost)

    def collect(self) -> tuple[list[Photo], list[Problem]]:
        photos: list[Photo] = []
        errors = list(self.walk_errors)
        for path in sorted(self.entries):
            result = self.results.get(path)
            if result is None:
                continue
            if result.info is not None:
                entry, digest = self.entries[path], self.digests.get(path)
                photos.append(Photo(entry, result.info, digest, self.companions.get(path, ())))
            else:
                errors.append(Problem(path, result.error or N_("unknown problem")))
        errors.sort(key=lambda e: e.path)
        return photos, errors


def _caught_up(photo: Photo) -> str:
    """The photo's cached metadata with the edits in its own XMP, read now."""
    details = Details.from_json(photo.info.details)
    inside = edits_in_file(photo.path)
    details.rating, details.label, details.keywords = inside.rating, inside.label, inside.keywords
    details.xmp_read = True
    return details.to_json()


def _digest_or_none(path: str) -> bytes | None:
    try:
        return digest_file(path)
    except OSError:
        return None  # the decode step reports why the file cannot be read


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a scan builds its hundreds of thousands of objects.

    None of them form cycles, yet each collection walks all of them: at 100,000
    cached files the collector took a third of a warm rescan (2.0–2.4 s → 1.5 s
    without it). Left as it was found: the app runs the collector itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def scan(
    roots: Iterable[str],
    *,
    cache: HashCache,
    options: ScanOptions | None = None,
    cancel: CancelToken | None = None,
    on_progress: ProgressCallback | None = None,
    on_partial: PartialCallback | None = None,
) -> ScanResult:
    """Scan ``roots`` and return every photo, every problem file and the close pairs.

    ``on_partial``, if given, receives snapshots (``complete=False``) of what
    was hashed so far every few seconds while photos are decoded. Raises
    ``Cancelled`` if ``cancel`` is set; what was hashed until then is in the cache.
    """
    options = options or ScanOptions()
    if options.hash_bits not in HASH_SIZES:
        raise ValueError(f"unsupported hash length {options.hash_bits}")
    roots = list(roots)
    log.info("scan of %s (%d-bit hash)", ", ".join(roots), options.hash_bits)
    log.debug("decoders: %s", decoders())
    cancel = cancel or CancelToken()
    job = _Scan(options, cache, cancel, Throttle(on_progress), on_partial)
    with _collector_paused():
        job.walk_errors = job.find(roots)
        with ThreadPoolExecutor(options.worker_count(), thread_name_prefix="photodedupe-decode") as pool:
            job.find_identical(pool)
            cancel.raise_if_cancelled()
            job.decode_missing(pool)
        elapsed = time.monotonic() - job.started
        job.report(Progress(Stage.COMPARING, 0, len(job.results), "", elapsed), force=True)
        result = job.result(complete=True)
        # Frames of one moment (a burst, a re-take): measured, so the sharpest is the one kept.
        read: dict[int, str] = {}
        result.set_sharpness(measure_moments(result, cache, cancel, options.worker_count(), read))
        job.remember_subsec(result.photos, read)
    s = result.stats
    log.info(
        "scanned %d files (%d decoded, %d from the cache, %d problems, %d skipped as not photos) in %.1f s",
        s.files, s.hashed, s.from_cache, len(result.errors), s.skipped, s.seconds,
    )  # fmt: skip
    for error in result.errors:
        log.debug("problem file %s: %s", error.path, error.reason)
    belonging = {c.path: p.path for p in result.photos for c in p.companions}
    for kind, paths in skipped_by_kind(result.skipped).items():
        log.debug("skipped as not photos, %d %s:", len(paths), kind)
        for path in paths:
            owner = belonging.get(path)
            log.debug("  %s%s", path, f" (belongs to {os.path.basename(owner)})" if owner else "")
    for notice in result.notices:
        log.warning("%s", notice)
    return result
