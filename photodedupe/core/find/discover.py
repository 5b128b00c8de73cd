"""Find the photo files under the folders a user chose.

Photos are chosen by extension here (cheap: no file is opened); their content
is checked when they are decoded, and what they are is read from that content
(a JPEG named ``.png`` is a JPEG). Each file is listed once, however many
roots, hard links or symbolic links lead to it, and loops of linked folders
end instead of spinning.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence

from photodedupe.core.i18n import N_
from photodedupe.core.model import FileEntry, Problem
from photodedupe.core.progress import CancelToken

PHOTO_EXTENSIONS = frozenset(
    [
        ".jpg",
        ".jpeg",
        ".jpe",
        ".jfif",
        ".jfi",  # JPEG under the names browsers and old Windows tools give it
        ".jif",
        ".pjpeg",
        ".pjp",
        ".mpo",  # a 3D camera's, Fujifilm's or Nintendo's JPEG with a second frame: the first is shown
        ".png",
        ".webp",
        ".heic",
        ".heif",
        ".hif",
        ".heics",  # HEIF and AVIF image sequences (a phone's burst): the primary picture
        ".avif",
        ".avifs",
        ".tif",
        ".tiff",
        ".bmp",
        ".gif",
        ".jxl",
        # Every other photo format Pillow reads: Netpbm (what scanners and tools like
        # ImageMagick write), JPEG 2000, Photoshop (its merged picture), Kodak Photo CD,
        # Targa, SGI, PCX, QOI, animated PNG.
        ".ppm",
        ".pgm",
        ".pbm",
        ".pnm",
        ".pfm",
        ".jp2",
        ".j2k",
        ".jpf",
        ".jpx",
        ".j2c",
        ".jpc",
        ".psd",
        ".pcd",
        ".tga",
        ".sgi",
        ".rgb",
        ".rgba",
        ".bw",
        ".pcx",
        ".qoi",
        ".dib",
        ".apng",
    ]
)

#: Camera RAW formats, read through LibRaw (rawpy): decode hashes their embedded preview.
RAW_EXTENSIONS = frozenset(
    [
        ".dng",
        ".cr2",
        ".cr3",
        ".crw",
        ".nef",
        ".nrw",
        ".arw",
        ".srf",
        ".sr2",
        ".orf",
        ".rw2",
        ".raf",
        ".pef",
        ".srw",
        ".x3f",
        ".3fr",
        ".iiq",
        ".rwl",
        ".erf",
        ".mrw",
        ".kdc",
    ]
)


def is_raw_name(path: str) -> bool:
    dot = path.rfind(".")
    return dot >= 0 and path[dot:].lower() in RAW_EXTENSIONS


PHOTO_EXTENSIONS = PHOTO_EXTENSIONS | RAW_EXTENSIONS

VIDEO_EXTENSIONS = frozenset(
    {".mov", ".mp4", ".m4v", ".avi", ".mkv", ".3gp", ".mts", ".m2ts", ".wmv", ".webm", ".mpg", ".mpeg"}
)
SIDECAR_EXTENSIONS = frozenset(
    {".xmp", ".pp3", ".dop", ".aae", ".json", ".thm", ".xml", ".cos", ".on1", ".acr", ".lrv"}
)
DOCUMENT_EXTENSIONS = frozenset(
    {".pdf", ".txt", ".doc", ".docx", ".odt", ".rtf", ".md", ".html", ".htm", ".csv", ".xlsx", ".xls"}
)
#: Files that are never photos, whatever their first bytes: only other names are looked into.
NOT_PHOTO_EXTENSIONS = (
    VIDEO_EXTENSIONS
    | SIDECAR_EXTENSIONS
    | DOCUMENT_EXTENSIONS
    | frozenset(
        {
            *(".zip", ".rar", ".7z", ".gz", ".tar", ".bz2", ".xz"),  # archives
            *(".mp3", ".wav", ".m4a", ".aac", ".flac", ".ogg"),  # sound
            *(".db", ".sqlite", ".sqlite3", ".ini", ".log", ".lrcat", ".plist", ".cfg"),  # app data
            *(".svg", ".eps", ".ai", ".psb", ".exe", ".dll", ".dmg", ".iso", ".lnk", ".url"),
            *(".part", ".crdownload", ".download", ".tmp"),  # downloads and saves not finished
            *(".py", ".js", ".css", ".sh", ".bat"),
        }
    )
)

_KNOWN_EXTENSIONS = PHOTO_EXTENSIONS | NOT_PHOTO_EXTENSIONS

#: First bytes of the photo formats a browser or an app saves under another name (the ISO
#: media formats, HEIF and AVIF, say their brand after "ftyp").
_PHOTO_STARTS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1", b"avif", b"avis")


def may_hide_a_photo(name: str) -> bool:
    """A name that says nothing of what the file is: no extension, or one that is neither a photo's
    nor a known other kind ("photo.jpg_large", "image.php", "IMG_0001.jpeg~", "download")."""
    dot = name.rfind(".")
    return dot <= 0 or name[dot:].lower() not in _KNOWN_EXTENSIONS


def starts_like_a_photo(path: str) -> bool:
    """Its first 16 bytes are a JPEG's, PNG's, GIF's, TIFF's, WebP's, HEIF's or AVIF's."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    if head.startswith(_PHOTO_STARTS):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


