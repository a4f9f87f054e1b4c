"""The applicant's withdrawal and correction as business transactions, called
directly (the status page's HTTP side is in ``test_status.py``)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from competition import applicant
from competition.forms.correction import CorrectionForm
from competition.models import Entry, Status

from . import builders

pytestmark = pytest.mark.django_db


def withdraw_logs():
    return ModelLogEntry.objects.filter(action="competition.entry.withdrawn")


def test_withdraw_moves_logs_and_mails_on_commit(
    edition, django_capture_on_commit_callbacks
):
    entry = builders.entry(edition)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = applicant.withdraw(entry, edition, "Zmiana planów.")
    assert mail.outbox == []  # not before the commit
    for callback in callbacks:
        callback()

    assert result.status == Status.WITHDRAWN
    assert Entry.objects.get(pk=entry.pk).status == Status.WITHDRAWN
    log = withdraw_logs().get()
    assert log.data["actor"] == "applicant" and log.data["reason"] == "Zmiana planów."
    assert [message.to for message in mail.outbox] == [[entry.email]]
    assert "Zmiana planów." in mail.outbox[0].body


@pytest.mark.parametrize("state", [Status.IN_REVIEW, Status.WITHDRAWN])
def test_withdraw_from_a_late_state_raises_and_changes_nothing(
    edition, state, django_capture_on_commit_callbacks
):
    entry = builders.entry(edition, status=state)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(applicant.WithdrawalClosed),
    ):
        applicant.withdraw(entry, edition, "Za późno.")

    assert Entry.objects.get(pk=entry.pk).status == state
    assert not withdraw_logs().exists()
    assert mail.outbox == []


def test_withdraw_at_the_jury_phase_raises(edition):
    entry = builders.entry(edition)
    with pytest.raises(applicant.WithdrawalClosed):
        applicant.withdraw(entry, edition, "", now=edition.jury_opens_at)
    assert Entry.objects.get(pk=entry.pk).status == Status.SUBMITTED


def test_withdraw_checks_the_locked_row_not_the_callers_copy(edition):
    entry = builders.entry(edition)
    # Meanwhile the secretariat moved the entry on; the caller's copy is stale.
    Entry.objects.filter(pk=entry.pk).update(status=Status.IN_REVIEW)
    assert entry.status == Status.SUBMITTED

    with pytest.raises(applicant.WithdrawalClosed):
        applicant.withdraw(entry, edition, "")
    assert Entry.objects.get(pk=entry.pk).status == Status.IN_REVIEW


@pytest.fixture
def flagged(edition):
    return builders.entry(
        edition,
        status=Status.NEEDS_CORRECTION,
        status_reason="NIP nie zgadza się z KRS.",
        correction_fields=["nip"],
        correction_deadline=timezone.now() + timedelta(days=7),
    )


def test_submit_correction_saves_logs_resubmits_and_mails(
    flagged, django_capture_on_commit_callbacks
):
    form = CorrectionForm(flagged, {"nip": "526-000-12-46"})
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        result = applicant.submit_correction(form)

    entry = Entry.objects.get(pk=flagged.pk)
    assert result.status == entry.status == Status.SUBMITTED
    assert entry.nip == "5260001246"
    corrected = ModelLogEntry.objects.get(action="competition.entry.corrected")
    assert corrected.data == {
        "fields": ["nip"],
        "flagged": ["nip"],
        "actor": "applicant",
    }
    assert [message.to for message in mail.outbox] == [[entry.email]]


def test_submit_correction_after_the_deadline_raises_and_changes_nothing(
    flagged, django_capture_on_commit_callbacks
):
    form = CorrectionForm(flagged, {"nip": "526-000-12-46"})
    assert form.is_valid(), form.errors
    late = flagged.correction_deadline + timedelta(seconds=1)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(applicant.CorrectionClosed),
    ):
        applicant.submit_correction(form, now=late)

    entry = Entry.objects.get(pk=flagged.pk)
    assert entry.status == Status.NEEDS_CORRECTION
    assert entry.nip == flagged.nip != "5260001246"
    assert not ModelLogEntry.objects.filter(
        action__in=["competition.entry.corrected", "competition.entry.submitted"]
    ).exists()
    assert mail.outbox == []


def test_submit_correction_once_the_secretariat_decided_raises(flagged):
    form = CorrectionForm(flagged, {"nip": "526-000-12-46"})
    assert form.is_valid(), form.errors
    Entry.objects.filter(pk=flagged.pk).update(status=Status.INELIGIBLE)

    with pytest.raises(applicant.CorrectionClosed):
        applicant.submit_correction(form)
    entry = Entry.objects.get(pk=flagged.pk)
    assert entry.status == Status.INELIGIBLE and entry.nip != "5260001246"
