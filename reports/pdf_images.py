"""Pictures in LandCase PDFs: resampled to their printed size once per build
(``ImageCache``) and drawn fitted into a box with a thin frame (``FittedImage``)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from .layout import IMAGE_DPI, NOTE_BACKGROUND


class ImageCache:
    """Pictures resampled to their printed size and re-encoded as JPEG, which reportlab
    embeds as is (a PNG would be recompressed in pure Python, slowly). Kept for a
    build, so a dossier's second pass does not decode them again."""

    def __init__(self, dpi: int = IMAGE_DPI):
        self.dpi = dpi
        self._items: dict[tuple, tuple[ImageReader, int, int] | None] = {}

    def get(self, path: str | None, box_w: float, box_h: float, photo: bool):
        """(reader, pixel width, pixel height) fitted in box (points), or None when the
        file is missing or unreadable."""
        if not path:
            return None
        key = (os.path.abspath(path), round(box_w), round(box_h), photo)
        if key not in self._items:
            self._items[key] = self._load(path, box_w, box_h, photo)
        return self._items[key]

    def _load(self, path, box_w, box_h, photo):
        try:
            with PILImage.open(path) as source:  # closed at once (Windows locks open files)
                return self._fit(source, box_w, box_h, photo)
        except (OSError, ValueError, PILImage.DecompressionBombError):
            return None

    def _fit(self, im, box_w, box_h, photo):
        src_w, src_h = im.size
        if photo and im.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # EXIF: turned 90°
            src_w, src_h = src_h, src_w
        scale = min(box_w / src_w, box_h / src_h)
        target = (
            max(1, round(src_w * scale / 72 * self.dpi)),
            max(1, round(src_h * scale / 72 * self.dpi)),
        )
        if im.format == "JPEG":  # decode at a reduced scale (DCT scaling): fast
            im.draft("RGB", (max(target), max(target)) if photo else target)
        if photo:
            im = ImageOps.exif_transpose(im)
        if im.mode in ("RGBA", "LA", "P", "PA"):
            im = im.convert("RGBA")
            background = PILImage.new("RGB", im.size, "white")
            background.paste(im, mask=im.getchannel("A"))
            im = background
        elif im.mode not in ("RGB", "L"):
            im = im.convert("RGB")
        if im.width > target[0] * 1.05 or im.height > target[1] * 1.05:
            im = im.resize(target, PILImage.LANCZOS, reducing_gap=2.0)
        buffer = io.BytesIO()
        if photo:
            im.save(buffer, "JPEG", quality=85)
        else:  # maps and scans: fine lines and text, no chroma subsampling
            im.save(buffer, "JPEG", quality=92, subsampling=0)
        buffer.seek(0)
        return ImageReader(buffer), im.width, im.height


class FittedImage(Flowable):
    """A picture fitted (aspect kept) into a box of the given size, with a thin frame;
    it takes the picture's fitted size, so a caption below follows it closely. When the
    picture is missing, the whole box is drawn, holding ``note`` instead."""

    def __init__(self, styles, cache, path, width, height, note="", photo=False, frame=True):
        super().__init__()
        self.hAlign = "CENTER"
        self.styles = styles
        self.frame = frame
        self.note = note
        loaded = cache.get(path, width, height, photo)
        if loaded is None and path:
            self.note = f"图片文件无法读取：{Path(path).name}"
        self.image = loaded
        if loaded is None:
            self.width, self.height = width, height
        else:
            _reader, px_w, px_h = loaded
            scale = min(width / px_w, height / px_h)
            self.width, self.height = px_w * scale, px_h * scale

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        if self.image is None:
            c.saveState()
            c.setFillColor(NOTE_BACKGROUND)
            c.setStrokeColor(colors.Color(0.5, 0.5, 0.5))
            c.setDash(3, 2)
            c.rect(0, 0, self.width, self.height, fill=1, stroke=1)
            c.restoreState()
            width = self.width - 12 * mm
            note = self.styles.fitted(self.note or "无图片", self.styles.note, width)
            _w, h = note.wrap(width, self.height)
            note.drawOn(c, 6 * mm, (self.height - h) / 2)
            return
        c.drawImage(self.image[0], 0, 0, self.width, self.height)
        if self.frame:
            c.saveState()
            c.setLineWidth(0.5)
            c.rect(0, 0, self.width, self.height, fill=0, stroke=1)
            c.restoreState()
