"""The e-mails jurors get (DESIGN §6): new assignments, and daily reminders.

Each goes in the language the juror chose for the admin, with the end of the
jury phase written out in that language. Assignments themselves are stored by
``jury_setup.py``, which calls :func:`notify_assigned` in its transaction;
:func:`send_reminders` runs as a background task (``tasks.py``) and logs one
``competition.jury.reminded`` entry per edition and day.
"""

from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from . import audit, workflow
from .dates import deadline_text
from .emails import queue_mail, staff_languages
from .models import Assignment, CompetitionPage, JuryMember, Review

JURY_DASHBOARD_PATH = "jury/"  # under the admin, built by the jury screens


def jury_dashboard_url():
    """The jurors' dashboard, absolute (for e-mails)."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{reverse('wagtailadmin_home')}{JURY_DASHBOARD_PATH}"


def closing_text(edition, language="pl"):
    """The end of the jury phase as text in ``language`` (e-mails travel as
    JSON, so the date is written before it is queued)."""
    with translation.override(language):
        return deadline_text(edition.jury_closes_at)


def notify_assigned(edition, members, added):
    """Queue one e-mail per juror given new ``(entry_id, member_id)`` pairs in
    ``added``: how many are new, how many in all. ``members`` maps ids to
    :class:`JuryMember` with their users; jurors without an address are skipped."""
    per_member = Counter(member_id for _, member_id in added)
    if not per_member:
        return
    totals = dict(
        Assignment.objects.filter(member_id__in=per_member)
        .values_list("member_id")
        .annotate(n=Count("pk"))
    )
    counts = {members[member_id]: count for member_id, count in per_member.items()}
    _mail_jurors("jury_assigned", edition, counts, totals)


def _mail_jurors(template, edition, counts, totals=None):
    """Queue ``template`` to each juror in ``counts`` (``{member: number of
    entries}``) who has an address, in the language they chose, by member id;
    ``totals`` (``{member id: all their entries}``) adds each one's total.
    Returns ``{member id: number}`` of the jurors e-mailed."""
    languages = staff_languages([member.user for member in counts])
    mailed = {}
    for member, count in sorted(counts.items(), key=lambda item: item[0].pk):
        if not member.user.email:
            continue
        language = languages[member.user_id]
        context = {
            "name": member.user.get_full_name() or member.user.get_username(),
            "count": count,
            "edition_title": edition.title,
            "edition_code": edition.code,
            "closes": closing_text(edition, language),
            "dashboard_url": jury_dashboard_url(),
            "organiser_email": edition.contact_email,
        }
        if totals is not None:
            context["total"] = totals.get(member.pk, count)
        queue_mail(template, [member.user.email], language, context)
        mailed[member.pk] = count
    return mailed


# -- reminders -----------------------------------------------------------------


def reminded_today(edition, today=None):
    """Whether the edition's jurors were already reminded today (its log says)."""
    today = today or timezone.localdate()
    return PageLogEntry.objects.filter(
        page=edition, action=audit.JURY_REMINDED, timestamp__date=today
    ).exists()


def unfinished_counts(edition):
    """``{member: number of assigned entries without a submitted review}``."""
    submitted = Review.objects.filter(
        entry=OuterRef("entry"),
        member=OuterRef("member"),
        status=Review.Status.SUBMITTED,
    )
    counts = dict(
        Assignment.objects.filter(
            member__edition=edition, entry__status__in=workflow.ASSIGNABLE
        )
        .exclude(Exists(submitted))
        .values_list("member_id")
        .annotate(n=Count("pk"))
    )
    members = JuryMember.objects.filter(
        pk__in=counts, user__is_active=True
    ).select_related("user")
    return {member: counts[member.pk] for member in members}


def send_reminders(edition_id):
    """E-mail every juror with unfinished assignments, once a day per edition.

    Returns the number of jurors reminded (0 when already reminded today, or
    once scoring has closed).
    """
    with transaction.atomic():
        edition = CompetitionPage.objects.select_for_update().get(pk=edition_id)
        if edition.scoring_closed() or reminded_today(edition):
            return 0
        reminded = _mail_jurors("jury_reminder", edition, unfinished_counts(edition))
        log(
            instance=edition,
            action=audit.JURY_REMINDED,
            data={
                "edition": edition.pk,
                "date": timezone.localdate().isoformat(),
                "jurors": len(reminded),
                "unfinished": sum(reminded.values()),
            },
        )
    return len(reminded)
