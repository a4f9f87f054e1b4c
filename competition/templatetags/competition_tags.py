"""Template helpers for the competition's public pages and the home page teaser.

The edition's state (phase, deadline, days left) is computed here from the page's
dates at render time, never stored: it changes with the clock, not with a publish.
"""

from django import template
from django.utils import timezone

from home import navigation
from home.navigation import restricted_q

from ..dates import WARSAW, shown_deadline
from ..models import CompetitionPage, Phase

register = template.Library()
register.filter("deadline", shown_deadline)


def days_left(edition, now=None):
    """Whole calendar days (Warsaw) from today to the last day of submissions.

    0 on the last day; None when submissions are not open.
    """
    now = now or timezone.now()
    if not edition.accepts_submissions(now):
        return None
    last_day = shown_deadline(edition.submissions_close_at).date()
    return (last_day - timezone.localtime(now, WARSAW).date()).days


def edition_status(edition, now=None):
    """Everything the templates say about an edition's phase, at one instant."""
    now = now or timezone.now()
    phase = edition.phase(now)
    return {
        "phase": phase,
        "accepts": edition.accepts_submissions(now),
        "opens": timezone.localtime(edition.submissions_open_at, WARSAW),
        "deadline": shown_deadline(edition.submissions_close_at),
        "days_left": days_left(edition, now),
        "results_at": timezone.localtime(edition.results_at, WARSAW),
        "has_results": phase == Phase.RESULTS,
        # Phase.JURY lasts until results are published; say when scoring is over.
        "jury_over": phase == Phase.JURY and now >= edition.jury_closes_at,
    }


register.simple_tag(edition_status, name="edition_status")


def current_edition(home):
    """The newest live, public edition under ``home`` in its language (one query)."""
    return (
        CompetitionPage.objects.live()
        .exclude(restricted_q())
        .filter(locale_id=home.locale_id, path__startswith=home.path)
        .order_by("-submissions_open_at", "-pk")
        .first()
    )


@register.simple_tag(takes_context=True)
def competition_teaser(context, home):
    """The home page's current edition with its status, or None.

    The edition is cached until the next publish (dates change only by
    publishing); its phase is computed on every request, and ``state`` goes into
    the home body's cache key so the teaser changes the moment submissions open
    or close.
    """
    request = context.get("request")
    if getattr(request, "is_preview", False):
        found = current_edition(home)
    else:
        # A one-item list, so that "no edition" is cached too.
        found = navigation.cached(
            "competition-teaser", lambda: [current_edition(home)], home.pk
        )[0]
    if found is None:
        return None
    status = edition_status(found)
    return {
        "edition": found,
        "status": status,
        "state": f"{found.pk}:{status['phase']}:{status['jury_over']:d}",
    }
