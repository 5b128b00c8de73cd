"""Pictures for people to look at: thumbnails and full-size views, upright.

Shares the decoder's guards (decompression bombs, bad files → PhotoError),
and like hashing lets libjpeg decode only as many pixels as are shown.
"""

from __future__ import annotations

from PIL import Image, ImageOps, UnidentifiedImageError

from photodedupe.core.find.decode import DECODER_ERRORS, MAX_PIXELS, PhotoError, open_raw_picture, upright
from photodedupe.core.find.discover import is_raw_name
from photodedupe.core.i18n import N_


def load_preview(path: str, max_side: int | None = None) -> Image.Image:
    """The photo as displayed (EXIF orientation applied), RGB or RGBA.

    With ``max_side`` it is scaled down to fit a square of that many pixels;
    without, it is full size.
    """
    try:
        raw = open_raw_picture(path) if is_raw_name(path) else None
        with raw.picture if raw else Image.open(path) as im:
            width, height = im.size
            if width * height > MAX_PIXELS:
                raise PhotoError(
                    N_("too large to show safely ({width}×{height} pixels)").format(
                        width=width, height=height
                    )
                )
            if max_side and im.format == "JPEG":
                im.draft("RGB", (max_side, max_side))
            # A RAW's preview is stored as the sensor lies; LibRaw says how it is shown.
            out = upright(im, raw.orientation) if raw else ImageOps.exif_transpose(im)
            if max_side:
                out.thumbnail((max_side, max_side), Image.Resampling.LANCZOS, reducing_gap=3.0)
            # CIELAB (print and scan workflows): to sRGB, as a colour-managed viewer shows it.
            if out.mode == "LAB":
                from PIL import ImageCms

                lab_to_srgb = ImageCms.buildTransform(
                    ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB"
                )
                out = ImageCms.applyTransform(out, lab_to_srgb) or out  # None only when done in place
            mode = "RGBA" if "A" in out.getbands() or "transparency" in out.info else "RGB"
            out = out.convert(mode)
            out.load()
            return out
    except PhotoError:
        raise
    except (*DECODER_ERRORS, UnidentifiedImageError) as exc:
        raise PhotoError(N_("cannot be shown: {error}").format(error=exc)) from None
