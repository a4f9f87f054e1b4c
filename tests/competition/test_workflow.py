"""The transition table in ``workflow.py``: it says the same as the rules that
use it, and a move writes the locked row, not the caller's copy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from competition import applicant, workflow
from competition.formal_check import DECISION_LABELS
from competition.models import Entry, Status

from . import builders

pytestmark = pytest.mark.django_db

APPLICANT = workflow.Actor(workflow.APPLICANT)
SECRETARIAT = workflow.Actor(workflow.SECRETARIAT)


@pytest.mark.parametrize("status", list(Status))
def test_the_table_lets_the_applicant_withdraw_exactly_what_the_status_page_offers(
    edition, status
):
    before_jury = edition.jury_opens_at - timedelta(days=1)
    entry = Entry(edition=edition, status=status)

    offered = applicant.can_withdraw(entry, edition, before_jury)

    assert offered == (status in workflow.WITHDRAWABLE)
    assert offered == workflow.can_transition(
        entry, Status.WITHDRAWN, workflow.APPLICANT
    )
    assert not applicant.can_withdraw(entry, edition, edition.jury_opens_at)


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.REVIEWED])
def test_an_applicant_cannot_withdraw_an_entry_the_jury_has(edition, status):
    entry = builders.entry(edition, status=status)

    with pytest.raises(workflow.TransitionError):
        workflow.transition(entry, Status.WITHDRAWN, APPLICANT)

    entry.refresh_from_db()
    assert entry.status == status


def test_the_secretariat_may_still_disqualify_an_entry_in_review(edition):
    entry = builders.entry(edition, status=Status.IN_REVIEW)

    workflow.transition(entry, Status.DISQUALIFIED, SECRETARIAT, reason="Plagiat.")

    entry.refresh_from_db()
    assert entry.status == Status.DISQUALIFIED


def test_a_move_saves_the_locked_row_not_the_callers_stale_copy(edition):
    entry = builders.entry(edition)
    stale = Entry.objects.get(pk=entry.pk)
    # Someone else saves the entry after the caller loaded its copy.
    Entry.objects.filter(pk=entry.pk).update(
        title="Tytuł poprawiony w międzyczasie", image_publication_allowed=True
    )
    before = timezone.now()

    returned = workflow.transition(
        stale,
        Status.NEEDS_CORRECTION,
        SECRETARIAT,
        reason="Brak NIP.",
        correction_fields=["nip"],
    )

    entry.refresh_from_db()
    assert entry.title == "Tytuł poprawiony w międzyczasie"
    assert entry.image_publication_allowed
    assert entry.status == Status.NEEDS_CORRECTION
    assert entry.correction_fields == ["nip"]
    assert entry.updated_at >= before
    # The caller's copy follows the move it asked for.
    assert returned is stale
    assert stale.status == Status.NEEDS_CORRECTION
    assert stale.correction_fields == ["nip"]


def test_the_formal_check_offers_exactly_its_moves():
    assert set(DECISION_LABELS) == workflow.FORMAL_CHECK_OUTCOMES
    for outcome in workflow.FORMAL_CHECK_OUTCOMES:
        assert workflow.can_transition(
            Entry(status=Status.SUBMITTED), outcome, workflow.SECRETARIAT
        )


def test_the_groups_of_states_fit_together():
    assert workflow.SCORED == workflow.AWAITING_DECISION | workflow.OUTCOMES
    assert workflow.AWARDED < workflow.OUTCOMES
    assert workflow.ASSIGNABLE < workflow.JURY_STATES
    assert workflow.WITHDRAWABLE < workflow.OPEN_STATES
    assert not workflow.NOT_ASSESSED & workflow.SCORED
