"""Render the application icon's PNG sizes and the Windows .ico from the one SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/linux/make_icons.py

The SVG in ``icons/hicolor/scalable/apps`` is the source; the PNGs, the copy in
``resources/icons`` (the window and tray icon) and ``packaging/windows/customscreen.ico``
are written from it and committed, so a build machine needs no renderer.
"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "fr.customscreen.CustomScreen"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ICONS = HERE / "icons" / "hicolor"
SOURCE = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
#: The sizes the freedesktop icon theme spec lists for application icons.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
#: Explorer picks from these: 16 and 32 for lists, 48 for icons, 256 for tiles.
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico of PNG-compressed images, which Windows reads since Vista.

    Written by hand because Qt's ICO writer stores a single image.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, payload = b"", b""
    offset = len(header) + 16 * len(images)
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png_bytes(render(renderer, size)))
        print(f"written {target.relative_to(REPO)}")
    ico = REPO / "packaging" / "windows" / "customscreen.ico"
    ico.write_bytes(ico_bytes({size: png_bytes(render(renderer, size)) for size in ICO_SIZES}))
    print(f"written {ico.relative_to(REPO)}")
    # The desk and the wizard show the same icon; resources/ travels in the bundle.
    shipped = REPO / "resources" / "icons" / "customscreen.svg"
    shipped.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, shipped)
    print(f"written {shipped.relative_to(REPO)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
