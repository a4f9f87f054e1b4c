"""Checking an applicant's upload (DESIGN §7): whether we take it.

An upload is judged by what it is, never by what the browser says it is: the type
comes from the file's first bytes (``filetypes.py``), images are parsed by
Pillow under a pixel cap, a PPTX must be a real Office ZIP container, and markup
or executables are refused whatever their name. Nothing here reads a whole file
into memory: hashing streams chunks, type checks read a header and a trailer
with seek/tell. The applicant's file name is kept only as data, reduced by
:func:`safe_name`.

Telling what a file is belongs to ``filetypes.py``, storing a checked file to
``files.py``, handing it out to ``downloads.py``.
"""

import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

from .filetypes import (
    HEAD_SIZE,
    PHOTO_CONTENT_TYPES,
    PHOTO_TYPES,
    PILLOW_FORMATS,
    PILLOW_PLUGINS,
    PRESENTATION_CHOICES,
    PRESENTATION_TYPES,
    TAIL_SIZE,
    TYPE_LABELS,
    detect_type,
    is_executable,
    looks_like_markup,
    sha256_and_markup,
)
from .models import EntryFile

# The type tables are ``filetypes.py``'s; the forms, the results page and the
# permissions still import these from here.
__all__ = [
    "PHOTO_CONTENT_TYPES",
    "PHOTO_TYPES",
    "PRESENTATION_CHOICES",
    "PRESENTATION_TYPES",
    "CheckedFile",
    "check_upload",
    "safe_name",
]

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
    if is_executable(head) or looks_like_markup(head):
        raise ValidationError(
            _(
                "Plik „%(name)s” to program lub strona internetowa (HTML, SVG), "
                "a takich plików nie przyjmujemy."
            ),
            code="forbidden_type",
            params={"name": name},
        )

    detected = detect_type(head, tail)
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
        digest, has_markup = sha256_and_markup(uploaded_file)
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
    formats = [PILLOW_PLUGINS[detected]]
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
