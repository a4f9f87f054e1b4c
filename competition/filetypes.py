"""What an applicant's file is (DESIGN §7), from its bytes alone.

The type tables (code -> extension and content type, the labels people read),
and the sniffing that proves a type from a file's first and last bytes or
finds markup and executables whatever a file's name says. Whether a file of
that type is taken, and under which limits, is ``uploads.py``'s decision.
"""

import hashlib
import struct

from django.utils.translation import gettext_lazy as _

HEAD_SIZE = 8192
TAIL_SIZE = 1024  # "%%EOF" must be in the last KB, as PDF readers require
SNIFF_SIZE = 1024

# Type code -> (extension, content type). The presentation codes are also what an
# edition may allow (``CompetitionPage.presentation_types``, PRESENTATION_CHOICES).
PHOTO_TYPES = {
    "jpeg": ("jpg", "image/jpeg"),
    "png": ("png", "image/png"),
    "webp": ("webp", "image/webp"),
}
PHOTO_CONTENT_TYPES = frozenset(
    content_type for _ext, content_type in PHOTO_TYPES.values()
)
PRESENTATION_TYPES = {
    "pdf": ("pdf", "application/pdf"),
    "pptx": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "mp4": ("mp4", "video/mp4"),
    "mp3": ("mp3", "audio/mpeg"),
}
TYPE_LABELS = {
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
    "pdf": "PDF",
    "pptx": "PPTX",
    "mp4": "MP4",
    "mp3": "MP3",
}
# The edition form's tick boxes, named for the secretariat.
PRESENTATION_NAMES = {
    "pdf": "PDF",
    "pptx": "PowerPoint (PPTX)",
    "mp4": _("film MP4"),
    "mp3": _("nagranie MP3"),
}
PRESENTATION_CHOICES = [(code, PRESENTATION_NAMES[code]) for code in PRESENTATION_TYPES]
# The Pillow plugin that may parse each photo type, and Pillow's name for what
# it read: phones write JPEGs with several pictures (MPO), which are still
# JPEGs to every browser.
PILLOW_PLUGINS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
PILLOW_FORMATS = {"jpeg": {"JPEG", "MPO"}, "png": {"PNG"}, "webp": {"WEBP"}}

# What a browser would render as a page (or run) if it ever sniffed the file.
MARKUP_STARTS = (
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<?xml",
)
MARKUP_ANYWHERE = (b"<script", b"<html", b"<svg", b"<iframe", b"<body", b"javascript:")
EXECUTABLE_STARTS = (
    b"MZ",  # Windows PE, DOS
    b"\x7fELF",
    b"#!",
    b"\xfe\xed\xfa\xce",  # Mach-O 32/64, both byte orders
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal (and Java classes)
)
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# ISO BMFF brands of still images (HEIC, AVIF), which are not films.
IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}


def is_executable(head):
    return head.startswith(EXECUTABLE_STARTS)


def looks_like_markup(head):
    """HTML, SVG or XML at the start (after a BOM and blanks), or any tag a browser
    would act on within the first kilobyte, where content sniffing looks."""
    start = head[:SNIFF_SIZE]
    for bom in BOMS:
        if start.startswith(bom):
            start = start[len(bom) :]
            break
    # UTF-16 markup has a NUL after each ASCII letter.
    start = start.replace(b"\x00", b"").lstrip().lower()
    if start.startswith(MARKUP_STARTS):
        return True
    return any(token in start for token in MARKUP_ANYWHERE)


def detect_type(head, tail):
    """The type code the first bytes prove, or ``None``."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-") and b"%%EOF" in tail:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # a PPTX if the container check agrees
    if _is_iso_media(head):
        return "mp4"
    if _is_mp3(head):
        return "mp3"
    return None


def _is_iso_media(head):
    if len(head) < 12 or head[4:8] != b"ftyp":
        return False
    (box_size,) = struct.unpack(">I", head[:4])
    return box_size >= 12 and head[8:12] not in IMAGE_BRANDS


def _is_mp3(head):
    if head.startswith(b"ID3"):
        # ID3v2.2-2.4, then a "syncsafe" size: high bits always clear.
        return (
            len(head) >= 10
            and head[3] in (2, 3, 4)
            and all(byte < 0x80 for byte in head[6:10])
        )
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0b11
    layer = (head[1] >> 1) & 0b11
    bitrate = head[2] >> 4
    sample_rate = (head[2] >> 2) & 0b11
    # Reserved values of an MPEG audio frame header; layer 00 is AAC (ADTS).
    return version != 0b01 and layer != 0 and bitrate != 0xF and sample_rate != 0b11


def sha256_and_markup(uploaded_file):
    """(hex SHA-256, whether an HTML tag or script appears anywhere), in one pass
    over the file's chunks. A JPEG/HTML polyglot hides its markup in a comment
    or after the image's end, past the first kilobyte."""
    digest = hashlib.sha256()
    overlap = max(len(token) for token in MARKUP_ANYWHERE) - 1
    carry = b""
    found = False
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
        if not found:
            window = (carry + chunk).lower()
            found = any(token in window for token in MARKUP_ANYWHERE)
            carry = window[-overlap:]
    return digest.hexdigest(), found
