"""Checking an applicant's upload (DESIGN §7): what a file is, and whether we take it.

An upload is judged by what it is, never by what the browser says it is: the type
comes from the file's first bytes, images are parsed by Pillow under a pixel cap,
a PPTX must be a real Office ZIP container, and markup or executables are refused
whatever their name. Nothing here reads a whole file into memory: hashing streams
chunks, type checks read a header and a trailer with seek/tell. The applicant's
file name is kept only as data, reduced by :func:`safe_name`.

Storing a checked file is ``files.py``'s work, handing it out ``downloads.py``'s.
"""

import hashlib
import logging
import re
import struct
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .models import EntryFile

logger = logging.getLogger(__name__)

MB = 1024 * 1024

# Pillow decodes into memory: 40 Mpx RGB is ~120 MB, the most we let a photo cost.
# Bigger than any camera an applicant has, far smaller than a decompression bomb.
MAX_PHOTO_PIXELS = 40_000_000

# A PPTX is never extracted here, but the jury's PowerPoint will inflate it: refuse
# archives that claim more than this (a real deck with videos stays far below).
MAX_UNZIPPED_SIZE = 1024 * MB
MAX_UNZIP_RATIO = 100
MAX_ZIP_MEMBERS = 10_000

ORIGINAL_NAME_MAX_LENGTH = 200

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
# Pillow's name for each photo type; phones write JPEGs with several pictures
# (MPO), which are still JPEGs to every browser.
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


@dataclass(frozen=True)
class CheckedFile:
    """What :func:`check_upload` found: the detected type and the file's facts."""

    kind: str  # EntryFile.Kind: "photo" or "presentation"
    extension: str  # from the detected type, e.g. "jpg", "pdf"
    content_type: str
    size: int
    width: int | None
    height: int | None
    sha256: str


# --- Names ---------------------------------------------------------------------------

_UNSAFE_CHARACTERS = re.compile(r'[<>:"|?*]')


