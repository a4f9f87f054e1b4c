from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from competition import workflow
from competition.models import AccessToken, Phase, Status

from . import builders

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.mark.django_db
def test_phase_follows_the_dates(home):
    closes = datetime(2027, 4, 1, 0, 0, tzinfo=WARSAW)
    page = builders.edition(
        home, opens=datetime(2027, 3, 1, tzinfo=WARSAW), closes=closes
    )
    assert page.phase(closes - timedelta(days=40)) == Phase.UPCOMING
    assert page.phase(closes - timedelta(seconds=1)) == Phase.OPEN
    assert page.phase(closes) == Phase.CLOSED
    assert page.phase(page.jury_opens_at) == Phase.JURY
    assert not page.accepts_submissions(closes)
    assert page.accepts_submissions(closes - timedelta(seconds=1))


@pytest.mark.django_db
def test_workflow_checks_role_and_logs(edition):
    entry = builders.entry(edition)
    with pytest.raises(PermissionDenied):
        workflow.transition(entry, Status.ELIGIBLE, workflow.Actor(workflow.APPLICANT))
    with pytest.raises(workflow.TransitionError):
        workflow.transition(
            entry, Status.INELIGIBLE, workflow.Actor(workflow.SECRETARIAT)
        )
    workflow.transition(entry, Status.WITHDRAWN, workflow.Actor(workflow.APPLICANT))
    entry.refresh_from_db()
    assert entry.status == Status.WITHDRAWN
    log = ModelLogEntry.objects.get(action="competition.entry.withdrawn")
    assert log.data["actor"] == "applicant" and log.data["from"] == "submitted"
    with pytest.raises(workflow.TransitionError):
        workflow.transition(entry, Status.SUBMITTED, workflow.Actor(workflow.APPLICANT))


@pytest.mark.django_db
def test_access_token_is_stored_hashed(edition):
    entry = builders.entry(edition)
    from django.utils import timezone

    token = AccessToken.issue(entry, "status", timezone.now() + timedelta(days=1))
    assert len(token) >= 43  # 32 random bytes
    row = AccessToken.objects.get()
    assert token not in row.token_hash
    assert AccessToken.find(token, "status").entry == entry
    assert AccessToken.find(token, "draft") is None
    assert AccessToken.find(token, "status", now=row.expires_at) is None
