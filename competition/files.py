"""TEMPORARY minimal file checks so the form can be built; replaced by the
full module from the `files` branch."""

import hashlib
import os
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import storages


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    extension: str
    content_type: str
    size: int
    width: int | None = None
    height: int | None = None
    sha256: str = ""


SIGNATURES = [
    (b"\xff\xd8\xff", "jpg", "image/jpeg", "photo"),
    (b"\x89PNG", "png", "image/png", "photo"),
    (b"%PDF-", "pdf", "application/pdf", "presentation"),
]


def check_upload(uploaded_file, kind, edition):
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    for magic, ext, ctype, k in SIGNATURES:
        if head.startswith(magic) and k == kind:
            digest = hashlib.sha256()
            for chunk in uploaded_file.chunks():
                digest.update(chunk)
            uploaded_file.seek(0)
            return CheckedFile(
                kind, ext, ctype, uploaded_file.size, sha256=digest.hexdigest()
            )
    raise ValidationError(f"Plik „{uploaded_file.name}” ma niedozwolony format.")


def safe_original_name(name):
    return os.path.basename((name or "").replace("\\", "/"))[:200] or "plik"


def store(uploaded_file, checked):
    uploaded_file.seek(0)
    name = f"entries/{uuid.uuid4().hex}.{checked.extension}"
    return storages["private"].save(name, uploaded_file)


def delete_stored(names):
    for name in names:
        try:
            storages["private"].delete(name)
        except Exception:  # noqa: BLE001
            pass


def new_entry_file(checked, stored_name, original_name, position):
    from .models import EntryFile

    return EntryFile(
        kind=checked.kind,
        storage_name=stored_name,
        original_name=safe_original_name(original_name),
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        width=checked.width,
        height=checked.height,
        position=position,
    )
