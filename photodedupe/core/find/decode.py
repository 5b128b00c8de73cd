"""Decode a photo just enough to hash it, and read what the app shows about it.

JPEG is decoded at 1/8 scale by libjpeg itself (``Image.draft``), which is
several times faster than a full decode and moves the hash by a bit or two at
most. EXIF orientation is applied to the small grid, not to the pixels.
Anything that goes wrong becomes a ``PhotoError`` with a reason a user can read.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, cast

import numpy as np
from PIL import Image, UnidentifiedImageError

from photodedupe.core.find.containers import cut_short
from photodedupe.core.find.discover import is_raw_name
from photodedupe.core.find.features import (
    content_box,
    oriented_hashes,
    straightened_grids,
    thumbnail,
    window_grids,
)
from photodedupe.core.find.hashing import packed_dhashes
from photodedupe.core.find.memory import DECODING, decoded_bytes
from photodedupe.core.find.metadata import Metadata, read_metadata, tiff_metadata
from photodedupe.core.find.traits import GREY_MODES, grey_filled, jpeg_quality, tone
from photodedupe.core.i18n import N_
from photodedupe.core.model import PhotoInfo

try:  # HEIC/HEIF (iPhone photos)
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - a declared dependency, but keep working without it
    pass
with contextlib.suppress(ImportError):  # JPEG XL; a declared dependency, but keep working without it
    import pillow_jxl  # noqa: F401 - importing it registers the format with Pillow
try:  # the same libjpeg-turbo decode as Pillow's draft, from memory in one call: see _scaled_decode
    import simplejpeg
except ImportError:  # pragma: no cover - a declared dependency, but keep working without it
    simplejpeg = None


def decoders() -> str:
    """The decoders this copy reads photos with, and their versions, for the log (and a bundle's check)."""
    import PIL

    fast = f"simplejpeg {simplejpeg.__version__}" if simplejpeg else "simplejpeg missing (Pillow instead)"
    return f"Pillow {PIL.__version__}, {fast}"


#: Photos above this many pixels are refused before any pixel is decoded.
#: 200 MP is twice the largest camera sensors; a "decompression bomb" PNG that
#: declares 16000×16000 in a few hundred kilobytes is refused.
MAX_PIXELS = 200_000_000
# Pillow's own guard warns from 89 MP (a 100 MP camera photo is fine) and only
# refuses from twice that. ``decode_photo`` checks the declared size itself,
# right after reading the header and before any pixel is decoded.
Image.MAX_IMAGE_PIXELS = None

# Images reach the grid from about 16 pixels per grid cell (libjpeg's 1/8 scale
# of a camera photo is more): enough to find a frame and for a stable hash.
_WORKING_SCALE = 16
_DETAIL = 64  # side of the square copy the grids, crop windows and thumbnail are made from
_FRAME_SIDE = 72  # the frame search needs about this many pixels on the short side


# Pillow warns (once per place, on stderr) about damaged metadata it skips, e.g. a
# truncated EXIF block: the photo is still used, so the warning is only noise.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")

# What Pillow's and its plugins' decoders raise on damaged data (found by tests/core/test_fuzz.py):
# AVIF and HEIF decoders raise RuntimeError, TIFF tags struct.error and KeyError.
DECODER_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    zlib.error,
    IndexError,
    TypeError,
    RuntimeError,
    struct.error,
    KeyError,
)

# What displays an image stored with EXIF orientation 2..8 upright.
_ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class PhotoError(Exception):
    """The file cannot be used as a photo; ``str(exc)`` says why in plain words.

    ``lasting`` is False for problems of the moment (permissions, a file that
    vanished, memory), which must not be remembered in the cache.
    """

    def __init__(self, reason: str, *, lasting: bool = True) -> None:
        super().__init__(reason)
        self.lasting = lasting


def describe_unreadable(header: bytes) -> str:
    """A reason for a file Pillow could not identify, from its first bytes."""
    if not header:
        return N_("empty file (0 bytes)")
    if header.lstrip().startswith((b"<!DOCTYPE", b"<html", b"<HTML", b"<?xml", b"<svg")):
        return N_("not an image: the file contains HTML or XML text")
    sample = header[:512]
    if all(32 <= b < 127 or b in b"\t\r\n" for b in sample):
        return N_("not an image: the file contains text")
    return N_("not an image: the content is not a known image format")


