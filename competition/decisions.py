"""The end of an edition (DESIGN §5, §6): closing scoring, the jury's decisions,
publishing the results, and corrections after publication.

Who may call these is checked by the views (``permissions.py``); these
functions keep the rules that hold whoever calls them: no decision before
scoring closes, no publication while an entry waits for its decision, and after
publication no change without a reason. Each action is atomic and logged in
Wagtail's audit log.
"""

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import emails, workflow
from .dates import WARSAW
from .models import (
    CompetitionPage,
    Decision,
    Entry,
    JuryMember,
    Phase,
    Review,
    Status,
)
from .permissions import live_assignments
from .workflow import Actor

LOG_ACTIONS = {
    "competition.scoring.closed": _("Ocena jury zamknięta"),
    "competition.decision.recorded": _("Decyzja jury zapisana"),
    "competition.decision.corrected": _("Decyzja jury poprawiona po publikacji"),
    "competition.results.published": _("Wyniki opublikowane"),
}


class ResultsError(Exception):
    """An action the edition's state does not allow; the message is for staff."""


def closing_refusal(edition, now=None):
    """Why the secretariat may not close scoring of ``edition`` now, or ``None``.

    Closing belongs to the jury phase (:meth:`CompetitionPage.phase`): not
    before it opens, not once results are published, and only once.
    """
    now = now or timezone.now()
    phase = edition.phase(now)
    if phase == Phase.RESULTS:
        return _(
            "Wyniki tej edycji są już opublikowane: ocena jury zakończyła się "
            "i nie można jej zamknąć."
        )
    if phase != Phase.JURY:
        return _("Ocenę można zamknąć dopiero w fazie oceny jury (od %(date)s).") % {
            "date": formats.date_format(
                timezone.localtime(edition.jury_opens_at, WARSAW), "j E Y, H:i"
            )
        }
    if edition.scoring_closed_at is not None:
        return _("Ocena tej edycji jest już zamknięta.")
    return None


def close_scoring(edition, user):
    """Close the jury phase now: entries in review become reviewed.

    Allowed also after ``jury_closes_at`` has passed (scoring is then already
    closed by date; this moves the entries on), never outside the jury phase
    (:func:`closing_refusal`). Returns the number moved.
    """
    with transaction.atomic():
        page = CompetitionPage.objects.select_for_update().get(pk=edition.pk)
        now = timezone.now()
        refusal = closing_refusal(page, now)
        if refusal:
            raise ResultsError(refusal)
        CompetitionPage.objects.filter(pk=page.pk).update(scoring_closed_at=now)
        edition.scoring_closed_at = now
        moved = 0
        for entry in Entry.objects.filter(edition=page, status=Status.IN_REVIEW):
            workflow.transition(
                entry, Status.REVIEWED, Actor(workflow.SECRETARIAT, user)
            )
            moved += 1
        log(
            instance=page,
            action="competition.scoring.closed",
            user=user,
            data={"entries_reviewed": moved, "closed_at": now.isoformat()},
        )
    return moved


def record_decision(
    entry, outcome, justification, user, role, chair_rank=None, reason=""
):
    """Record (or change) the jury's decision on ``entry`` as ``role``
    (``workflow.SECRETARIAT`` or ``workflow.CHAIR``).

    Before publication the decision is pending and may change freely (each
    change logged). After publication a change needs ``reason``, is logged as
    ``competition.decision.corrected`` and the applicant is told the corrected
    outcome. Returns the decision; an unchanged decision is left alone.
    """
    outcome = Decision.Outcome(outcome)
    # A decision's outcome and the entry's state after it share their codes.
    decided = Status(outcome.value)
    justification = (justification or "").strip()
    reason = (reason or "").strip()
    if not justification:
        raise ResultsError(_("Decyzja wymaga uzasadnienia jury."))
    with transaction.atomic():
        page = CompetitionPage.objects.select_for_update().get(pk=entry.edition_id)
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if not page.scoring_closed():
            raise ResultsError(_("Decyzje można zapisywać po zamknięciu oceny."))
        if entry.status not in workflow.SCORED:
            raise ResultsError(_("To zgłoszenie nie było oceniane przez jury."))
        decision = Decision.objects.filter(entry=entry).first()
        previous = (
            {
                "outcome": decision.outcome,
                "justification": decision.justification,
                "chair_rank": decision.chair_rank,
            }
            if decision
            else None
        )
        current = {
            "outcome": outcome.value,
            "justification": justification,
            "chair_rank": chair_rank,
        }
        if previous == current and entry.status == decided:
            return decision
        published = page.results_published()
        if published and not reason:
            raise ResultsError(
                _("Wyniki są opublikowane: zmiana decyzji wymaga podania powodu.")
            )
        if entry.status == Status.IN_REVIEW:  # closed by date, not by the button
            workflow.transition(entry, Status.REVIEWED, Actor(workflow.SYSTEM))
        if entry.status != decided:
            workflow.transition(entry, decided, Actor(role, user), reason=reason)
        decision = decision or Decision(entry=entry)
        decision.outcome = outcome
        decision.justification = justification
        decision.chair_rank = chair_rank
        decision.decided_by = user
        decision.save()
        action = (
            "competition.decision.corrected"
            if published
            else "competition.decision.recorded"
        )
        log(
            instance=entry,
            action=action,
            user=user,
            data={**current, "previous": previous, "reason": reason, "actor": role},
        )
        if published and (previous or {}).get("outcome") != outcome.value:
            _mail_result(entry, page, _results_urls(page), corrected=reason)
    return decision