def safe_name(name):
    """The applicant's file name reduced to a harmless base name, for display only.

    Directories ("../../etc/passwd.pdf", "C:\\x\\y.jpg") are dropped, control and
    invisible formatting characters (NUL, bidi overrides) removed, characters
    Windows refuses replaced; Polish letters stay. At most 200 characters, the
    extension kept. Never used as a storage name.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = _UNSAFE_CHARACTERS.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    if not name:
        return "plik"
    if len(name) > ORIGINAL_NAME_MAX_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and stem and len(extension) <= 16:
            keep = ORIGINAL_NAME_MAX_LENGTH - len(extension) - 1
            name = f"{stem[:keep].rstrip(' .')}.{extension}"
        else:
            name = name[:ORIGINAL_NAME_MAX_LENGTH]
    return name


# --- Checking an upload --------------------------------------------------------------


def check_upload(uploaded_file, kind, edition):
    """Check an uploaded photo or presentation against the edition's rules.

    ``kind`` is ``"photo"`` or ``"presentation"``. The type is detected from the
    file's bytes only; photos are parsed by Pillow (at most 40 Mpx), PPTX files
    are opened as ZIP archives without extracting anything. Returns a
    :class:`CheckedFile`; raises ``ValidationError`` with a Polish message that
    names the file for anything refused. The file is read in chunks and left at
    position 0.
    """
    name = safe_name(getattr(uploaded_file, "name", ""))
    if kind == EntryFile.Kind.PHOTO:
        limit_mb = edition.max_photo_size_mb
    elif kind == EntryFile.Kind.PRESENTATION:
        limit_mb = edition.max_presentation_size_mb
    else:
        raise ValueError(f"Unknown file kind: {kind!r}")

    size = _size(uploaded_file)
    if size == 0:
        raise ValidationError(
            _("Plik „%(name)s” jest pusty."), code="empty", params={"name": name}
        )
    if size > limit_mb * MB:
        raise ValidationError(
            _("Plik „%(name)s” ma %(size)s MB, a najwięcej można wysłać %(limit)s MB."),
            code="too_big",
            params={"name": name, "size": _megabytes(size), "limit": limit_mb},
        )

    head = _read_at(uploaded_file, 0, HEAD_SIZE)
    tail = _read_at(uploaded_file, max(0, size - TAIL_SIZE), TAIL_SIZE)
    if _is_executable(head) or _looks_like_markup(head):
        raise ValidationError(
            _(
                "Plik „%(name)s” to program lub strona internetowa (HTML, SVG), "
                "a takich plików nie przyjmujemy."
            ),
            code="forbidden_type",
            params={"name": name},
        )

    detected = _detect_type(head, tail)
    try:
        if kind == EntryFile.Kind.PHOTO:
            width, height = _check_photo(uploaded_file, detected, name)
            extension, content_type = PHOTO_TYPES[detected]
        else:
            detected = _check_presentation_type(
                uploaded_file, detected, name, size, edition
            )
            width = height = None
            extension, content_type = PRESENTATION_TYPES[detected]
        digest, has_markup = _sha256(uploaded_file)
    except ValidationError:
        raise
    except Exception as error:
        # A parser fed hostile bytes can fail in any way (struct.error, EOFError,
        # zlib.error...): all of them mean the same thing to the applicant.
        logger.info("Upload %r refused by the parser: %r", name, error)
        raise _unreadable(name, kind) from error
    finally:
        uploaded_file.seek(0)

    # Only photos: compressed pixels never spell "<script" by chance, while a
    # PDF or an MP3's tags legitimately may.
    if has_markup and kind == EntryFile.Kind.PHOTO:
        raise ValidationError(
            _(
                "Plik „%(name)s” zawiera kod strony internetowej (HTML lub skrypt), "
                "a takich plików nie przyjmujemy."
            ),
            code="forbidden_type",
            params={"name": name},
        )
    return CheckedFile(
        kind=str(kind),
        extension=extension,
        content_type=content_type,
        size=size,
        width=width,
        height=height,
        sha256=digest,
    )


def _unreadable(name, kind):
    if kind == EntryFile.Kind.PHOTO:
        message = _(
            "Pliku „%(name)s” nie da się odczytać jako zdjęcia JPEG, PNG ani WebP. "
            "Plik może być uszkodzony."
        )
    else:
        message = _(
            "Pliku „%(name)s” nie da się odczytać jako prezentacji. "
            "Plik może być uszkodzony."
        )
    return ValidationError(message, code="unreadable", params={"name": name})


def _megabytes(size):
    # Round up so a file just over the limit never reads as "100 MB of 100 MB".
    tenths = -(-size * 10 // MB)
    return f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)


def _size(uploaded_file):
    # seek/tell rather than trusting .size: it is what is actually there to store.
    uploaded_file.seek(0, 2)
    size = uploaded_file.tell()
    uploaded_file.seek(0)
    return size


def _read_at(uploaded_file, offset, length):
    uploaded_file.seek(offset)
    data = uploaded_file.read(length)
    uploaded_file.seek(0)
    return data or b""


def _is_executable(head):
    return head.startswith(EXECUTABLE_STARTS)


def _looks_like_markup(head):
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


def _detect_type(head, tail):
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


def _check_photo(uploaded_file, detected, name):
    """Parse the image with Pillow; returns (width, height)."""
    if detected not in PHOTO_TYPES:
        raise ValidationError(
            _("Plik „%(name)s” nie jest zdjęciem JPEG, PNG ani WebP."),
            code="wrong_type",
            params={"name": name},
        )
    too_many_pixels = ValidationError(
        _(
            "Zdjęcie „%(name)s” ma za dużo pikseli: najwięcej %(limit)s megapikseli. "
            "Zmniejsz je i wyślij ponownie."
        ),
        code="too_many_pixels",
        params={"name": name, "limit": MAX_PHOTO_PIXELS // 1_000_000},
    )
    # Only the plugin the magic bytes named may parse the file.
    formats = [{"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[detected]]
    # No need to make Pillow's DecompressionBombWarning an error (which is not
    # thread-safe): it fires above Pillow's limit, far above our own cap, and the
    # size check below refuses those images anyway.
    try:
        # Image.open reads the header only (the size comes from IHDR/SOF), so a
        # 30000x30000 bomb is refused here without decoding a pixel.
        with Image.open(uploaded_file, formats=formats) as image:
            width, height = image.size
            if image.format not in PILLOW_FORMATS[detected]:
                raise _unreadable(name, EntryFile.Kind.PHOTO)
            if width * height > MAX_PHOTO_PIXELS:
                raise too_many_pixels
            image.verify()
        uploaded_file.seek(0)
        with Image.open(uploaded_file, formats=formats) as image:
            if image.format in PILLOW_FORMATS["jpeg"]:
                # Decoding at 1/8 scale still reads every block of the file.
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    return width, height


def _check_presentation_type(uploaded_file, detected, name, size, edition):
    allowed = edition.allowed_presentation_types()
    if detected == "zip":
        _check_pptx(uploaded_file, name, size)
        detected = "pptx"
    if detected in allowed:
        return detected
    labels = ", ".join(TYPE_LABELS[code] for code in allowed)
    if detected in PRESENTATION_TYPES:
        raise ValidationError(
            _(
                "Plik „%(name)s” to %(type)s, a w tej edycji można wysłać "
                "tylko: %(allowed)s."
            ),
            code="type_not_allowed",
            params={"name": name, "type": TYPE_LABELS[detected], "allowed": labels},
        )
    raise ValidationError(
        _(
            "Plik „%(name)s” nie jest plikiem żadnego z przyjmowanych typów: "
            "%(allowed)s."
        ),
        code="wrong_type",
        params={"name": name, "allowed": labels},
    )


def _check_pptx(uploaded_file, name, size):
    """A ZIP container with a PowerPoint presentation in it, read from its central
    directory only: nothing is inflated."""
    not_pptx = ValidationError(
        _("Plik „%(name)s” jest archiwum ZIP, ale nie prezentacją PowerPoint (PPTX)."),
        code="not_pptx",
        params={"name": name},
    )
    try:
        archive = zipfile.ZipFile(uploaded_file)
    except zipfile.BadZipFile:
        raise not_pptx from None
    with archive:
        members = archive.infolist()
    names = {member.filename for member in members}
    if not {"[Content_Types].xml", "ppt/presentation.xml"} <= names:
        raise not_pptx
    if any(member.lower().endswith("vbaproject.bin") for member in names):
        raise ValidationError(
            _("Prezentacja „%(name)s” zawiera makra, a takich plików nie przyjmujemy."),
            code="macros",
            params={"name": name},
        )
    unzipped = sum(member.file_size for member in members)
    if (
        len(members) > MAX_ZIP_MEMBERS
        or unzipped > MAX_UNZIPPED_SIZE
        or unzipped > MAX_UNZIP_RATIO * size
    ):
        raise ValidationError(
            _(
                "Prezentacja „%(name)s” po rozpakowaniu byłaby zbyt duża; "
                "to nie wygląda na zwykły plik PPTX."
            ),
            code="zip_bomb",
            params={"name": name},
        )


def _sha256(uploaded_file):
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
