"""The ``photodedupe`` command line: its arguments, and which command runs.

Light on purpose: ``--help`` and a usage error answer without importing numpy,
numba or Pillow (a third of a second); ``photodedupe.commands`` does the work
and is imported only once the arguments are understood.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from photodedupe import __version__
from photodedupe.core import i18n, logs
from photodedupe.core.cull.series import DEFAULT_WINDOW
from photodedupe.core.files.sidecars import DEFAULT_STYLE, STYLES
from photodedupe.core.i18n import LANGUAGES, N_, Nn_, _, n_
from photodedupe.core.keep.rules import DEFAULT_RULES, RULES, parse_rules
from photodedupe.core.thresholds import DEFAULT_LEVEL, HASH_SIZES, default_threshold, levels
from photodedupe.exits import Exit

VERBOSE = ("-v", "--verbose")
LANG = "--lang"
#: argparse's own words for people: it looks them up through its module's ``_`` and ``ngettext``,
#: which ``_speak`` points at our catalogs. Listed here so that the catalogs hold them.
_ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    Nn_("expected %s argument", "expected %s arguments"),
)
COMMANDS = ("scan", "clean", "find", "cull", "undo", "resume")


def _levels_help() -> str:
    return ", ".join(f"{_(lv.name).lower()} {lv.bits}" for lv in levels(128))


def _scan_options(parser: argparse.ArgumentParser) -> None:
    """The options every command that scans shares."""
    parser.add_argument("paths", nargs="+", metavar=_("PATH"), help=_("folders (or single photos) to scan"))
    parser.add_argument(
        "-t",
        "--threshold",
        type=int,
        metavar=_("BITS"),
        help=_(
            "largest difference, in bits of the hash, for two photos to be grouped "
            "(128-bit hash: {levels}; default: {level}, {default})"
        ).format(levels=_levels_help(), level=_(DEFAULT_LEVEL).lower(), default=default_threshold(128)),
    )
    parser.add_argument("--json", action="store_true", help=_("print one JSON object instead of text"))
    parser.add_argument("--no-cache", action="store_true", help=_("neither read nor write the hash cache"))
    parser.add_argument(
        "--hash-bits",
        type=int,
        choices=sorted(HASH_SIZES),
        default=128,
        help=_("hash length: 128 (9×9 grid) or a finer 512 (17×17 grid); default 128"),
    )
    parser.add_argument(
        "--include-hidden",
        action="store_true",
        help=_(
            "also scan hidden files and folders (never a trash — .Trash-UID, .Trash, .Trashes, "
            "$Recycle.Bin, the home trash — nor photodedupe's own data)"
        ),
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar=_("GLOB"),
        help=_(
            "leave out folders and files whose name or path matches (e.g. 'Backup', '*/Export/*', "
            "or a folder's path); may be given again"
        ),
    )
    parser.add_argument(
        "--workers", type=int, default=0, metavar="N", help=_("decoding threads (default: one per CPU)")
    )


def _cull_options(commands) -> None:
    cu = commands.add_parser(
        "cull",
        help=_("find the series (bursts) of a shoot and rank their frames, sharpest first"),
        description=_(
            "Scan, then group frames taken close together by one camera and looking alike "
            "into series, and rank each series' frames: the sharpest first, with why. Nothing is "
            "touched without --apply; with --keep N --apply the other frames go to the trash."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_("examples:")
        + "\n"
        + _examples(
            ("photodedupe cull ~/Shoot", ""),
            ("photodedupe cull --window 1 --json ~/Shoot > series.json", ""),
            ("photodedupe cull --keep 2 --apply ~/Shoot", ""),
            (
                "photodedupe cull --write-xmp --stars 3 ~/Shoot",
                _("picks get 3 stars, the rest -1 (rejected)"),
            ),
            ("photodedupe cull --write-xmp --xmp-style lightroom ~/Shoot", ""),
        ),
    )
    _scan_options(cu)
    cu.add_argument(
        "--window",
        type=float,
        default=DEFAULT_WINDOW,
        metavar=_("SECONDS"),
        help=_("longest time between two frames of one series (default {seconds})").format(
            seconds=f"{DEFAULT_WINDOW:g}"
        ),
    )
    cu.add_argument(
        "--keep", type=int, default=1, metavar="N", help=_("frames of each series kept (default 1)")
    )
    cu.add_argument("--apply", action="store_true", help=_("move every frame but the best N to the trash"))
    cu.add_argument(
        "--write-xmp",
        action="store_true",
        help=_(
            "hand the culling to your editor: write the rating of each frame into its XMP sidecar "
            "(the best N: --stars; the rest: -1, rejected), keeping every other field; 'photodedupe undo' "
            "takes it back"
        ),
    )
    cu.add_argument(
        "--stars", type=int, default=1, metavar="N", help=_("the rating --write-xmp gives a pick (default 1)")
    )
    _xmp_style_option(cu)


def _xmp_style_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--xmp-style",
        choices=sorted(STYLES),
        default=DEFAULT_STYLE,
        help=_(
            "the name of a new sidecar: darktable and digiKam read NAME.EXT.xmp, Lightroom NAME.xmp "
            "(default {style}; a photo's existing sidecar is used whatever this says)"
        ).format(style=DEFAULT_STYLE),
    )


def _examples(*lines: tuple[str, str]) -> str:
    """Example commands, each with what it does beside it (on a line of its own when too long)."""
    out = []
    for command, what in lines:
        if not what:
            out.append(f"  {command}")
        elif len(command) < 44:
            out.append(f"  {command:<44}{what}")
        else:
            out.append(f"  {command}\n  {'':<44}{what}")
    return "\n".join(out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="photodedupe",
        usage=_("photodedupe [FOLDER...] [--theme THEME]\n       photodedupe COMMAND [options] ..."),
        description=_(
            "Find near-duplicate photos. Without a command, opens the desktop app "
            "(and scans the FOLDERs given)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_("examples:")
        + "\n"
        + _examples(
            ("photodedupe ~/Pictures", _("open the window and scan a folder")),
            ("photodedupe scan ~/Pictures", _("list the groups of near-duplicates")),
            ("photodedupe scan --json ~/Pictures > r.json", _("the same as JSON")),
            ("photodedupe clean ~/Pictures", _("say which photo of each group is kept (a dry run)")),
            (
                "photodedupe clean --apply --reference ~/Archive ~/Pictures",
                _("move the others to the trash, never touching ~/Archive"),
            ),
            ("photodedupe undo", _("put the last batch back")),
            ("photodedupe --install-desktop", _("add the app to the desktop's menu (--uninstall-desktop)")),
            ("photodedupe --lang de scan ~/Pictures", _("the same in German (de, en, es, fr)")),
            ("photodedupe find IMG_1234.jpg ~/Pictures", _("every photo like this one")),
            ("photodedupe cull ~/Shoot", _("bursts of a shoot, sharpest frame first")),
            ("photodedupe cull --keep 1 --apply ~/Shoot", _("keep the best frame of each, trash the rest")),
        )
        + "\n\n"
        + _("Run 'photodedupe COMMAND --help' for a command's options."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"photodedupe {__version__}",
        help=_("show the program's version and exit"),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=_("say what happens on stderr too (it is always logged to {path})").format(path=logs.log_path()),
    )
    parser.add_argument(
        "--lang",
        metavar=_("LANGUAGE"),
        help=_("the language to speak: {languages} (default: the system's, then English)").format(
            languages=", ".join(sorted(LANGUAGES))
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True, prog="photodedupe")
    sc = commands.add_parser(
        "scan",
        help=_("scan folders and print the groups of near-duplicate photos"),
        description=_(
            "Scan folders (recursively) and print the groups of near-duplicate photos. "
            "Files that cannot be used are listed with the reason; the scan goes on."
        ),
    )
    _scan_options(sc)
    sc.add_argument(
        "--csv",
        action="store_true",
        help=_("print CSV instead: one row per photo in a group, with its metadata"),
    )
    cl = commands.add_parser(
        "clean",
        help=_("keep the best photo of each group; list (or, with --apply, trash) the others"),
        description=_(
            "Scan, then in each group keep one photo by the --keep rules and list the others. "
            "Nothing is touched without --apply; with it they go to the trash (never deleted), "
            "and 'photodedupe undo' puts them back."
        ),
    )
    _scan_options(cl)
    cl.add_argument(
        "--keep",
        type=_rules_arg,
        default=DEFAULT_RULES,
        metavar=_("RULE[,RULE...]"),
        help=_("which photo each group keeps, first rule first: {rules} (default: {default})").format(
            rules=", ".join(RULES), default=",".join(DEFAULT_RULES)
        ),
    )
    cl.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar=_("DIR"),
        help=_("a folder whose files are never trashed (and kept first); may be given again"),
    )
    cl.add_argument(
        "--prefer-folder",
        action="append",
        default=[],
        metavar=_("DIR"),
        help=_("a folder the 'folder' rule prefers to keep from; may be given again"),
    )
    cl.add_argument(
        "--split-raw-pairs",
        action="store_true",
        help=_(
            "let a RAW and the JPEG shot with it (same folder and name) go separately "
            "(default: keeping one keeps both)"
        ),
    )
    cl.add_argument(
        "--apply",
        action="store_true",
        help=_(
            "move the photos listed to the trash, with the files that belong to them (sidecars, Live "
            "Photo videos, Takeout JSON); a trashed copy's rating and keywords go to the kept photo's sidecar"
        ),
    )
    _xmp_style_option(cl)
    fd = commands.add_parser(
        "find",
        help=_("find the photos like one photo (search by example), nearest first"),
        description=_(
            "Scan PATHs, then list every photo within the threshold of PHOTO, nearest first "
            "(turned and mirrored copies too)."
        ),
    )
    fd.add_argument("example", metavar=_("PHOTO"), help=_("the photo to look for"))
    _scan_options(fd)
    _cull_options(commands)
    for name, text, description in (
        (
            "undo",
            _("put back the photos of the last batch moved to the trash"),
            _("Put back the photos of the last batch moved to the trash."),
        ),
        (
            "resume",
            _("finish a batch of moves to the trash that was interrupted"),
            _("Finish a batch of moves to the trash that was interrupted."),
        ),
    ):
        cmd = commands.add_parser(name, help=text, description=description)
        cmd.add_argument("--json", action="store_true", help=_("print one JSON object instead of text"))
    return parser


def _rules_arg(text: str) -> tuple[str, ...]:
    try:
        return parse_rules(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    with logs.c_libraries_to_log():  # only our own words on stderr
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    # File names are bytes on Linux: print the ones that are not UTF-8 as they are.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")
    argv = sys.argv[1:] if argv is None else list(argv)
    verbose = any(a in VERBOSE for a in argv)  # anywhere: before or after the command
    argv = [a for a in argv if a not in VERBOSE]
    logs.setup(verbose)
    language, argv = _language_option(argv)
    if (problem := _speak(language)) is not None:
        print(f"photodedupe: {problem}", file=sys.stderr)
        return Exit.USAGE
    if argv and argv[0] in ("--install-desktop", "--uninstall-desktop"):
        from photodedupe.desktop_entry import main as desktop_entry

        return desktop_entry(argv[0])
    window = not argv or not (argv[0] in COMMANDS or argv[0].startswith("-")) or argv[0] == "--theme"
    if language is not None:  # for the window, whose setting it overrides; the parser knows it
        argv = [LANG, language, *argv]
    if window:
        from photodedupe.gui.app import main as open_window  # Qt is imported only for the window

        return open_window(argv)
    try:
        status = _command(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        print("photodedupe: interrupted.", file=sys.stderr)
        return Exit.CANCELLED
    return status


def _language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) from anywhere in ``argv``, and the rest: the words of
    ``--help`` and of every error are in that language, so it is set before anything is said."""
    language, rest = None, []
    words = iter(argv)
    for word in words:
        if word == LANG:
            language = next(words, "")
        elif word.startswith(LANG + "="):
            language = word.split("=", 1)[1]
        else:
            rest.append(word)
    return language, rest


def _speak(language: str | None) -> str | None:
    """Speak ``language`` (None: the system's); what is wrong with it, if anything."""
    try:
        i18n.use(language)
    except ValueError as exc:
        i18n.use("en")
        return str(exc)
    argparse._ = _  # type: ignore[attr-defined]  # argparse's words, looked up when it speaks
    argparse.ngettext = n_  # type: ignore[attr-defined]
    return None


def _command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from photodedupe import commands  # numpy, numba, Pillow: only now that there is work

    if args.command not in ("undo", "resume"):
        commands.warn_interrupted()
    return commands.RUNNERS[args.command](args)


def _reader_gone() -> int:
    """The reader of our output went away (``| head``): stop quietly, as Unix tools do.

    Python would print a BrokenPipeError on exit when it flushes stdout again:
    point stdout at /dev/null first.
    """
    with contextlib.suppress(AttributeError, ValueError, OSError):  # a stream with no file (tests)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return Exit.PIPE