def _shrink(im: Image.Image, working: int) -> Image.Image:
    """Box-average a big image down to about ``working`` pixels on its short side.

    libjpeg's draft does this for JPEG while decoding; doing the same for the
    other formats makes every copy of a photo reach the grid the same way, and
    spares the final filter millions of pixels (a 12 MP PNG: ~80 ms → ~4 ms).
    """
    factor = min(im.size) // working
    if factor < 2:
        return im
    try:
        return im.reduce(factor)
    except ValueError:  # a mode reduce() does not handle (palette, 1-bit, 16-bit)
        pass
    if im.mode in ("P", "PA", "1"):  # a GIF: its palette looked up first, then averaged (47 → 25 ms)
        transparent = im.mode == "PA" or "transparency" in im.info
        return im.convert("RGBA" if transparent else "L").reduce(factor)
    return im


def _to_gray(im: Image.Image) -> Image.Image:
    """A float grayscale image; 16-bit images are scaled, not clipped."""
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        arr = np.asarray(im, dtype=np.float32)
        top = 65535.0 if im.mode.startswith("I;16") else max(float(arr.max()), 1.0)
        return Image.fromarray(arr * (255.0 / top), mode="F")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        # Transparent pixels hold arbitrary colour: show them over white, as viewers do.
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(white, rgba)
    if im.mode == "LAB":  # a TIFF in CIELAB (print and scan workflows): its L is the lightness
        return im.getchannel("L").convert("F")
    return im.convert("L").convert("F")


@contextlib.contextmanager
def reasons_for_people() -> Iterator[None]:
    """Whatever goes wrong reading a photo becomes a ``PhotoError`` whose words a user understands."""
    try:
        yield
    except PhotoError:
        raise
    except FileNotFoundError:
        raise PhotoError(N_("the file vanished before it could be read"), lasting=False) from None
    except PermissionError:
        raise PhotoError(N_("cannot read: permission denied"), lasting=False) from None
    except MemoryError:
        raise PhotoError(N_("too large to decode with the memory available"), lasting=False) from None
    except Image.DecompressionBombError:
        raise PhotoError(N_("too large to decode safely (possible decompression bomb)")) from None
    except DECODER_ERRORS as exc:
        detail = " ".join(str(exc).split())[:200]  # one line, whatever the decoder said
        if any(w in detail.lower() for w in ("truncated", "end of file")) or isinstance(exc, EOFError):
            raise PhotoError(N_("the image data is truncated (incomplete file)")) from None
        if isinstance(exc, OSError) and exc.errno is not None:
            raise PhotoError(
                N_("cannot read: {error}").format(error=os.strerror(exc.errno)), lasting=False
            ) from None
        raise PhotoError(
            N_("the image data is damaged ({detail})").format(detail=detail or type(exc).__name__)
        ) from None


