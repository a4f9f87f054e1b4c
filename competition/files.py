"""Storing applicants' files (DESIGN §7) once :mod:`uploads` has checked them.

Files go to ``storages["private"]`` under random names; the applicant's file name
is kept only as data (``EntryFile.original_name``). Content is streamed by the
storage, never read whole. Handing files out is ``downloads.py``'s work.
"""

import logging
import uuid

from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone

from . import scanning
from .models import EntryFile
from .uploads import safe_name

logger = logging.getLogger(__name__)


def store(uploaded_file, checked):
    """Save a checked upload to the private storage; returns the stored name.

    The name is random (``entries/2027/03/<uuid4 hex>.pdf``), its extension from
    the detected type; the content is streamed by the storage. The stored content
    type is the detected one, not the browser's.
    """
    now = timezone.localtime()
    name = f"entries/{now:%Y}/{now:%m}/{uuid.uuid4().hex}.{checked.extension}"
    uploaded_file.seek(0)
    # A plain File around the upload: S3Storage would otherwise store the
    # browser's content type, and FileSystemStorage would move a temporary upload
    # away from under the caller.
    content = File(uploaded_file, name=name)
    content.content_type = checked.content_type
    return storages["private"].save(name, content)


def delete_stored(names):
    """Delete stored files, best effort: failures are logged, never raised.

    For cleaning up after a transaction that did not commit.
    """
    storage = storages["private"]
    for name in names:
        if not name:
            continue
        try:
            storage.delete(name)
        except Exception:
            logger.exception("Could not delete private file %s", name)


def new_entry_file(checked, stored_name, original_name, position=0):
    """An unsaved ``EntryFile`` (no entry yet) for a stored, checked upload."""
    return EntryFile(
        entry=None,
        kind=checked.kind,
        storage_name=stored_name,
        original_name=safe_name(original_name),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        width=checked.width,
        height=checked.height,
        position=position,
        scan_state=scanning.initial_state(),
    )
