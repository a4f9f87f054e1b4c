"""The copies of applicants' photos that jurors and the public see (issue 12 §3).

A phone's photo carries EXIF: where it was taken (GPS), when, on which device,
often a thumbnail of the uncropped picture. Only the secretariat ever gets the
original (``downloads.file_response``). Everyone else gets a copy re-encoded by
Pillow: turned upright by its EXIF orientation, at most ``MAX_EDGE`` pixels on
the long side, colours converted to sRGB, saved as a plain JPEG without EXIF,
XMP, ICC profile or comments. The copy lives in the private storage under
``shown/``, its name in ``EntryFile.display_name``.

The copy is made on first view (:func:`display_copy`), not at upload: an
applicant's request then never waits for a 40-megapixel decode, drafts and
abandoned forms never cost one, and photos stored before this module existed
(and the demo's) are covered without a data migration. The row is locked while
the copy is made, so two jurors opening the same entry make it once.
``manage.py build_photo_copies`` makes the missing ones ahead of the jury phase.
"""

import io
import logging
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageCms, ImageOps

from .filetypes import PHOTO_CONTENT_TYPES, PILLOW_PLUGINS
from .models import EntryFile

logger = logging.getLogger(__name__)

MAX_EDGE = 2000
QUALITY = 85
CONTENT_TYPE = "image/jpeg"
PREFIX = "shown"

# Only the Pillow plugins of the types ``uploads.check_upload`` accepts may parse
# a stored photo (JPEG's also opens a phone's MPO).
PLUGINS = list(PILLOW_PLUGINS.values())

_SRGB = ImageCms.createProfile("sRGB")


class CopyFailed(Exception):
    """The original is missing or Pillow cannot read it."""


def display_copy(entry_file):
    """The storage name of ``entry_file``'s clean copy, made now if there is none.

    ``entry_file`` must be a photo. The row is locked (``SELECT ... FOR
    UPDATE``) while the copy is made and ``display_name`` saved, so concurrent
    views make one copy. Raises :class:`CopyFailed` if the original cannot be
    read.
    """
    if entry_file.display_name:
        return entry_file.display_name
    storage = storages["private"]
    with transaction.atomic():
        locked = EntryFile.objects.select_for_update().get(pk=entry_file.pk)
        if not locked.display_name:
            name = storage.save(_new_name(), ContentFile(_encode(locked), name="x"))
            try:
                locked.display_name = name
                locked.save(update_fields=["display_name"])
            except Exception:
                storage.delete(name)
                raise
    entry_file.display_name = locked.display_name
    return entry_file.display_name


def _new_name():
    now = timezone.localtime()
    return f"{PREFIX}/{now:%Y}/{now:%m}/{uuid.uuid4().hex}.jpg"


def _encode(entry_file):
    """The clean JPEG's bytes for ``entry_file``'s original."""
    if entry_file.content_type not in PHOTO_CONTENT_TYPES:
        raise CopyFailed(f"{entry_file.storage_name} is not a photo")
    try:
        with (
            storages["private"].open(entry_file.storage_name, "rb") as handle,
            Image.open(handle, formats=PLUGINS) as image,
        ):
            return clean_jpeg(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        # FileNotFoundError is an OSError; Pillow raises OSError or SyntaxError
        # for a broken file (which check_upload would have refused).
        raise CopyFailed(f"{entry_file.storage_name}: {error!r}") from error


def clean_jpeg(image):
    """``image`` (an opened Pillow image) as JPEG bytes with no metadata: upright,
    at most ``MAX_EDGE`` px on the long side, sRGB, transparency on white."""
    if image.format in ("JPEG", "MPO"):
        # Decode at 1/2, 1/4 or 1/8 scale when that is still at least MAX_EDGE:
        # a 40 Mpx photo then costs a fraction of its full size in memory.
        image.draft("RGB", (MAX_EDGE, MAX_EDGE))
    icc_profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    upright.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    rgb = _to_rgb(upright)
    if icc_profile:
        rgb = _to_srgb(rgb, icc_profile)
    # A new image carries nothing of the original's ``info`` (EXIF, XMP, ICC,
    # comments, DPI): only the pixels are copied.
    clean = Image.new("RGB", rgb.size)
    clean.paste(rgb)
    buffer = io.BytesIO()
    clean.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def _to_rgb(image):
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, image).convert("RGB")
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        # 16-bit greyscale PNG: scale to 8 bits rather than clip to white.
        image = image.point(lambda value: value / 256).convert("L")
    return image.convert("RGB")


def _to_srgb(image, icc_profile):
    """Colours from the photo's own profile (Display P3, Adobe RGB...) to sRGB,
    which browsers assume for an untagged JPEG; unchanged if the profile is
    unusable or not an RGB one."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if source.profile.xcolor_space.strip() != "RGB":
            return image
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def build_missing():
    """Make the clean copy of every photo of an entry that has none yet.

    Returns (made, failed); a failure is logged and the rest go on.
    """
    made = failed = 0
    photos = EntryFile.objects.filter(
        kind=EntryFile.Kind.PHOTO, entry__isnull=False, display_name=""
    ).order_by("pk")
    for entry_file in photos.iterator():
        try:
            display_copy(entry_file)
        except CopyFailed:
            logger.exception("No display copy of photo %s", entry_file.pk)
            failed += 1
        else:
            made += 1
    return made, failed
