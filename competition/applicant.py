"""What an applicant sees of an entry and may still do with it.

The state in plain words and what happens next (a decision stays hidden until
the edition publishes its results), when a withdrawal or a correction is still
open, and the submitted data as label/value rows: pure functions of an entry,
its edition and a time. And the applicant's two actions, :func:`withdraw` and
:func:`submit_correction`, each one transaction. Used by the status page
(``views/status.py``), which parses the forms and renders.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import audit, emails, submission, workflow
from .models import Consent, Entry, Status

# The state in plain words and what happens next. Placeholders: the edition's
# dates in Warsaw time (jury_opens, jury_closes, results_at).
STATUS_TEXTS = {
    Status.SUBMITTED: (
        _("Zgłoszenie zostało przyjęte"),
        _(
            "Sekretariat sprawdzi zgłoszenie pod względem formalnym do "
            "%(jury_opens)s. Jeśli czegoś zabraknie, napiszemy do Ciebie "
            "i poprosimy o poprawkę."
        ),
    ),
    Status.NEEDS_CORRECTION: (
        _("Zgłoszenie wymaga poprawy"),
        _(
            "Sekretariat prosi o poprawienie zgłoszenia. Popraw wskazane pola "
            "w formularzu poniżej i wyślij je ponownie."
        ),
    ),
    Status.ELIGIBLE: (
        _("Zgłoszenie spełnia wymogi formalne"),
        _(
            "Zgłoszenie weźmie udział w konkursie. Jury zacznie oceniać zgłoszenia "
            "%(jury_opens)s."
        ),
    ),
    Status.INELIGIBLE: (
        _("Zgłoszenie nie spełnia wymogów formalnych"),
        _(
            "Zgłoszenie nie weźmie udziału w ocenie jury. Jeśli masz pytania, "
            "skontaktuj się z organizatorem."
        ),
    ),
    Status.IN_REVIEW: (
        _("Zgłoszenie jest w ocenie jury"),
        _(
            "Jury ocenia zgłoszenia do %(jury_closes)s. Wyniki ogłosimy około "
            "%(results_at)s."
        ),
    ),
    Status.REVIEWED: (
        _("Jury oceniło zgłoszenie – czekamy na ogłoszenie wyników"),
        _(
            "Wyniki konkursu ogłosimy około %(results_at)s. Do tego czasu nie "
            "podajemy ocen ani decyzji."
        ),
    ),
    Status.LAUREATE: (
        _("Zgłoszenie zostało laureatem konkursu"),
        _(
            "Gratulujemy! Organizator skontaktuje się z Tobą w sprawie "
            "wręczenia nagród."
        ),
    ),
    Status.DISTINCTION: (
        _("Zgłoszenie otrzymało wyróżnienie"),
        _(
            "Gratulujemy! Organizator skontaktuje się z Tobą w sprawie "
            "wręczenia wyróżnień."
        ),
    ),
    Status.NOT_AWARDED: (
        _("Zgłoszenie nie otrzymało nagrody"),
        _(
            "Dziękujemy za udział w konkursie. Zapraszamy do zgłoszenia się "
            "w kolejnej edycji."
        ),
    ),
    Status.WITHDRAWN: (
        _("Zgłoszenie zostało wycofane"),
        _("Zgłoszenie nie weźmie udziału w konkursie. Nic więcej nie musisz robić."),
    ),
    Status.DISQUALIFIED: (
        _("Zgłoszenie zostało zdyskwalifikowane"),
        _(
            "Zgłoszenie nie weźmie dalej udziału w konkursie. Jeśli masz pytania, "
            "skontaktuj się z organizatorem."
        ),
    ),
}

CORRECTION_CLOSED = _(
    "Termin poprawy minął. Jeśli chcesz jeszcze coś wyjaśnić, skontaktuj się "
    "z organizatorem."
)
CORRECTION_BY_CONTACT = _(
    "Sekretariat prosi o uzupełnienie zgłoszenia. Skontaktuj się z organizatorem, "
    "aby ustalić, co trzeba poprawić."
)

# What the applicant submitted, in the submission form's order (one list,
# kept with the code that saves it).
DATA_FIELDS = submission.ENTRY_FIELDS


def shown_status(entry, edition, now=None):
    """The state the applicant sees: a decision stays "reviewed" until the
    edition publishes its results."""
    status = Status(entry.status)
    if status in workflow.OUTCOMES and not edition.results_published(now):
        return Status.REVIEWED
    return status


def can_withdraw(entry, edition, now=None):
    """The applicant may withdraw in the early states (the table's
    ``workflow.WITHDRAWABLE``), and only before the jury phase."""
    now = now or timezone.now()
    return (
        workflow.can_transition(entry, Status.WITHDRAWN, workflow.APPLICANT)
        and now < edition.jury_opens_at
    )


def can_correct(entry, now=None):
    """A correction is open while asked for, until its deadline (if any)."""
    now = now or timezone.now()
    if entry.status != Status.NEEDS_CORRECTION or not entry.correction_fields:
        return False
    return entry.correction_deadline is None or now < entry.correction_deadline


class ActionClosed(Exception):
    """The entry's state or the time no longer allows the applicant's action;
    nothing was changed."""


class WithdrawalClosed(ActionClosed):
    pass


class CorrectionClosed(ActionClosed):
    pass


def withdraw(entry, edition, reason, now=None):
    """Withdraw ``entry`` as its applicant, with ``reason``; returns the entry.

    The row is locked and :func:`can_withdraw` asked again under the lock (two
    tabs, or the jury phase opening meanwhile); the move is logged by
    ``workflow.transition`` and the confirmation e-mail queued to go out once
    the transaction commits. Raises :class:`WithdrawalClosed`, changing
    nothing, when a withdrawal is no longer open.
    """
    with transaction.atomic():
        locked = Entry.objects.select_for_update().get(pk=entry.pk)
        if not can_withdraw(locked, edition, now):
            raise WithdrawalClosed(entry.pk)
        workflow.transition(
            locked,
            Status.WITHDRAWN,
            workflow.Actor(workflow.APPLICANT),
            reason=reason,
        )
        if locked.email:
            emails.queue_mail(
                "withdrawn",
                [locked.email],
                locked.language,
                emails.entry_context(locked, reason=reason),
            )
    return locked


def submit_correction(form, now=None):
    """Save a valid ``CorrectionForm`` and send its entry back to the
    secretariat; returns the entry.

    Under a lock on the entry :func:`can_correct` is asked again (the deadline
    may have passed, or the secretariat decided meanwhile); then the corrected
    values are written, the changed and flagged fields logged, the entry moved
    to "submitted" and the confirmation e-mail queued for the commit. Raises
    :class:`CorrectionClosed`, changing nothing, when the correction is closed.
    """
    entry = form.entry
    with transaction.atomic():
        locked = Entry.objects.select_for_update().get(pk=entry.pk)
        if not can_correct(locked, now):
            raise CorrectionClosed(entry.pk)
        entry.refresh_from_db()
        changed = form.changed_fields()
        form.save()
        log(
            instance=entry,
            action=audit.CORRECTED,
            data={
                "fields": changed,
                "flagged": list(form.fields),
                "actor": workflow.APPLICANT,
            },
        )
        workflow.transition(entry, Status.SUBMITTED, workflow.Actor(workflow.APPLICANT))
        if entry.email:
            emails.queue_mail(
                "corrected", [entry.email], entry.language, emails.entry_context(entry)
            )
    return entry


def consent_order(consent):
    order = [kind for kind, _label in Consent.Kind.choices]
    return order.index(consent.kind) if consent.kind in order else len(order)


def submitted_data(entry):
    """(field name, label, value) of every filled field, codes turned into names."""
    rows = []
    for name in DATA_FIELDS:
        value = getattr(entry, name)
        if value in ("", None):
            continue
        label = Entry._meta.get_field(name).verbose_name
        if name in ("nominee_kind", "nomination"):
            value = getattr(entry, f"get_{name}_display")()
        elif name == "legal_form":
            value = entry.legal_form_label
        elif name == "nip":
            value = entry.nip_display
        elif name == "powiat":
            label = _("powiat")
            value = entry.powiat_name or value
        rows.append((name, label, value))
    return rows
