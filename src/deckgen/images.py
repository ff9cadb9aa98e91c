"""Picture and media files: their pixel size (what the layout stage scales), their format, what
a file holds by its type (a picture, a video, a sound), and the lengths pandoc attributes write.

Raster formats are read with Pillow; SVG from its root element's ``width``/``height`` or
``viewBox``; an MP4 or QuickTime video from its track header. Remote files have no size here
(the layout stage gives them a default box).
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from deckgen.model import Length, Media

REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")
LENGTH = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%|px|in|cm|mm|pt|em)?\s*$", re.IGNORECASE)
VIDEO_HEADERS = frozenset({".mp4", ".m4v", ".mov"})  # ISO media files: size read from the header
# Media by file type (what pandoc's HTML writer makes a <video> or an <audio> of), with the MIME
# type each is served and stored as.
MEDIA_TYPES: dict[str, tuple[Media, str]] = {
    ".mp4": (Media.VIDEO, "video/mp4"),
    ".m4v": (Media.VIDEO, "video/mp4"),
    ".mov": (Media.VIDEO, "video/quicktime"),
    ".webm": (Media.VIDEO, "video/webm"),
    ".ogv": (Media.VIDEO, "video/ogg"),
    ".mpeg": (Media.VIDEO, "video/mpeg"),
    ".mpg": (Media.VIDEO, "video/mpeg"),
    ".avi": (Media.VIDEO, "video/x-msvideo"),
    ".wmv": (Media.VIDEO, "video/x-ms-wmv"),
    ".mp3": (Media.AUDIO, "audio/mpeg"),
    ".m4a": (Media.AUDIO, "audio/mp4"),
    ".wav": (Media.AUDIO, "audio/wav"),
    ".ogg": (Media.AUDIO, "audio/ogg"),
    ".oga": (Media.AUDIO, "audio/ogg"),
    ".opus": (Media.AUDIO, "audio/ogg"),
    ".flac": (Media.AUDIO, "audio/flac"),
    ".aac": (Media.AUDIO, "audio/aac"),
    ".wma": (Media.AUDIO, "audio/x-ms-wma"),
}


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture file's format (Pillow's name, or "SVG") and size in pixels."""

    format: str
    width: int
    height: int


def is_remote(src: str) -> bool:
    """Return True for a URL (``https:``, ``data:``...) rather than a file path."""
    return bool(REMOTE.match(src))


def _suffix(src: str) -> str:
    path = urlsplit(src).path if is_remote(src) else src
    return Path(path).suffix.lower()


def media_of(src: str) -> Media:
    """Return what the file ``src`` holds, by its type: a picture unless a video or a sound."""
    return MEDIA_TYPES.get(_suffix(src), (Media.PICTURE, ""))[0]


def media_type(src: str) -> str:
    """Return the MIME type of the video or sound ``src`` ("" for a picture)."""
    return MEDIA_TYPES.get(_suffix(src), (Media.PICTURE, ""))[1]


def read_length(text: str) -> Length | None:
    """Return the length written ``text`` (``30%``, ``200px``, ``2in``, a bare number of
    pixels), or None when it is not one."""
    match = LENGTH.match(text)
    if match is None:
        return None
    return Length(float(match.group(1)), (match.group(2) or "px").lower())


def _svg(path: Path) -> Picture | None:
    try:
        for _, element in ElementTree.iterparse(path, events=("start",)):
            width, height = element.get("width", ""), element.get("height", "")
            sized = SVG_LENGTH.match(width), SVG_LENGTH.match(height)
            if sized[0] and sized[1]:
                return Picture("SVG", round(float(sized[0][1])), round(float(sized[1][1])))
            box = element.get("viewBox", "").replace(",", " ").split()
            if len(box) == 4:
                return Picture("SVG", round(float(box[2])), round(float(box[3])))
            return None
    except (OSError, ElementTree.ParseError, ValueError):
        return None
    return None


def _boxes(data: BinaryIO, end: int) -> Iterator[tuple[bytes, int, int]]:
    """Yield (type, start of content, end) of each ISO media box from here to ``end``."""
    while data.tell() + 8 <= end:
        start = data.tell()
        size, kind = struct.unpack(">I4s", data.read(8))
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data.read(8))[0], 16
        elif size == 0:
            size = end - start
        if size < header:
            return
        yield kind, start + header, start + size
        data.seek(start + size)


def _track_size(data: BinaryIO, end: int) -> tuple[int, int] | None:
    """Return the width and height of the first track with a picture inside a ``moov`` box."""
    for kind, start, stop in _boxes(data, end):
        if kind == b"trak":
            data.seek(start)
            for inner, content, _ in _boxes(data, stop):
                if inner == b"tkhd":
                    data.seek(content)
                    version = data.read(1)[0]
                    data.seek(content + (88 if version == 1 else 76))
                    width, height = struct.unpack(">II", data.read(8))
                    if width >> 16 and height >> 16:
                        return width >> 16, height >> 16
            data.seek(stop)
    return None


def _video(path: Path) -> Picture | None:
    """Return the picture size of an MP4 or QuickTime video (its track header), else None."""
    try:
        with path.open("rb") as data:
            end = path.stat().st_size
            for kind, start, stop in _boxes(data, end):
                if kind == b"moov":
                    data.seek(start)
                    size = _track_size(data, stop)
                    return Picture("VIDEO", *size) if size else None
    except (OSError, struct.error, IndexError):
        return None
    return None


@lru_cache(maxsize=1024)
def read_picture(src: str) -> Picture | None:
    """Return the format and pixel size of the picture file ``src``, or None if unreadable.

    A video's is its picture's size (MP4 and QuickTime files; None for other video types).
    """
    if is_remote(src):
        return None
    path = Path(src)
    if path.suffix.lower() == ".svg":
        return _svg(path)
    if media_of(src) is not Media.PICTURE:
        return _video(path) if path.suffix.lower() in VIDEO_HEADERS else None
    from PIL import Image, UnidentifiedImageError  # only decks with pictures pay for Pillow

    try:
        with Image.open(path) as opened:
            return Picture(str(opened.format), *opened.size)
    except (OSError, UnidentifiedImageError, ValueError):
        return None