def decode_photo(path: str, hash_size: int = 8) -> PhotoInfo:
    """Hash the photo at ``path`` with an (hash_size+1)² grid; raise PhotoError if unusable."""
    grid_side = hash_size + 1
    working = grid_side * _WORKING_SCALE
    with reasons_for_people():
        if is_raw_name(path):
            gray, width, height, meta, source = _open_raw(path, working)
        else:
            gray, width, height, meta, source = _open_image(path, working)
    orientation = meta.orientation
    gray = upright(gray, orientation)  # on the small image: a fraction of a millisecond
    if orientation >= 5:
        width, height = height, width
    box = _content_box(gray)
    framed = box != (0, 0, *gray.size)
    # Everything below works on 64×64 copies: the grids and thumbnails need no more,
    # and resizing a few thousand pixels instead of ~50,000 makes it cheap.
    inside = gray.crop(box) if framed else gray
    content = inside.resize((_DETAIL, _DETAIL), Image.Resampling.BOX)
    turned = oriented_hashes(_grid(content, grid_side))
    # The plain hash is the first orientation's, of the picture inside any frame: two
    # screenshots of different photos in the same viewer must not look alike.
    whole = int.from_bytes(turned[: len(turned) // 8], "big")
    grids = np.concatenate([window_grids(content, grid_side), straightened_grids(inside, grid_side)])
    windows = packed_dhashes(grids)
    details = meta.details.to_json()
    picture = (width, height)
    if framed:  # the box is measured on the small copy: scale it to the photo's pixels
        picture = (
            max(1, round(width * (box[2] - box[0]) / gray.width)),
            max(1, round(height * (box[3] - box[1]) / gray.height)),
        )
    return PhotoInfo(
        hash=whole,
        width=width,
        height=height,
        taken=meta.taken,
        camera=meta.camera,
        content=turned,
        thumb=thumbnail(content),
        windows=windows,
        details=details,
        format=source.format,
        quality=source.quality,
        picture_width=picture[0],
        picture_height=picture[1],
        damaged=source.damaged,
        grey=source.grey,
        tone=tone(content),
    )


def _too_large(width: int, height: int) -> PhotoError | None:
    if width * height <= MAX_PIXELS:
        return None
    return PhotoError(
        N_(
            "too large to decode safely ({width}×{height} pixels, over {megapixels} megapixels; "
            "possible decompression bomb)"
        ).format(width=width, height=height, megapixels=MAX_PIXELS // 1_000_000)
    )


def _open_image(path: str, working: int) -> tuple[Image.Image, int, int, Metadata, _Source]:
    """Any format Pillow (and its HEIF/AVIF/JPEG XL plugins) reads: a small float gray copy."""
    with open(path, "rb") as fh:
        header = fh.read(512)
        if not header:
            raise PhotoError(N_("empty file (0 bytes)"))
        fh.seek(0)
        try:
            im = Image.open(fh)
        except UnidentifiedImageError:
            raise PhotoError(describe_unreadable(header)) from None
        except Image.DecompressionBombError:
            raise PhotoError(
                N_(
                    "too large to decode safely (over {megapixels} megapixels; possible decompression bomb)"
                ).format(megapixels=MAX_PIXELS // 1_000_000)
            ) from None
        with im:
            width, height = im.size
            if (error := _too_large(width, height)) is not None:
                raise error
            if im.format in ("JPEG", "MPO", "HEIF", "AVIF"):  # decoded small (or from a thumbnail)
                return _open_small(im, fh, path, working)
            # Decoded whole, reading the metadata included (a PNG's EXIF may follow its pixels):
            # the decoding threads share a memory budget for it.
            with DECODING.reserve(decoded_bytes(width, height, im.mode)):
                im.load()  # before the metadata: a PNG's getexif() loads too, and swallows what fails
                meta = read_metadata(im, path)
                source = _Source(im.format or "", grey=im.mode in GREY_MODES)
                return _to_gray(_shrink(im, working)), width, height, meta, source


def _open_small(
    im: Image.Image, fh: BinaryIO, path: str, working: int
) -> tuple[Image.Image, int, int, Metadata, _Source]:
    """A JPEG decoded at 1/2–1/8 scale by libjpeg, or a HEIF from its thumbnail when it has one.

    Phones store a thumbnail in every HEIC (an iPhone's is 320×240): decoding it takes about
    10 ms where the 12 MP picture takes 400–800 ms, and hashes within a few bits of it, as a
    RAW's embedded JPEG preview does. A thumbnail still decodes when the file was cut short:
    the container's own table of where its data lies tells (``containers.cut_short``).
    """
    width, height = im.size
    meta = read_metadata(im, path)
    source = _Source(im.format or "", jpeg_quality(im) if im.format in ("JPEG", "MPO") else 0)
    source.grey = im.mode in GREY_MODES
    if im.format in ("JPEG", "MPO"):
        small = _scaled_decode(im, fh, working)
        if small is None:
            im.draft("L", (working, working))
            small = _shrink(im, working)
        source.damaged = small.mode == "L" and grey_filled(np.asarray(small))
        return _to_gray(small), width, height, meta, source
    source.damaged = cut_short(fh)
    # pillow_heif's draft picks the smallest thumbnail that decodes and is a scaled copy of the
    # picture (its aspect ratio, orientation, crop and colour profile, and smaller than it);
    # a thumbnail that fails or lies is passed over for the next one, or for the picture.
    if im.draft(None, (working, working)) is not None:
        meta.details.extra = {**meta.details.extra, "preview": N_("the HEIF thumbnail")}
        return _to_gray(_shrink(im, working)), width, height, meta, source
    with DECODING.reserve(decoded_bytes(width, height, im.mode)):
        return _to_gray(_shrink(im, working)), width, height, meta, source


def _scaled_decode(im: Image.Image, fh: BinaryIO, working: int) -> Image.Image | None:
    """A JPEG's grey picture at 1/8, 1/4, 1/2 or full scale, as ``draft("L")`` and ``_shrink`` make
    it, or None (then Pillow decodes it).

    Pillow feeds libjpeg 64 KB at a time from Python; simplejpeg hands it the whole file
    (``fh``) at once. It is the same libjpeg-turbo decode at the scale Pillow's draft would choose,
    equal to the byte (3,432 JPEGs at the four scales, camera RAWs' previews, and
    ``tests/core/test_decode.py``), and cheaper: 7 % at 1/8 (0.6 ms of a camera JPEG), 9–20 %
    at the other scales. CMYK, and any JPEG libjpeg warns about (``strict``: damaged data), go
    Pillow's way, so what is reported about them does not change.
    """
    width, height = im.size
    if simplejpeg is None or im.mode not in ("RGB", "L"):
        return None
    reduce = min(width, height) // working
    scale = next(s for s in (8, 4, 2, 1) if reduce >= s or s == 1)  # as Pillow's draft chooses
    fh.seek(0)
    data = fh.getvalue() if isinstance(fh, io.BytesIO) else fh.read()  # getvalue: not copied
    try:
        pixels = simplejpeg.decode_jpeg(
            data, colorspace="GRAY", min_width=-(-width // scale), min_height=-(-height // scale), strict=True
        )
    except ValueError:  # a warning or an error: Pillow decodes it, and says what is wrong
        return None
    return _shrink(Image.fromarray(pixels[:, :, 0]), working)


@dataclass(slots=True)
class _Source:
    """What the container itself says, beside the pixels: see ``core.find.traits``."""

    format: str
    quality: int = 0
    damaged: bool = False
    grey: bool = False


@dataclass(slots=True)
class RawPicture:
    """What a camera RAW file shows: its embedded preview, or its demosaiced pixels."""

    picture: Image.Image  # a lazily decoded JPEG when it is the camera's preview (draft works)
    width: int  # the sensor's size, as stored
    height: int
    orientation: int  # EXIF-style: what shows it upright
    source: str  # what ``picture`` is, for people
    jpeg: bytes = b""  # the preview's file, when ``picture`` is a JPEG


def open_raw_picture(path: str) -> RawPicture:
    """A camera RAW file through LibRaw (rawpy): the preview JPEG the camera embedded.

    Why the preview and not the sensor data: it is the camera's own rendering
    of the same picture (what the user saw, what its JPEG twin holds), and it
    decodes in milliseconds at 1/8 scale, where demosaicing a 24 MP RAW takes
    seconds. Only a RAW without a usable preview is demosaiced (at half size).
    """
    import rawpy  # on first use: most libraries hold no RAW file

    if os.path.getsize(path) == 0:
        raise PhotoError(N_("empty file (0 bytes)"))
    with libraw_in_words(), rawpy.imread(path) as raw:
        sizes = raw.sizes
        if (error := _too_large(sizes.width, sizes.height)) is not None:
            raise error
        # LibRaw's flip: 3 is upside down, 5 turned left, 6 turned right (EXIF 3, 8, 6).
        orientation = {3: 3, 5: 8, 6: 6}.get(sizes.flip, 1)
        try:
            thumb = raw.extract_thumb()
        except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
            thumb = None
        picture: Image.Image
        jpeg = b""
        if thumb is not None and thumb.format == rawpy.ThumbFormat.JPEG:
            jpeg = cast(bytes, thumb.data)
            picture, source = Image.open(io.BytesIO(jpeg)), N_("embedded JPEG preview")
        elif thumb is not None:
            picture, source = Image.fromarray(np.asarray(thumb.data)), N_("embedded preview")
        else:
            pixels = raw.postprocess(half_size=True, use_camera_wb=True)
            picture, source = Image.fromarray(pixels), N_("demosaiced (no embedded preview)")
    return RawPicture(picture, sizes.width, sizes.height, orientation, source, jpeg)


@contextlib.contextmanager
def libraw_in_words() -> Iterator[None]:
    """LibRaw's errors as reasons a user reads; all but memory are lasting (and so cached).

    LibRaw reports a file cut short as an "Input/output error": it is the file, not the disk.
    """
    import rawpy

    try:
        yield
    except (rawpy.LibRawFileUnsupportedError, rawpy.NotSupportedError) as exc:
        raise PhotoError(
            N_("not a RAW photo this app can read ({detail})").format(detail=_said(exc))
        ) from None
    except (rawpy.LibRawUnsufficientMemoryError, rawpy.LibRawTooBigError, rawpy.LibRawMemPoolOverflowError):
        raise PhotoError(N_("too large to decode with the memory available"), lasting=False) from None
    except rawpy.LibRawIOError:
        raise PhotoError(N_("the RAW data is truncated (incomplete file)")) from None
    except rawpy.LibRawError as exc:
        raise PhotoError(N_("the RAW data is damaged ({detail})").format(detail=_said(exc))) from None


def _said(exc: Exception) -> str:
    """What a C library said, as one line of text (rawpy passes bytes)."""
    said = exc.args[0] if exc.args else type(exc).__name__
    text = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
    return " ".join(text.split())[:200]


def why_not_whole(path: str) -> str | None:
    """Why the photo at ``path`` cannot be read in full (``read_in_full``), or None when it can."""
    try:
        read_in_full(path)
    except PhotoError as exc:
        return str(exc)
    return None


def read_in_full(path: str) -> None:
    """Read every byte of the photo's picture data; raise PhotoError if any is missing or damaged.

    The scan hashes from a reduced decode, a HEIF thumbnail or a RAW's preview, none of
    which reads all of the data. Before a batch moves the copies of a group, the photo it
    keeps is read this way once (``actions``). A JPEG is still decoded at 1/8 scale:
    libjpeg reads every coefficient for that, and finds a cut or a damaged stream.
    """
    with reasons_for_people(), open(path, "rb") as fh:
        if cut_short(fh):
            raise PhotoError(N_("the file is cut short: it holds less data than it says"))
        if is_raw_name(path):
            import rawpy

            with libraw_in_words(), rawpy.imread(path) as raw:
                raw.unpack()  # the sensor data, not the preview
            return
        with Image.open(fh) as im:
            if (error := _too_large(*im.size)) is not None:
                raise error
            if im.format in ("JPEG", "MPO"):
                im.draft(im.mode, (im.width // 8, im.height // 8))
            with DECODING.reserve(decoded_bytes(im.width, im.height, im.mode)):
                im.load()


def upright(im: Image.Image, orientation: int) -> Image.Image:
    """``im`` turned as EXIF ``orientation`` says it is shown."""
    return im.transpose(_ORIENT[orientation]) if orientation in _ORIENT else im


def _open_raw(path: str, working: int) -> tuple[Image.Image, int, int, Metadata, _Source]:
    """A RAW's preview, ready to hash; the photo's size is the sensor's, not the preview's."""
    raw = open_raw_picture(path)
    preview, width, height, orientation = raw.picture, raw.width, raw.height, raw.orientation
    meta = Metadata()
    small = None
    if preview.format == "JPEG":
        meta = read_metadata(preview, path)  # some cameras copy the EXIF into the preview
        small = _scaled_decode(preview, io.BytesIO(raw.jpeg), working)
        if small is None:
            preview.draft("L", (working, working))
    if not (meta.taken and meta.camera):
        meta = tiff_metadata(path)  # the RAW's own header, where the preview carried none
    meta.orientation = meta.details.orientation = orientation
    meta.details.extra = {"raw": raw.source}
    if orientation >= 5:
        width, height = height, width
    source = _Source(os.path.splitext(path)[1][1:].upper())  # LibRaw read it: it is that RAW
    with open(path, "rb") as fh:  # its preview reads even when the sensor data was cut off
        source.damaged = cut_short(fh)
    return _to_gray(small or _shrink(preview, working)), width, height, meta, source


def _content_box(gray: Image.Image) -> tuple[int, int, int, int]:
    """features.content_box on a half-size copy when the image is large enough (4× fewer pixels)."""
    if min(gray.size) < 2 * _FRAME_SIDE:
        return content_box(np.asarray(gray, dtype=np.float32))
    half = gray.reduce(2)
    x0, y0, x1, y1 = content_box(np.asarray(half, dtype=np.float32))
    if (x0, y0, x1, y1) == (0, 0, *half.size):
        return 0, 0, *gray.size
    # Framed (rare): measure again at full size, where an edge is placed twice as exactly. The
    # picture in a phone's screenshot is small, and a pixel of bar left in it moves its hash.
    full = content_box(np.asarray(gray, dtype=np.float32))
    if full != (0, 0, *gray.size):
        return full
    return 2 * x0, 2 * y0, min(gray.width, 2 * x1), min(gray.height, 2 * y1)


def _grid(gray: Image.Image, side: int) -> np.ndarray:
    return np.asarray(gray.resize((side, side), Image.Resampling.LANCZOS), dtype=np.float32)
