"""A library of photos with the files that belong to them, as people's tools leave them.

Both XMP sidecar styles (darktable's ``NAME.EXT.xmp`` with a duplicate's
``NAME_01.EXT.xmp``, Lightroom's ``NAME.xmp`` shared by a RAW and its JPEG),
a Live Photo with its video and edit files, Google Takeout's JSON in its three
namings, and decoys: companions of photos that are in no group. ``build``
returns what a correct clean must do; the tests and ``bench/companions.py``
(a held-out run with other pictures) check it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps

from tests.conftest import make_photo as drawn
from tests.conftest import save
from tests.rawfiles import make_dng

COMPANION_ENDINGS = (".xmp", ".mov", ".aae", ".json", ".pp3", ".dop")
#: What ``check`` must count after a correct clean of the library ``build`` makes: 8 companions in
#: the trash with their photos, and nothing orphaned, lost, wrongly trashed or touched.
CLEAN_FIGURES = {
    "companions_trashed": 8,
    "orphaned": 0,
    "companions_lost": 0,
    "edited_copy_trashed": 0,
    "decoys_touched": 0,
    "photo_left_behind": 0,
    "reference_touched": 0,
}


def darktable_xmp(rating: int, label: str = "", keywords: tuple[str, ...] = (), history: bool = True) -> str:
    """A sidecar as darktable writes it: attributes, a colour label, keywords, a develop history."""
    subject = "".join(f"<rdf:li>{k}</rdf:li>" for k in keywords)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:darktable="http://darktable.sf.net/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmp:Rating="{rating}"
   {f'xmp:Label="{label}"' if label else ""}
   xmpMM:DerivedFrom="original"
   darktable:xmp_version="5"
   darktable:history_end="{1 if history else 0}">
   {f"<dc:subject><rdf:Bag>{subject}</rdf:Bag></dc:subject>" if keywords else ""}
   {
        '<darktable:history><rdf:Seq><rdf:li darktable:operation="exposure" darktable:enabled="1"'
        ' darktable:params="0000"/></rdf:Seq></darktable:history>'
        if history
        else ""
    }
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


def lightroom_xmp(rating: int, label: str = "") -> str:
    """A sidecar as Lightroom writes it: elements, Camera Raw settings, a field of another tool."""
    return f"""<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:photomechanic="http://ns.camerabits.com/photomechanic/1.0/"
   crs:Exposure2012="+0.35"
   photomechanic:ColorClass="2">
   <xmp:Rating>{rating}</xmp:Rating>
   {f"<xmp:Label>{label}</xmp:Label>" if label else ""}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


@dataclass
class Expected:
    """What a correct ``clean --apply --reference REFERENCE LIBRARY`` does to the library."""

    library: Path
    reference: Path
    #: photo → companions that must go to the trash with it
    trashed: dict[str, list[str]] = field(default_factory=dict)
    #: photos that must stay (the edited copies among byte-identical ones)
    kept: list[str] = field(default_factory=list)
    #: companions that must stay where they are (of kept photos, shared with one, decoys)
    staying: list[str] = field(default_factory=list)
    #: kept photo → the rating its sidecar must have after the merge
    merged_rating: dict[str, int] = field(default_factory=dict)
    #: the reference folder as built: it must stay so, byte for byte, file for file
    reference_digests: dict[str, str] = field(default_factory=dict)


def digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by path, with its SHA-256."""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def build(root: Path, seed: int = 100, pictures: Sequence[Path] = ()) -> Expected:
    """Write the library under ``root``; what a clean must do.

    Its pictures are drawn from ``seed``, or taken from ``pictures`` (real
    photographs, chosen by ``seed``) when given.
    """
    lib, ref = root / "library", root / "reference"
    exp = Expected(lib, ref)

    def make_photo(n: int, size: tuple[int, int]) -> Image.Image:
        if not pictures:
            return drawn(n, size)
        with Image.open(pictures[n % len(pictures)]) as im:
            return ImageOps.fit(ImageOps.exif_transpose(im).convert("RGB"), size)

    def photo(n: int, path: Path, size: tuple[int, int] = (800, 600), **kw: object) -> Path:
        return save(make_photo(seed + n, size), path, **kw)

    def put(path: Path, text: str | bytes) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return str(path)

    def copy(src: Path, dst: Path, earlier: bool = False) -> Path:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        if earlier:  # "saved first" would keep this bare copy, were it not for the edits
            st = os.stat(src)
            os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns - 3_600_000_000_000))
        return dst

    # 1. darktable: the edited photo (5 stars, a duplicate's sidecar) and a bare byte-identical
    #    copy saved an hour earlier: the edited one stays, the bare one goes (it has nothing).
    edited = photo(1, lib / "darktable" / "DSC_1872.jpg", quality=93)
    put(lib / "darktable" / "DSC_1872.jpg.xmp", darktable_xmp(5, "Red", ("family", "beach")))
    put(lib / "darktable" / "DSC_1872_01.jpg.xmp", darktable_xmp(2, history=True))
    bare = copy(edited, lib / "backup" / "DSC_1872.jpg", earlier=True)
    exp.kept.append(str(edited))
    exp.trashed[str(bare)] = []
    exp.staying += [str(lib / "darktable" / n) for n in ("DSC_1872.jpg.xmp", "DSC_1872_01.jpg.xmp")]

    # 2. darktable, the other way: a half-size export with a rated sidecar (4 stars, keywords)
    #    goes with its sidecar; its rating and keywords reach the original's new sidecar.
    original = photo(2, lib / "darktable" / "IMG_3001.jpg", (1200, 900), quality=94)
    half = make_photo(seed + 2, (1200, 900)).resize((600, 450))
    small = save(half, lib / "export" / "IMG_3001.jpg", quality=85)
    trip = put(lib / "export" / "IMG_3001.jpg.xmp", darktable_xmp(4, "Green", ("trip",), history=False))
    exp.trashed[str(small)] = [trip]
    exp.kept.append(str(original))
    exp.merged_rating[str(original)] = 4

    # 3. Lightroom: a RAW and its JPEG share DSC_0100.xmp; a copy of the JPEG is in the reference
    #    folder and of the RAW too, so both go: the shared sidecar goes with the last of them.
    shot = make_photo(seed + 3, (1024, 768))
    raw = make_dng(lib / "lightroom" / "DSC_0100.DNG", shot, taken="2021:07:04 18:30:01")
    jpg = save(shot, lib / "lightroom" / "DSC_0100.JPG", quality=95)
    shared = put(lib / "lightroom" / "DSC_0100.xmp", lightroom_xmp(3))
    copy(jpg, ref / "DSC_0100.JPG")
    copy(raw, ref / "DSC_0100.DNG")
    exp.trashed[str(raw)] = []
    exp.trashed[str(jpg)] = [shared]  # one of the two carries it: see check()

    # 4. Lightroom: a RAW (another picture, in no group) and its JPEG share DSC_0300.xmp; the JPEG
    #    has a copy in the reference folder and goes; the sidecar stays with the RAW.
    make_dng(lib / "lightroom" / "DSC_0300.DNG", make_photo(seed + 40, (1024, 768)))
    lone = save(make_photo(seed + 4, (1024, 768)), lib / "lightroom" / "DSC_0300.JPG", quality=95)
    copy(lone, ref / "DSC_0300.JPG")
    exp.trashed[str(lone)] = []
    exp.staying.append(put(lib / "lightroom" / "DSC_0300.xmp", lightroom_xmp(2, "Blue")))

    # 5. A Live Photo: still, video and both edit files; the still has a copy in the reference folder.
    still = photo(5, lib / "iphone" / "IMG_0420.JPG", (960, 720), quality=92)
    video = put(lib / "iphone" / "IMG_0420.MOV", os.urandom(50_000))
    aae = put(lib / "iphone" / "IMG_0420.AAE", "<plist><dict><key>adjustmentFormat</key></dict></plist>")
    aae_o = put(lib / "iphone" / "IMG_O0420.AAE", "<plist><dict></dict></plist>")
    copy(still, ref / "IMG_0420.JPG")
    exp.trashed[str(still)] = [video, aae, aae_o]

    # 6. Google Takeout in its three namings.
    pxl = photo(6, lib / "takeout" / "PXL_20190612.jpg", (800, 600), quality=90)
    own_json = put(lib / "takeout" / "PXL_20190612.jpg.json", '{"title": "PXL_20190612.jpg"}')
    second = copy(pxl, lib / "takeout" / "PXL_20190612(1).jpg")
    second_json = put(lib / "takeout" / "PXL_20190612.jpg(1).json", '{"title": "PXL_20190612(1).jpg"}')
    exp.trashed[str(second)] = [second_json]
    exp.staying.append(own_json)
    sup = photo(7, lib / "takeout" / "PXL_20200101_101010123.jpg", quality=90)
    sup_json = put(lib / "takeout" / "PXL_20200101_101010123.jpg.supplemental-metadata.json", "{}")
    copy(sup, ref / "PXL_20200101_101010123.jpg")
    exp.trashed[str(sup)] = [sup_json]
    cut = photo(8, lib / "takeout" / "PXL_20210202_202020202.MP.jpg", quality=90)
    cut_json = put(lib / "takeout" / "PXL_20210202_202020202.MP.jpg.supplemental-met.json", '{"title": "c"}')
    copy(cut, ref / "PXL_20210202_202020202.MP.jpg")
    exp.trashed[str(cut)] = [cut_json]

    # 7. Decoys: companions of a photo in no group, and of no photo at all.
    alone = photo(9, lib / "decoy" / "alone.jpg")
    for name, text in (
        ("alone.jpg.xmp", darktable_xmp(5, "Purple")),
        ("alone.MOV", "video"),
        ("alone.AAE", "<plist/>"),
        ("alone.jpg.json", "{}"),
        ("alone.jpg.pp3", "[Version]\n"),
        ("orphan.xmp", darktable_xmp(1)),
        ("metadata.json", "{}"),
    ):
        exp.staying.append(put(lib / "decoy" / name, text))
    exp.kept.append(str(alone))
    exp.reference_digests = digests(ref)
    return exp


def check(exp: Expected, before: dict[str, str], trash_files: Path) -> dict[str, int]:
    """Count what a clean did against what it must do: a dict of figures, all wanted 0 but the first."""
    in_trash = {hashlib.sha256(p.read_bytes()).hexdigest() for p in trash_files.glob("*") if p.is_file()}
    figures = {"companions_trashed": 0, "orphaned": 0, "companions_lost": 0}
    figures |= {"edited_copy_trashed": 0, "decoys_touched": 0, "photo_left_behind": 0}
    figures["reference_touched"] = int(digests(exp.reference) != exp.reference_digests)
    shared_done = False
    for photo, companions in exp.trashed.items():
        if os.path.exists(photo):
            figures["photo_left_behind"] += 1
        for c in companions:
            if os.path.exists(c):
                figures["orphaned"] += 1
            elif before[c] in in_trash:
                figures["companions_trashed"] += 1
                shared_done = shared_done or c.endswith("DSC_0100.xmp")
            else:
                figures["companions_lost"] += 1
    for path in exp.kept:
        figures["edited_copy_trashed"] += not os.path.exists(path)
    for path in exp.staying:
        if not os.path.exists(path) or digests(Path(path).parent).get(path) != before.get(path):
            figures["decoys_touched"] += 1
    return figures
