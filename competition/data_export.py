"""Everything held about one applicant, for a request under RODO art. 15.

A ZIP with ``dane.json`` (the entry's fields, answers, files' metadata,
consents with the texts shown, the jury's decision and scores without the
jurors' names, the e-mails queued to the applicant and the entry's audit log)
and the files themselves under ``pliki/``. The export is logged on the entry.

A file the downloads would refuse (``scanning.may_serve``: quarantined as
infected, or still waiting for its antivirus scan) is not put in the ZIP:
``dane.json`` lists it with the reason instead.

The site keeps no copy of e-mails sent: what exists is the row of the task
that sent each one while the database queue keeps it (``emails.py``); those
rows are listed.
"""

import json
import tempfile
import zipfile

from django.core.files.storage import storages
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import anonymisation, audit, scanning
from .models import Entry, EntryFile
from .uploads import safe_name
from .workflow import SECRETARIAT

EXPORTED = "competition.entry.personal_data_exported"

LOG_ACTIONS = {EXPORTED: _("Eksport danych osobowych (RODO art. 15)")}

CHUNK = 1024 * 1024

# Why a file is not in the ZIP, by its scan state (as ``scanning.refusal``: a
# file not servable and not pending is quarantined).
WITHHELD_PENDING = _("nie dołączono: plik czeka na sprawdzenie programem antywirusowym")
WITHHELD_INFECTED = _("nie dołączono: plik zakażony – w kwarantannie")


def _entry_fields(entry):
    data = {}
    for model_field in Entry._meta.concrete_fields:
        if model_field.name in ("idempotency_key", "draft_invalid_values"):
            continue
        value = getattr(entry, model_field.attname)
        data[model_field.name] = value
    data["edition"] = entry.edition.code
    data["category"] = str(entry.category.name)
    data["status_label"] = str(entry.status_label)
    data["powiat_name"] = entry.powiat_name
    data["legal_form_label"] = str(entry.legal_form_label or "")
    return data


def _file_path(entry_file):
    return f"pliki/{entry_file.pk}-{safe_name(entry_file.original_name)}"


def _withheld(entry_file):
    """Why ``entry_file`` stays out of the ZIP, or ``None`` if it goes in."""
    if scanning.may_serve(entry_file):
        return None
    if entry_file.scan_state == EntryFile.ScanState.PENDING:
        return WITHHELD_PENDING
    return WITHHELD_INFECTED


def _file_data(entry_file):
    data = {
        "kind": entry_file.kind,
        "original_name": entry_file.original_name,
        "content_type": entry_file.content_type,
        "size": entry_file.size,
        "sha256": entry_file.sha256,
        "uploaded_at": entry_file.uploaded_at,
        "scan_state": entry_file.scan_state,
        "path_in_zip": _file_path(entry_file),
    }
    reason = _withheld(entry_file)
    if reason is not None:
        data.update(path_in_zip=None, not_included=reason)
    return data


def _emails(entry):
    values = {value for value in (entry.email, entry.nominee_email) if value}
    tasks = anonymisation.task_results(values)
    if tasks is None:
        return []
    return [
        {
            "enqueued_at": task.enqueued_at,
            "finished_at": task.finished_at,
            "status": task.status,
            "task": task.task_path,
            "arguments": task.args_kwargs,
        }
        for task in tasks.order_by("enqueued_at")
    ]


def _jury(entry):
    decision = getattr(entry, "decision", None)
    reviews = entry.reviews.prefetch_related("scores__criterion").order_by("pk")
    return {
        "decision": {
            "outcome": decision.outcome,
            "justification": decision.justification,
            "decided_at": decision.decided_at,
        }
        if decision
        else None,
        # Jurors are not named: their identity is theirs, not the applicant's.
        "reviews": [
            {
                "status": review.status,
                "submitted_at": review.submitted_at,
                "scores": [
                    {
                        "criterion": str(score.criterion.name),
                        "points": score.points,
                        "comment": score.comment,
                    }
                    for score in review.scores.all()
                ],
            }
            for review in reviews
        ],
    }


def _log_lines(entry):
    return [
        {
            "timestamp": line.timestamp,
            "action": line.action,
            "message": str(line.message),
            "who": audit.actor(line),
            "reason": audit.reason(line),
        }
        for line in anonymisation.entry_log_entries(entry)
        .select_related("user")
        .order_by("timestamp", "pk")
    ]


def collect(entry, entry_files=None):
    """Everything held about the entry's applicant, JSON-serialisable with
    Django's encoder. ``entry_files``: the entry's files as read for the ZIP
    (so both say the same of each file's scan), or read here."""
    if entry_files is None:
        entry_files = list(entry.files.all())
    return {
        "generated_at": timezone.now(),
        "entry": _entry_fields(entry),
        "answers": [
            {"criterion": str(answer.criterion.name), "text": answer.text}
            for answer in entry.answers.select_related("criterion")
        ],
        "files": [_file_data(entry_file) for entry_file in entry_files],
        "consents": [
            {
                "kind": consent.kind,
                "given": consent.given,
                "text": consent.text,
                "version": consent.version,
                "language": consent.language,
                "given_at": consent.given_at,
            }
            for consent in entry.consents.all()
        ],
        "jury": _jury(entry),
        "emails": _emails(entry),
        "log": _log_lines(entry),
    }


def export_zip(entry, user, reason=""):
    """The ZIP of :func:`collect` and the entry's files that may be served
    (not those quarantined or waiting for a scan), as a temporary file (open,
    at its start; files are streamed into it, never held in memory); logs the
    export (who, why) on the entry."""
    # Handed to the caller open: FileResponse closes it.
    buffer = tempfile.TemporaryFile()  # noqa: SIM115
    storage = storages["private"]
    entry_files = list(entry.files.all())
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        content = json.dumps(
            collect(entry, entry_files),
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=2,
        )
        archive.writestr("dane.json", content)
        for entry_file in entry_files:
            if _withheld(entry_file) is not None:
                continue
            with (
                storage.open(entry_file.storage_name, "rb") as source,
                archive.open(_file_path(entry_file), "w") as target,
            ):
                while chunk := source.read(CHUNK):
                    target.write(chunk)
    log(
        instance=entry,
        action=EXPORTED,
        user=user,
        data={"reason": reason, "actor": SECRETARIAT},
    )
    buffer.seek(0)
    return buffer
