"""Removing an applicant's personal data from an entry (RODO art. 5(1)(e), 17).

One procedure for both causes: the edition's retention date has passed
(``manage.py anonymise_expired_entries``, ``retention.py``) or the applicant
asked for erasure (the secretariat's "Usuń dane osobowe" screen).

What goes: every field that names or reaches a person or organisation (names,
NIP/REGON/KRS, address but the powiat, website, e-mails, phones), what they
wrote (title, summary, answers, a draft's typed values), the files (storage
objects and rows), the private links (the status link stops working), the
staff's free texts about the entry (the secretariat's reasons and notes, the
jurors' comments and declarations' explanations, the decision's
justification), the free texts and file names in the entry's audit log, any
other trace of the removed values in the audit log, and queued or finished
e-mail tasks addressed to the applicant.

What stays, for the statistics: the reference number, edition, category,
powiat, legal form, nominee kind, status, dates, points, decisions' outcomes
and the consents (kind, version, language, given and when; their text is the
edition's generic wording, with nothing of the applicant in it, and proves
what was agreed to). The audit log keeps every line's action and time.
"""

import json
import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from . import files
from .models import (
    AccessToken,
    Assignment,
    ConflictDeclaration,
    Decision,
    Entry,
    EntryAnswer,
    FormalCheck,
    Review,
    ReviewVersion,
    Score,
)
from .submission import ENTRY_FIELDS, stored_names
from .validators import format_nip
from .workflow import SECRETARIAT, SYSTEM

logger = logging.getLogger(__name__)

ANONYMISED = "competition.entry.anonymised"
ERASED = "competition.entry.erased"

LOG_ACTIONS = {
    ANONYMISED: _("Dane osobowe zanonimizowane (upływ okresu przechowywania)"),
    ERASED: _("Dane osobowe usunięte na żądanie (RODO art. 17)"),
}

#: What replaces a removed value inside a text that stays.
REMOVED = "[usunięto]"

#: The submitted fields that stay, for the statistics.
KEPT_FIELDS = frozenset(
    {"nominee_kind", "nomination", "legal_form", "powiat", "previous_award_year"}
)

#: The entry's fields holding personal data (or what identifies the
#: organisation and so its people), emptied: every other submitted field, and
#: the secretariat's reason.
PERSONAL_FIELDS = (
    *(name for name in ENTRY_FIELDS if name not in KEPT_FIELDS),
    "status_reason",
)

#: Values searched for (and replaced) in texts that stay: those long and
#: distinctive enough not to match ordinary words (not a postal code or a
#: town, not the summary or the reason, which are long texts themselves).
SEARCHED_FIELDS = tuple(
    name
    for name in PERSONAL_FIELDS
    if name not in {"postal_code", "city", "summary", "status_reason"}
)
MIN_SEARCHED_LENGTH = 5

#: Keys of audit-log data holding free text or a file's name: emptied at any
#: depth in the entry's log lines (the rest is actions, states and ids).
FREE_TEXT_KEYS = frozenset({"reason", "comment", "note", "justification", "file"})


class Cause:
    RETENTION = "retention"
    REQUEST = "request"


@dataclass
class Plan:
    """What anonymising one entry removes (also what a dry run reports)."""

    entry: Entry
    file_names: list = field(default_factory=list)
    files: int = 0
    tokens: int = 0


def plan(entry):
    """What :func:`anonymise` would remove from ``entry`` (nothing is changed)."""
    entry_files = list(entry.files.all())
    return Plan(
        entry=entry,
        # Originals (or their quarantined content) and the photos' clean copies.
        file_names=[name for item in entry_files for name in stored_names(item)],
        files=len(entry_files),
        tokens=entry.tokens.count(),
    )


def personal_values(entry):
    """The entry's personal values worth searching for elsewhere (the NIP also
    as displayed, the phone also without spaces)."""
    values = set()
    for name in SEARCHED_FIELDS:
        value = (getattr(entry, name) or "").strip()
        if len(value) >= MIN_SEARCHED_LENGTH:
            values.add(value)
    if entry.nip:
        values.add(format_nip(entry.nip))
    for phone in (entry.phone, entry.nominee_phone):
        compact = "".join((phone or "").split())
        if len(compact) >= MIN_SEARCHED_LENGTH:
            values.add(compact)
    return values


def scrub(text, values):
    """``text`` with every occurrence of ``values`` (any case) replaced."""
    if not text:
        return text
    lowered = text.lower()
    for value in sorted(values, key=len, reverse=True):
        start = lowered.find(value.lower())
        while start != -1:
            text = text[:start] + REMOVED + text[start + len(value) :]
            lowered = text.lower()
            start = lowered.find(value.lower(), start + len(REMOVED))
    return text


def _scrub_data(data, values, free_text=False):
    """JSON data with removed values replaced; with ``free_text``, the free
    texts (:data:`FREE_TEXT_KEYS`) emptied too."""
    if isinstance(data, dict):
        return {
            key: (
                _emptied(value)
                if free_text and key in FREE_TEXT_KEYS
                else _scrub_data(value, values, free_text)
            )
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_scrub_data(value, values, free_text) for value in data]
    if isinstance(data, str):
        return scrub(data, values)
    return data


def _emptied(value):
    if isinstance(value, dict):
        return {}
    if isinstance(value, list):
        return []
    if isinstance(value, str):
        return ""
    return value


def _search_forms(value):
    # Text columns hold the value itself; JSON stored as text (SQLite) holds
    # non-ASCII characters escaped.
    return {value, json.dumps(value)[1:-1]}


