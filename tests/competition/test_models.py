from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
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
def test_results_are_published_from_their_moment_on_and_translations_follow(
    home, locales
):
    page = builders.edition(home)
    english = page.copy_for_translation(locales["en"], copy_parents=True).specific
    assert not page.results_published()

    # A publication date still ahead (e.g. set by hand) is not a publication.
    page.results_published_at = timezone.now() + timedelta(hours=1)
    page.save(update_fields=["results_published_at"])
    for edition in (page, english):
        edition = type(edition).objects.get(pk=edition.pk)
        assert not edition.results_published()
        assert edition.phase() != Phase.RESULTS
        at = page.results_published_at
        assert not edition.results_published(at - timedelta(seconds=1))
        assert edition.results_published(at)
        assert edition.phase(at) == Phase.RESULTS

    # The translation's own field is never read: the original decides.
    english.results_published_at = timezone.now() - timedelta(days=1)
    english.save(update_fields=["results_published_at"])
    assert not type(english).objects.get(pk=english.pk).results_published()


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
    token = AccessToken.issue(entry, "status", timezone.now() + timedelta(days=1))
    assert len(token) >= 43  # 32 random bytes
    row = AccessToken.objects.get()
    assert token not in row.token_hash
    assert AccessToken.find(token, "status").entry == entry
    assert AccessToken.find(token, "draft") is None
    assert AccessToken.find(token, "status", now=row.expires_at) is None
