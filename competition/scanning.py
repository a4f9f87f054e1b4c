"""Antivirus scanning of applicants' files (issue 12 §3) with ClamAV's ``clamd``.

Every upload is stored as "pending" when a scanner is configured
(``CLAMD_SOCKET``, or ``CLAMD_HOST`` and ``CLAMD_PORT``), and a background task
streams it to clamd once the row is committed. Until then nobody can open it.
What clamd says decides the rest:

- nothing found: "clean";
- a signature: "infected". The content moves to ``quarantine/`` in the private
  storage (kept, not deleted: a false positive can be restored by hand, and the
  secretariat may need the evidence; on S3 the prefix can be denied to every
  role but the administrator's), the secretariat and the applicant are e-mailed,
  the competition's log gets a line. Never served again;
- past clamd's limits (``StreamMaxLength``, or ``MaxFileSize``/``MaxScanSize``
  with ``AlertExceedsMax``): "too_large", for a person to check; logged;
- clamd unreachable or confused: the file stays "pending" and
  ``manage.py scan_pending_files`` (run on a schedule) tries again. Never "clean".

Without a configured scanner (the demo, development) uploads are "not scanned"
and every screen that lists them says so. Serving goes through
:func:`may_serve`, called at the top of every view that hands out a file.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import storages
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import default_task_backend, task
from wagtail.log_actions import log

from . import audit, clamd, emails, workflow
from .models import EntryFile
from .roles import SECRETARIAT_GROUP

logger = logging.getLogger(__name__)

State = EntryFile.ScanState

# States whose content may be handed out. A file too large for the scanner is
# served to whoever may open the entry, under the label asking for care.
SERVABLE = frozenset({State.CLEAN, State.TOO_LARGE, State.NOT_SCANNED})
# States a scan may start from.
SCANNABLE = (State.PENDING, State.NOT_SCANNED)

QUARANTINE_PREFIX = "quarantine/"

INFECTED = "competition.file.infected"
TOO_LARGE = "competition.file.too_large_for_scanner"


# Registered in wagtail_hooks.py with the other modules' own.
LOG_FORMATTERS = {
    INFECTED: audit.formatter(
        _("Złośliwe oprogramowanie w pliku"),
        _(
            "Złośliwe oprogramowanie (%(signature)s) w pliku %(file)s: "
            "plik w kwarantannie"
        ),
    ),
    TOO_LARGE: audit.formatter(
        _("Plik za duży dla programu antywirusowego"),
        _(
            "Plik %(file)s jest za duży dla programu antywirusowego: "
            "do ręcznego sprawdzenia"
        ),
    ),
}


def scanner():
    """The configured :class:`clamd.Scanner`, or ``None`` when scanning is off."""
    if settings.CLAMD_SOCKET:
        return clamd.Scanner(
            socket_path=settings.CLAMD_SOCKET, timeout=settings.CLAMD_TIMEOUT
        )
    if settings.CLAMD_HOST:
        return clamd.Scanner(
            host=settings.CLAMD_HOST,
            port=settings.CLAMD_PORT,
            timeout=settings.CLAMD_TIMEOUT,
        )
    return None


def initial_state():
    """The state of a new upload: pending a scan, or "not scanned" without a
    scanner."""
    return State.PENDING if scanner() is not None else State.NOT_SCANNED


def may_serve(entry_file):
    """Whether ``entry_file``'s content may be handed to anyone at all (the
    caller still checks who is asking): never while pending, never infected."""
    return entry_file.scan_state in SERVABLE


def refusal(entry_file):
    """The 403 for a file :func:`may_serve` holds back, saying why."""
    if entry_file.scan_state == State.PENDING:
        message = _(
            "Ten plik jest jeszcze sprawdzany programem antywirusowym "
            "(sprawdzanie w toku). Spróbuj ponownie za kilka minut."
        )
    else:
        message = _(
            "W tym pliku program antywirusowy wykrył złośliwe oprogramowanie. "
            "Plik przeniesiono do kwarantanny i nie można go otworzyć."
        )
    return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")


# --- Queueing ------------------------------------------------------------------------


def queue_scans(entry_files):
    """Queue a scan of each pending file once the caller's transaction commits
    (with the database queue: in it, as ``emails.queue_mail`` does)."""
    ids = [item.pk for item in entry_files if item.scan_state == State.PENDING]
    if not ids:
        return

    def enqueue():
        for pk in ids:
            scan_file_task.enqueue(pk)

    if emails._is_transactional(default_task_backend):
        enqueue()
    else:
        transaction.on_commit(enqueue)


@task()
def scan_file_task(file_id):
    """Scan one stored file (see :func:`scan`); returns its new state."""
    return scan(file_id)


# --- Scanning ------------------------------------------------------------------------


def scan(file_id):
    """Stream the file to clamd and record the verdict; returns the file's
    state afterwards (``None`` if the row is gone).

    Only a "pending" or "not scanned" file is scanned; a file whose scan
    cannot finish (clamd unreachable, a broken answer, a storage error) stays
    as it was, to be retried by ``scan_pending_files``.
    """
    entry_file = EntryFile.objects.filter(pk=file_id).first()
    if entry_file is None or entry_file.scan_state not in SCANNABLE:
        return entry_file and entry_file.scan_state
    client = scanner()
    if client is None:
        return entry_file.scan_state
    try:
        with storages["private"].open(entry_file.storage_name, "rb") as stream:
            verdict = client.scan(stream)
    except clamd.ScannerUnavailable as error:
        logger.warning("File %s not scanned yet: %s", entry_file.pk, error)
        return entry_file.scan_state
    except OSError:
        logger.exception("File %s could not be read for scanning", entry_file.pk)
        return entry_file.scan_state
    return record(entry_file.pk, verdict)


def record(file_id, verdict):
    """Record a :class:`clamd.Verdict` on the file (locked, so two scans of
    one file act once); returns the new state."""
    with transaction.atomic():
        entry_file = (
            EntryFile.objects.select_for_update(of=("self",))
            .select_related("entry__edition", "entry__category")
            .filter(pk=file_id)
            .first()
        )
        if entry_file is None or entry_file.scan_state not in SCANNABLE:
            return entry_file and entry_file.scan_state
        entry_file.scanned_at = timezone.now()
        entry_file.scan_signature = verdict.signature[:255]
        if verdict.result == clamd.CLEAN:
            entry_file.scan_state = State.CLEAN
        elif verdict.result == clamd.TOO_LARGE:
            entry_file.scan_state = State.TOO_LARGE
            _log(entry_file, TOO_LARGE)
        else:
            entry_file.scan_state = State.INFECTED
            _quarantine(entry_file)
            _log(entry_file, INFECTED)
            _notify(entry_file)
        entry_file.save(
            update_fields=["scan_state", "scanned_at", "scan_signature", "storage_name"]
        )
        return entry_file.scan_state


def attached(entry, entry_files):
    """Files held for a form with errors have just joined ``entry``: any of
    them found infected while it had no entry is logged on the entry now, and
    the applicant, whose address was unknown then, is told."""
    for entry_file in entry_files:
        if entry_file.scan_state == State.INFECTED:
            entry_file.entry = entry
            _log(entry_file, INFECTED)
            _notify_applicant(entry_file)


def _quarantine(entry_file):
    """Move the content under ``quarantine/``; the original goes on commit."""
    if entry_file.storage_name.startswith(QUARANTINE_PREFIX):
        return
    storage = storages["private"]
    original = entry_file.storage_name
    with storage.open(original, "rb") as content:
        entry_file.storage_name = storage.save(QUARANTINE_PREFIX + original, content)
    transaction.on_commit(lambda: _delete_quietly(original))


def _delete_quietly(name):
    from .files import delete_stored

    delete_stored([name])


def _log(entry_file, action):
    log(
        instance=entry_file.entry or entry_file,
        action=action,
        data={
            "file": entry_file.original_name,
            "file_id": entry_file.pk,
            "signature": entry_file.scan_signature,
            "actor": workflow.SYSTEM,
        },
    )


def _notify(entry_file):
    """E-mail the secretariat (the edition's contact address in Polish, and
    each member of the secretariat group in their admin language) and the
    applicant (in the entry's language)."""
    entry = entry_file.entry
    context = {
        "file_name": entry_file.original_name,
        "signature": entry_file.scan_signature,
        "reference": "",
        "title": "",
        "entry_url": "",
    }
    recipients = {}
    if entry is not None:
        context.update(
            reference=entry.reference or "",
            title=entry.title,
            edition_title=entry.edition.title,
            entry_url=_admin_url(entry),
        )
        if entry.edition.contact_email:
            recipients[entry.edition.contact_email.lower()] = settings.LANGUAGE_CODE
    staff = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=SECRETARIAT_GROUP)
        .exclude(email="")
        .distinct()
    )
    languages = emails.staff_languages(staff)
    for user in staff:
        recipients.setdefault(user.email.lower(), languages[user.pk])
    if not recipients:
        logger.error("Infected file %s: nobody to tell", entry_file.pk)
    for address, language in sorted(recipients.items()):
        emails.queue_mail("file_infected_staff", [address], language, context)
    _notify_applicant(entry_file)


def _notify_applicant(entry_file):
    entry = entry_file.entry
    if entry is not None and entry.email:
        emails.queue_mail(
            "file_infected",
            [entry.email],
            entry.language,
            emails.entry_context(entry, file_name=entry_file.original_name),
        )


def _admin_url(entry):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse('competition_entry:inspect', args=[entry.pk])}"
