"""The secretariat's formal check of a submitted entry (DESIGN §5).

The checklist is the edition's :class:`FormalCriterion` list; the decision is
one of three moves out of ``submitted``. :func:`record` stores the checklist,
logs it, makes the move through ``workflow.transition`` and queues the
applicant's e-mail, all in one transaction. The screens are in
``views/formal_check.py``; who may use them is the ``competition.check_entry``
permission.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import emails, workflow
from .dates import WARSAW, deadline_text
from .forms.correction import correctable, field_label
from .models import Entry, FormalCheck, Status

SAVED_ACTION = "competition.formal_check.saved"
SAVED_LABEL = _("Ocena formalna zapisana")

# The moves a formal check may make (``workflow.FORMAL_CHECK_OUTCOMES``) in the
# secretariat's words, in the order the form offers them.
DECISION_LABELS = {
    Status.ELIGIBLE: _("spełnia wymogi"),
    Status.INELIGIBLE: _("nie spełnia"),
    Status.NEEDS_CORRECTION: _("do poprawy"),
}

CORRECTION_DAYS = 7


class NotCheckable(Exception):
    """The entry is no longer waiting for a formal check (status changed)."""


def correctable_fields(entry, criteria=None):
    """(name, label) of what the applicant may be asked to correct: the
    submission form's fields (DESIGN §5 names) and one answer per criterion,
    as ``forms.correction.correctable`` decides (the correction form shows the
    same).

    ``criteria``: the category's criteria when the caller already has them.
    """
    if criteria is None:
        criteria = entry.category.criteria.all()
    return [
        (
            name,
            capfirst(field_label(name))
            if criterion is None
            else _("Odpowiedź: %(criterion)s") % {"criterion": criterion.label},
        )
        for name, criterion in correctable(entry, criteria)
    ]


def correction_window_open(edition, now=None):
    """Whether an applicant can still be asked to correct an entry: only before
    the jury phase opens (the jury must get a complete entry)."""
    return not edition.jury_opens_at or (now or timezone.now()) < edition.jury_opens_at


def default_correction_deadline(edition, now=None):
    """The end of the seventh day from now in Warsaw, but never after the jury
    phase opens; ``None`` once no correction window is left."""
    now = now or timezone.now()
    if not correction_window_open(edition, now):
        return None
    day = timezone.localtime(now, WARSAW).date() + timedelta(days=CORRECTION_DAYS)
    deadline = datetime.combine(day, time(23, 59), tzinfo=WARSAW)
    if edition.jury_opens_at and deadline > edition.jury_opens_at:
        deadline = edition.jury_opens_at
    return deadline


def record(
    entry,
    user,
    results,
    decision,
    note="",
    reason="",
    correction_fields=(),
    correction_deadline=None,
):
    """Store the checklist of ``entry`` and make the decided move.

    ``results``: ``{FormalCriterion id: bool}``; ``decision``: one of
    ``workflow.FORMAL_CHECK_OUTCOMES``. Raises :class:`NotCheckable` when the
    entry is no longer ``submitted`` (then nothing is saved), and whatever
    ``workflow.transition`` raises for a move it refuses. Returns the
    :class:`FormalCheck`.
    """
    decision = Status(decision)
    if decision not in workflow.FORMAL_CHECK_OUTCOMES:
        raise ValueError(f"{decision} is not a formal-check decision")
    now = timezone.now()
    results = {str(pk): bool(met) for pk, met in results.items()}
    if decision == Status.NEEDS_CORRECTION:
        changes = {
            "status_reason": reason,
            "correction_fields": list(correction_fields),
            "correction_deadline": correction_deadline,
        }
    else:
        # A corrected entry still carries the earlier request: clear it.
        changes = {
            "status_reason": reason if decision == Status.INELIGIBLE else "",
            "correction_fields": [],
            "correction_deadline": None,
        }
    with transaction.atomic():
        locked = (
            Entry.objects.select_for_update()
            .select_related("edition", "category")
            .get(pk=entry.pk)
        )
        if locked.status != Status.SUBMITTED:
            raise NotCheckable(locked.status)
        check, _created = FormalCheck.objects.update_or_create(
            entry=locked,
            defaults={
                "results": results,
                "note": note,
                "checked_by": user,
                "checked_at": now,
            },
        )
        log(
            instance=locked,
            action=SAVED_ACTION,
            user=user,
            data={
                "results": results,
                "unmet": [pk for pk, met in results.items() if not met],
                "decision": decision.value,
                "note": note,
                "reason": reason,
                "correction_fields": changes["correction_fields"],
                "correction_deadline": (
                    correction_deadline.isoformat() if correction_deadline else None
                ),
            },
        )
        workflow.transition(
            locked,
            decision,
            workflow.Actor(workflow.SECRETARIAT, user),
            reason=reason,
            **changes,
        )
        _mail_applicant(locked, decision)
    entry.refresh_from_db()
    return check


def mark_eligible(entries, user, criteria_by_edition=None):
    """The bulk action: every requirement met, move each entry to ``eligible``.

    Returns ``(done, skipped)``: entries moved, and entries left as they were
    because they were no longer ``submitted``. Each entry commits in its own
    savepoint, so one that changed meanwhile does not undo the others.
    """
    criteria_by_edition = criteria_by_edition or {}
    done, skipped = [], []
    for entry in entries:
        if entry.edition_id not in criteria_by_edition:
            criteria_by_edition[entry.edition_id] = list(
                entry.edition.formal_criteria.values_list("pk", flat=True)
            )
        results = dict.fromkeys(criteria_by_edition[entry.edition_id], True)
        try:
            record(entry, user, results, Status.ELIGIBLE)
        except (NotCheckable, workflow.TransitionError):
            skipped.append(entry)
        else:
            done.append(entry)
    return done, skipped


def _mail_applicant(entry, decision):
    if not entry.email:
        return
    with translation.override(entry.language):
        labels = dict(correctable_fields(entry))
        extra = {
            "reason": entry.status_reason,
            "correction_fields": [
                str(labels.get(name, name)) for name in entry.correction_fields
            ],
            "correction_deadline": (
                # A deadline at midnight reads as 23:59 of the day before.
                deadline_text(entry.correction_deadline)
                if entry.correction_deadline
                else ""
            ),
        }
    emails.queue_mail(
        f"formal_{decision.value}",
        [entry.email],
        entry.language,
        emails.entry_context(entry, **extra),
    )
