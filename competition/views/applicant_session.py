"""What one applicant's browser holds between requests, in its session.

Its drafts (one per category), the files a form with errors accepted, the
one-time key of its form in each category, the receipts it may see and the
entries whose status page it may open (``views/status.py``).
"""

import uuid

from ..models import Entry, EntryFile, Status

PENDING = "competition_pending_files"
DRAFTS = "competition_drafts"
RECEIPTS = "competition_receipts"
STATUS = "competition_status_entries"
FORM_KEYS = "competition_form_keys"


def held(request, key):
    return list(request.session.get(key, []))


def remember(request, key, value, limit=50):
    values = [item for item in held(request, key) if item != value]
    request.session[key] = (values + [value])[-limit:]


def set_draft(request, category, entry=None):
    """Remember ``entry`` as the draft of ``category``, or forget the draft."""
    drafts = dict(request.session.get(DRAFTS, {}))
    if entry is None:
        drafts.pop(str(category.pk), None)
    else:
        drafts[str(category.pk)] = entry.pk
    request.session[DRAFTS] = drafts


def draft_for(request, edition, category):
    entry_id = request.session.get(DRAFTS, {}).get(str(category.pk))
    if not entry_id:
        return None
    return (
        Entry.objects.filter(
            pk=entry_id, edition=edition, category=category, status=Status.DRAFT
        )
        .prefetch_related("answers", "files")
        .first()
    )


def kept_files(request, draft, handles):
    """Files from earlier attempts that this browser may reuse: its pending
    uploads and its draft's files, limited to the handles the form sent back."""
    allowed = set(held(request, PENDING))
    candidates = list(EntryFile.objects.filter(handle__in=handles, entry=None))
    kept = [item for item in candidates if item.handle in allowed]
    if draft is not None:
        kept += [item for item in draft.files.all() if item.handle in handles]
    return kept


def form_key(request, category, fresh=False):
    """The one-time key of this browser's form in ``category``.

    The form page is never cached, so Back from the receipt fetches it again and
    the browser puts the typed text back into it. A new key on every GET made
    that resent form look new (a second entry); the key therefore stays the same
    for the browser until the applicant asks for a new form, and a resent form
    finds the entry its key already made.
    """
    keys = dict(request.session.get(FORM_KEYS, {}))
    key = keys.get(str(category.pk))
    if fresh or not key:
        key = str(uuid.uuid4())
        keys[str(category.pk)] = key
        request.session[FORM_KEYS] = keys
    return key