def _containing(queryset, columns, values):
    """Rows of ``queryset`` with any of ``values`` in any of ``columns`` (JSON
    columns compared as their text)."""
    annotations = {f"_{column}_text": Cast(column, TextField()) for column in columns}
    condition = Q()
    for value in values:
        for form in _search_forms(value):
            for name in annotations:
                condition |= Q(**{f"{name}__icontains": form})
    if not values:
        return queryset.none()
    return queryset.annotate(**annotations).filter(condition)


def entry_log_entries(entry):
    """Audit-log lines about the entry: on the entry itself and on its
    reviews, decision, formal check, declarations and assignments."""
    related = {
        Entry: [entry.pk],
        Review: Review.objects.filter(entry=entry).values_list("pk", flat=True),
        Decision: Decision.objects.filter(entry=entry).values_list("pk", flat=True),
        FormalCheck: FormalCheck.objects.filter(entry=entry).values_list(
            "pk", flat=True
        ),
        ConflictDeclaration: ConflictDeclaration.objects.filter(
            entry=entry
        ).values_list("pk", flat=True),
        Assignment: Assignment.objects.filter(entry=entry).values_list("pk", flat=True),
    }
    condition = Q()
    for model, pks in related.items():
        pks = [str(pk) for pk in pks]
        if pks:
            condition |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=pks,
            )
    return ModelLogEntry.objects.filter(condition)


def _clean_logs(entry, values):
    own = entry_log_entries(entry)
    for log_entry in own:
        log_entry.data = _scrub_data(log_entry.data or {}, values, free_text=True)
        log_entry.label = scrub(log_entry.label, values)
        log_entry.save(update_fields=["data", "label"])
    # Any other line holding a removed value (a page's log included).
    for log_model in (ModelLogEntry, PageLogEntry):
        others = _containing(
            log_model.objects.exclude(pk__in=own.values("pk"))
            if log_model is ModelLogEntry
            else log_model.objects.all(),
            ["data", "label"],
            values,
        )
        for log_entry in others:
            log_entry.data = _scrub_data(log_entry.data or {}, values)
            log_entry.label = scrub(log_entry.label, values)
            log_entry.save(update_fields=["data", "label"])


def task_results(values):
    """Rows of the database task queue (e-mails) holding any of ``values``;
    none when the queue is not the database."""
    if not values or not apps.is_installed("django_tasks_db"):
        return None
    from django_tasks_db.models import DBTaskResult

    return _containing(
        DBTaskResult.objects.all(), ["args_kwargs", "return_value", "traceback"], values
    )


def _delete_tasks(entry, values):
    """Delete the task rows holding the entry's values: every finished one
    (a record only), and those still waiting that are about this entry (its
    reference number). A waiting e-mail about another entry of the same
    applicant (a later edition still kept) is left to be sent."""
    tasks = task_results(values)
    if tasks is None:
        return 0
    from django_tasks.base import TaskResultStatus

    waiting = Q(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
    if entry.reference:
        waiting &= ~Q(_args_kwargs_text__contains=f'"{entry.reference}"')
    return tasks.exclude(waiting).delete()[0]


def _clear_jury_texts(entry):
    FormalCheck.objects.filter(entry=entry).update(note="")
    ConflictDeclaration.objects.filter(entry=entry).update(note="")
    Score.objects.filter(review__entry=entry).update(comment="")
    Decision.objects.filter(entry=entry).update(justification="")
    for version in ReviewVersion.objects.filter(review__entry=entry):
        version.scores = [
            {**score, "comment": ""} if isinstance(score, dict) else score
            for score in version.scores or []
        ]
        version.reason = ""
        version.save(update_fields=["scores", "reason"])


def anonymise(entry, cause=Cause.RETENTION, user=None, reason=""):
    """Remove the applicant's personal data from ``entry`` (see the module's
    docstring), log it once on the entry, and delete its stored files once
    the transaction commits. Returns the :class:`Plan` carried out, or
    ``None`` when the entry was anonymised before (nothing is done twice).

    ``reason``: why (an erasure request's description); values of the entry
    found in it are removed too.
    """
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if entry.anonymised_at is not None:
            return None
        done = plan(entry)
        values = personal_values(entry)
        now = timezone.now()

        entry.files.all().delete()
        AccessToken.objects.filter(entry=entry).delete()
        EntryAnswer.objects.filter(entry=entry).update(text="")
        _clear_jury_texts(entry)
        _clean_logs(entry, values)
        task_count = _delete_tasks(entry, values)

        for name in PERSONAL_FIELDS:
            setattr(entry, name, "")
        entry.draft_invalid_values = {}
        entry.anonymised_at = now
        entry.save()

        log(
            instance=entry,
            action=ERASED if cause == Cause.REQUEST else ANONYMISED,
            user=user,
            data={
                "cause": cause,
                "reason": scrub(reason or "", values),
                "files": done.files,
                "actor": SECRETARIAT if user else SYSTEM,
            },
        )
        names = done.file_names
        transaction.on_commit(lambda: files.delete_stored(names))
    logger.info(
        "Personal data of entry %s anonymised (%s): %d files, %d task rows",
        entry.reference or entry.pk,
        cause,
        done.files,
        task_count,
        extra={
            "event": "entry_anonymised",
            "entry": entry.reference or entry.pk,
            "cause": cause,
            "files": done.files,
            "tokens": done.tokens,
            "tasks": task_count,
        },
    )
    return done