# Folders that operating systems, NAS boxes and trash implementations own.
SYSTEM_FOLDERS = frozenset(
    name.casefold()
    for name in ("$RECYCLE.BIN", "System Volume Information", "@eaDir", "#recycle", "lost+found", "__MACOSX")
)
#: A trash, by its name: freedesktop's ``$topdir/.Trash`` and ``.Trash-UID``, macOS's ``.Trashes``,
#: Windows' ``$Recycle.Bin`` and ``RECYCLER``. A photo in a trash was thrown away: it is never a
#: copy to keep, and moving it again would orphan its record of where it came from.
_TRASH_NAME = re.compile(r"(?i)^(\.trash(-\d+)?|\.trashes|\$recycle\.bin|recycler)$")


def is_trash_name(name: str) -> bool:
    """
    >>> [is_trash_name(n) for n in (".Trash-1000", ".Trash", ".Trashes", "$RECYCLE.BIN", "Trash", ".trashy")]
    [True, True, True, True, False, False]
    """
    return bool(_TRASH_NAME.match(name))


def never_scanned() -> dict[tuple[int, int], str]:
    """Folders never read, whatever their names, by (device, inode): what each is.

    The home trash (``$XDG_DATA_HOME/Trash``), and photodedupe's own data and cache.
    """
    from photodedupe.core.paths import cache_dir, data_dir, home_trash

    found = {}
    for folder, what in ((home_trash(), N_("a trash")), (data_dir(), N_("photodedupe's own data")),
                         (cache_dir(), N_("photodedupe's own cache"))):  # fmt: skip
        try:
            st = os.stat(folder)
        except OSError:
            continue
        found[(st.st_dev, st.st_ino)] = what
    return found


def _inside_never_scanned(path: str, never: dict[tuple[int, int], str]) -> str | None:
    """What forbidden folder ``path`` is in (a trash, our own data), if any."""
    current = os.path.abspath(path)
    while True:
        if is_trash_name(os.path.basename(current)):
            return N_("a trash")
        try:
            st = os.stat(current)
        except OSError:
            st = None
        if st is not None and (st.st_dev, st.st_ino) in never:
            return never[(st.st_dev, st.st_ino)]
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


_WINDOWS_HIDDEN_OR_SYSTEM = 0x2 | 0x4