def undecided(edition):
    """Entries of ``edition`` the jury scored that still wait for a decision."""
    return Entry.objects.filter(edition=edition, status__in=workflow.AWAITING_DECISION)


def decision_counts(edition, hidden=()):
    """Per category id of ``edition``: how many entries the jury scored and how
    many of them still wait for a decision (``scored``, ``missing``), leaving
    out ``hidden`` entry ids (a chair's conflicts: the secretariat decides)."""
    rows = (
        Entry.objects.filter(edition=edition, status__in=workflow.SCORED)
        .exclude(pk__in=hidden)
        .order_by()
        .values("category")
        .annotate(
            scored=Count("pk"),
            missing=Count("pk", filter=Q(status__in=workflow.AWAITING_DECISION)),
        )
    )
    return {row["category"]: row for row in rows}


def next_undecided(rows, hidden=(), after=None):
    """The first entry of a category's ranking ``rows`` (in ranking order) that
    still waits for a decision, not hidden; with ``after``, the first one
    ranked below that entry, else from the top."""
    waiting = [
        row.entry
        for row in rows
        if row.entry.status in workflow.AWAITING_DECISION and row.entry.pk not in hidden
    ]
    if after is not None:
        ids = [row.entry.pk for row in rows]
        if after.pk in ids:
            below = ids.index(after.pk)
            later = [e for e in waiting if ids.index(e.pk) > below]
            waiting = later + [e for e in waiting if e not in later]
        waiting = [e for e in waiting if e.pk != after.pk]
    return waiting[0] if waiting else None


def missing_reviews(edition):
    """The reviews still missing in ``edition``: per jury member id, the
    entries assigned to them without a submitted review."""
    submitted = Review.objects.filter(
        entry=OuterRef("entry_id"),
        member=OuterRef("member_id"),
        status=Review.Status.SUBMITTED,
    )
    pending = (
        live_assignments(JuryMember.objects.filter(edition=edition))
        .exclude(Exists(submitted))
        .select_related("entry", "member__user")
    )
    by_member = {}
    for assignment in pending:
        by_member.setdefault(assignment.member, []).append(assignment.entry)
    return {member.pk: entries for member, entries in by_member.items()}


def publish_results(edition, user):
    """Publish the results of ``edition`` (the Polish original) now.

    Requires scoring closed and a decision for every scored entry. Sets
    ``results_published_at`` on the original (the public page reads it from
    there), logs it, and e-mails every applicant (every entry neither a draft
    nor withdrawn) their outcome in their language. Returns the number of
    e-mails queued.
    """
    with transaction.atomic():
        page = CompetitionPage.objects.select_for_update().get(pk=edition.pk)
        if page.results_published():
            raise ResultsError(_("Wyniki tej edycji są już opublikowane."))
        if not page.scoring_closed():
            raise ResultsError(_("Najpierw trzeba zamknąć ocenę jury."))
        waiting = undecided(page).count()
        if waiting:
            raise ResultsError(
                _("Nie wszystkie ocenione zgłoszenia mają decyzję (brakuje: %(n)s).")
                % {"n": waiting}
            )
        now = timezone.now()
        CompetitionPage.objects.filter(pk=page.pk).update(results_published_at=now)
        page.results_published_at = edition.results_published_at = now
        applicants = (
            Entry.objects.filter(edition=page)
            .exclude(status__in=workflow.NOT_SENT)
            .select_related("category", "edition", "decision")
            .order_by("number", "pk")
        )
        urls = _results_urls(page)
        sent = sum(_mail_result(entry, page, urls) for entry in applicants)
        counts = {
            status: Entry.objects.filter(edition=page, status=status).count()
            for status in Status
            if status in workflow.OUTCOMES
        }
        log(
            instance=page,
            action="competition.results.published",
            user=user,
            data={
                "published_at": now.isoformat(),
                "emails": sent,
                **{str(k): v for k, v in counts.items()},
            },
        )
    return sent


def _results_urls(page):
    """The public results page's full URL per language code."""
    urls = {}
    for translation in page.get_translations(inclusive=True).live().specific():
        base = translation.get_full_url()
        if base:
            urls[translation.locale.language_code] = base + translation.reverse_subpage(
                "results"
            )
    return urls


def _mail_result(entry, page, urls, corrected=""):
    if not entry.email:
        return 0
    try:
        decision = entry.decision
    except Entry.decision.RelatedObjectDoesNotExist:
        decision = None
    emails.queue_mail(
        "results",
        [entry.email],
        entry.language,
        emails.entry_context(
            entry,
            outcome=entry.status if entry.status in workflow.OUTCOMES else "",
            not_assessed=entry.status in workflow.NOT_ASSESSED,
            justification=decision.justification if decision else "",
            results_url=urls.get(entry.language) or urls.get("pl", ""),
            correction_reason=corrected,
        ),
    )
    return 1
