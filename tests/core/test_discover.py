"""Finding files: hidden and system folders, links, loops, overlapping roots."""

from __future__ import annotations

import os
from pathlib import Path

from photodedupe.core.find.discover import find_photos
from photodedupe.core.keep.keeper import keeper_for


def touch(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def names(files) -> list[str]:
    return [os.path.basename(f.path) for f in files]


def test_extensions_hidden_and_system_folders(tmp_path: Path) -> None:
    touch(tmp_path / "a.JPG")
    touch(tmp_path / "sub" / "b.heic")
    touch(tmp_path / "notes.txt")
    touch(tmp_path / "a.xmp")
    touch(tmp_path / ".hidden.jpg")
    touch(tmp_path / ".thumbnails" / "c.png")
    touch(tmp_path / "@eaDir" / "d.jpg")
    touch(tmp_path / "$RECYCLE.BIN" / "e.jpg")
    files, errors = find_photos([str(tmp_path)])
    assert names(files) == ["a.JPG", "b.heic"] and errors == []
    files, _ = find_photos([str(tmp_path)], include_hidden=True)
    assert sorted(names(files)) == [".hidden.jpg", "a.JPG", "b.heic", "c.png"]


def test_each_file_once(tmp_path: Path) -> None:
    a = touch(tmp_path / "lib" / "a.jpg")
    os.link(a, tmp_path / "lib" / "hardlink.jpg")
    os.symlink(a, tmp_path / "lib" / "symlink.jpg")
    os.symlink(tmp_path / "lib", tmp_path / "linked_folder")
    touch(tmp_path / "lib" / "deeper" / "b.jpg")
    roots = [str(tmp_path), str(tmp_path / "lib"), str(tmp_path / "lib" / "deeper"), str(tmp_path / "lib")]
    files, errors = find_photos(roots)
    assert sorted(names(files)) == ["a.jpg", "b.jpg"]
    assert errors == []
    assert files == sorted(files, key=lambda f: f.path)


def test_symlink_loops_end(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "x.jpg")
    os.symlink(tmp_path, tmp_path / "a" / "parent")  # a folder that links to its parent
    os.symlink(tmp_path / "a" / "loop2", tmp_path / "a" / "loop1")
    os.symlink(tmp_path / "a" / "loop1", tmp_path / "a" / "loop2")
    os.symlink(tmp_path / "missing.jpg", tmp_path / "a" / "dangling.jpg")
    files, errors = find_photos([str(tmp_path)])
    assert names(files) == ["x.jpg"]
    assert [(os.path.basename(e.path), e.reason) for e in errors] == [
        ("dangling.jpg", "broken link: its target does not exist")
    ]


def test_missing_root_and_single_file_root(tmp_path: Path) -> None:
    photo = touch(tmp_path / "odd name ✓ 📷.jpeg")
    files, errors = find_photos([str(tmp_path / "nope"), str(photo)])
    assert names(files) == ["odd name ✓ 📷.jpeg"]
    assert len(errors) == 1 and "cannot open" in errors[0].reason


def test_non_utf8_file_name(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.jpg"
    with open(raw, "wb") as fh:
        fh.write(b"x")
    files, _ = find_photos([str(tmp_path)])
    assert [os.fsencode(f.path) for f in files] == [raw]


def test_a_photo_whose_name_hides_what_it_is_is_found_by_its_first_bytes(tmp_path) -> None:
    """Browsers and apps save photos as "photo.jpg_large", "image.php", "IMG_1.jpeg~" or with no
    extension at all; their first bytes say they are photos. Videos, documents and text are not
    looked into, and a text file with no extension stays left out (issue 26)."""
    from photodedupe.core.find.cache import HashCache
    from photodedupe.core.find.scan import scan
    from photodedupe.core.thresholds import default_threshold
    from tests.conftest import make_photo, save

    picture = make_photo(90, (800, 600))
    save(picture, tmp_path / "IMG_0090.jpg", quality=92)
    hidden = ["photo.jpg_large", "photo.jpg-large", "IMG_0090.jpeg~", "image.php", "download"]
    for name in hidden:
        save(picture, tmp_path / "web" / name, format="JPEG", quality=85)
    save(picture, tmp_path / "web" / "saved_from_chat", format="PNG")
    save(picture, tmp_path / "web" / "shared.bin", format="WEBP", quality=80)
    (tmp_path / "notes").write_text("not a photo at all\n")
    (tmp_path / "clip.mp4").write_bytes(b"\xff\xd8\xff" + bytes(100))  # a video's name is believed
    skipped: list[str] = []
    files, errors = find_photos([str(tmp_path)], skipped=skipped)
    names = sorted(os.path.basename(f.path) for f in files)
    assert names == sorted(["IMG_0090.jpg", *hidden, "saved_from_chat", "shared.bin"]) and not errors
    assert sorted(os.path.basename(p) for p in skipped) == ["clip.mp4", "notes"]
    with HashCache(None) as cache:
        result = scan([str(tmp_path)], cache=cache)
    [group] = result.groups(default_threshold(), keeper_for(result))
    assert len(group.members) == len(names) and not result.errors