def is_photo_name(name: str) -> bool:
    """By extension only (called for every file of a library: kept cheap)."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in PHOTO_EXTENSIONS


def _is_hidden(entry: os.DirEntry[str], st: os.stat_result) -> bool:
    if entry.name.startswith("."):
        return True
    return bool(getattr(st, "st_file_attributes", 0) & _WINDOWS_HIDDEN_OR_SYSTEM)


def _describe(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return N_("permission denied")
    if isinstance(exc, FileNotFoundError):
        return N_("it vanished while scanning")
    return exc.strerror or type(exc).__name__


def excluded_by(path: str, patterns: Sequence[str]) -> bool:
    """True if ``path`` (a folder or file) matches one of ``patterns``.

    A pattern is a glob matched against the whole path and against the name
    alone ("Backup", "*.tmp.jpg", "*/Export/web"), or a folder's path, which
    excludes everything under it.

    >>> excluded_by("/p/Backup/a.jpg", ["Backup"]), excluded_by("/p/Backup", ["Backup"])
    (False, True)
    >>> excluded_by("/p/web/a.jpg", ["/p/web"]), excluded_by("/p/webs/a.jpg", ["/p/web"])
    (True, False)
    """
    name = os.path.basename(path)
    for pattern in patterns:
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(path, pattern):
            return True
        if os.path.isabs(pattern) and path.startswith(pattern.rstrip(os.sep) + os.sep):
            return True
    return False


def find_photos(
    roots: Iterable[str],
    *,
    include_hidden: bool = False,
    cancel: CancelToken | None = None,
    on_found: Callable[[int, str], None] | None = None,
    skipped: list[str] | None = None,
    exclude: Sequence[str] = (),
) -> tuple[list[FileEntry], list[Problem]]:
    """Return the photo files under ``roots`` (sorted by path) and the problems met on the way.

    A root may also be a single file, which is taken whatever its extension.
    ``on_found(count, folder)`` is called as each folder is read. A file whose
    name says nothing of what it is ("photo.jpg_large", "download") is a photo
    when its first bytes say so. Files that are not photos (videos, documents,
    sidecars) are added to ``skipped``, if given, so a summary can say how many
    were left out.
    Folders and files matching ``exclude`` (see ``excluded_by``) are not read.
    """
    files: list[FileEntry] = []
    errors: list[Problem] = []
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def add_file(path: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            files.append(FileEntry.of(path, st))

    never = never_scanned()
    for root in sorted({os.path.abspath(r) for r in roots}):
        try:
            st = os.stat(root)
        except OSError as exc:
            errors.append(Problem(root, N_("cannot open: {error}").format(error=_describe(exc))))
            continue
        if (what := _inside_never_scanned(root, never)) is not None:
            errors.append(
                Problem(
                    root, N_("not scanned: it is in {what}, which photodedupe never reads").format(what=what)
                )
            )
            continue
        if stat.S_ISREG(st.st_mode):
            add_file(root, st)
            continue
        stack = [root]
        while stack:
            if cancel is not None:
                cancel.raise_if_cancelled()
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError as exc:
                errors.append(
                    Problem(folder, N_("folder cannot be read: {error}").format(error=_describe(exc)))
                )
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                continue  # reached again through a link, or a loop of links
            seen_dirs.add((st.st_dev, st.st_ino))
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                errors.append(
                    Problem(folder, N_("folder cannot be read: {error}").format(error=_describe(exc)))
                )
                continue
            subfolders = []
            for entry in entries:
                try:
                    st = entry.stat()  # follows symbolic links
                except FileNotFoundError:
                    if entry.is_symlink() and is_photo_name(entry.name):
                        errors.append(Problem(entry.path, N_("broken link: its target does not exist")))
                    continue
                except OSError as exc:
                    if is_photo_name(entry.name):
                        errors.append(
                            Problem(entry.path, N_("cannot read: {error}").format(error=_describe(exc)))
                        )
                    continue
                if not include_hidden and _is_hidden(entry, st):
                    continue
                if exclude and excluded_by(entry.path, exclude):
                    continue
                if stat.S_ISDIR(st.st_mode):
                    system = entry.name.casefold() in SYSTEM_FOLDERS or is_trash_name(entry.name)
                    if not system and (st.st_dev, st.st_ino) not in never:
                        subfolders.append(entry.path)
                elif stat.S_ISREG(st.st_mode):
                    # A link to a photo is not the photo: trashing it would free nothing and leave
                    # the photo behind. It is skipped (and listed); its target is found where it is.
                    if not entry.is_symlink() and (
                        is_photo_name(entry.name)
                        or (may_hide_a_photo(entry.name) and starts_like_a_photo(entry.path))
                    ):
                        add_file(entry.path, st)
                    elif skipped is not None:
                        skipped.append(entry.path)
            stack.extend(reversed(subfolders))  # depth first, in name order
            if on_found is not None:
                on_found(len(files), folder)
    files.sort(key=lambda f: f.path)
    if skipped is not None:
        skipped.sort()
    return files, errors
