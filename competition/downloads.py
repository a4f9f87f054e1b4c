"""Handing applicants' files out (DESIGN §7): downloads and inline photos.

Every file leaves through :func:`serve`: a short-lived signed URL on S3, streamed
locally, the same headers either way. Downloads of originals go through
:func:`file_response` (an attachment, logged); photos shown to jurors and on the
published results through :func:`inline_image_response`, inline and only as
their copy without EXIF (``photos.py``).
"""

import logging

from django.conf import settings
from django.core.files.storage import storages
from django.http import (
    FileResponse,
    Http404,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.log_actions import log

from . import audit, photos, scanning
from .filetypes import PHOTO_CONTENT_TYPES
from .models import EntryFile
from .permissions import can_download_original

logger = logging.getLogger(__name__)


# Staff and jurors: never kept by a browser or a proxy (a signed URL in a redirect
# is a credential too). The published results: short, so a corrected decision or
# a withdrawn consent takes effect within minutes.
PRIVATE_CACHE = "private, no-store"
PUBLIC_CACHE = "public, max-age=600"
# Should a file ever be opened on its own, it loads and runs nothing.
FILE_CSP = "default-src 'none'; sandbox"


def file_response(request, entry_file):
    """The response that hands ``entry_file``'s original to ``request.user`` as
    an attachment under its original name, logged (:func:`serve`). The caller
    checks :func:`permissions.can_download_original`."""
    if not scanning.may_serve(entry_file):
        return scanning.refusal(entry_file)
    _log_download(request, entry_file)
    return serve(
        entry_file.storage_name,
        entry_file.content_type,
        content_disposition_header(
            as_attachment=True, filename=entry_file.original_name
        ),
        PRIVATE_CACHE,
    )


def inline_image_response(request, entry_file, public=False):
    """A photo of an entry for an ``<img>``, inline: its clean copy
    (:func:`photos.display_copy`: re-encoded, no EXIF), never the original.
    For a jury screen (logged like a download, kept out of caches) or, with
    ``public``, for the published results (not logged, cached briefly). The
    caller checks the access rule (:mod:`permissions`). Raises ``Http404`` for
    anything that is not a photo whose type was detected from its bytes at
    upload (JPEG, PNG, WebP), or whose copy cannot be made."""
    if not scanning.may_serve(entry_file):
        return scanning.refusal(entry_file)
    if (
        entry_file.kind != EntryFile.Kind.PHOTO
        or entry_file.content_type not in PHOTO_CONTENT_TYPES
    ):
        raise Http404
    try:
        name = photos.display_copy(entry_file)
    except photos.CopyFailed:
        logger.exception("No display copy of photo %s", entry_file.pk)
        raise Http404 from None
    if not public:
        _log_download(request, entry_file, inline=True)
    return serve(
        name,
        photos.CONTENT_TYPE,
        "inline",
        PUBLIC_CACHE if public else PRIVATE_CACHE,
    )


def serve(name, content_type, disposition, cache_control):
    """The one way a private file leaves the storage, with the same headers
    whatever the file: on S3 a redirect to a URL signed for
    ``PRIVATE_FILE_URL_EXPIRY`` seconds that makes S3 answer with our content
    type, disposition and caching; locally the file streamed. Either way
    ``nosniff`` and a sandboxing policy. ``Http404`` if a local file is missing."""
    storage = storages["private"]
    if _signs_urls(storage):
        url = storage.url(
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
                "ResponseCacheControl": cache_control,
            },
            expire=settings.PRIVATE_FILE_URL_EXPIRY,
        )
        response = HttpResponseRedirect(url)
        # The signed URL is a credential, and would outlive its signature in a cache.
        response["Cache-Control"] = PRIVATE_CACHE
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError:
            logger.error("Private file %s is missing", name)
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
        response["Content-Disposition"] = disposition
        response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    return response


def _log_download(request, entry_file, inline=False):
    data = {"file": entry_file.original_name, "file_id": entry_file.pk}
    if inline:
        data["inline"] = True
    log(
        instance=entry_file.entry,
        action=audit.DOWNLOADED,
        user=request.user,
        data=data,
    )


def _signs_urls(storage):
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages without boto3: no S3 here
        return False
    return isinstance(storage, S3Storage)


def entry_file_or_404(pk, related="entry"):
    """The file ``pk`` of an entry, with ``related`` selected; ``Http404`` for a
    file held for a form and not yet part of an entry, or none at all."""
    return get_object_or_404(
        EntryFile.objects.select_related(related), pk=pk, entry__isnull=False
    )


def forbidden(message):
    """The admin's 403 with ``message``: not ``PermissionDenied``, which
    Wagtail's admin would turn into a redirect home."""
    return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")


@require_GET
def download_entry_file(request, pk):
    """Admin view ``competition_file_download``: one entry file as uploaded, for
    a permitted user (:func:`permissions.can_download_original`; a juror sees
    photos through ``jury.photo`` only), 403 for anyone else in the admin, 404 for a
    file held for a form and not yet part of an entry."""
    entry_file = entry_file_or_404(pk)
    if not can_download_original(request.user, entry_file):
        return forbidden(_("Nie masz uprawnień do pobierania plików zgłoszeń."))
    return file_response(request, entry_file)
