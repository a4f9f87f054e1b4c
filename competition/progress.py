"""How far the jury is (DESIGN §6): each juror's own assignments with their
status (the juror's dashboard, "next" and start page) and the secretariat's
counts per juror and per entry (the progress screen, closing scoring).

Queries feed plain sets of ``(entry_id, member_id)`` pairs to pure functions
(:func:`assignment_status`, :func:`tally`); every query here takes a fixed
number of round trips, whatever the number of entries or jurors.
"""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import CompetitionPage, ConflictDeclaration, Entry, JuryMember, Review
from .permissions import JURY_STATES, jury_phase_open, live_assignments, memberships

# -- the juror's assignments ----------------------------------------------------


@dataclass
class AssignmentRow:
    """One assignment as the dashboard lists it."""

    DECLARE = "declare"
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    # Per status: how the dashboard names it, and its link's text.
    TEXTS = {
        DECLARE: (_("wymaga deklaracji bezstronności"), _("Złóż deklarację")),
        NOT_STARTED: (_("nierozpoczęta"), _("Oceń")),
        DRAFT: (_("wersja robocza"), _("Kontynuuj ocenę")),
        SUBMITTED: (_("złożona"), _("Zobacz ocenę")),
    }

    entry: Entry
    member: JuryMember
    status: str

    @property
    def label(self):
        return self.TEXTS[self.status][0]

    @property
    def action(self):
        return self.TEXTS[self.status][1]

    @property
    def url(self):
        if self.status == self.DECLARE:
            return reverse("jury:declaration", args=[self.entry.pk])
        return reverse("jury:review", args=[self.entry.pk])

    @property
    def finished(self):
        return self.status == self.SUBMITTED

    @property
    def urgency(self):
        """Sort key: a draft to finish, then the rest to do, then submitted."""
        return (self.finished, self.status != self.DRAFT)


def assignment_status(declared, review_status):
    """An assignment's :class:`AssignmentRow` status: ``declared`` whether the
    juror declared no conflict, ``review_status`` their review's, or ``None``."""
    if not declared:
        return AssignmentRow.DECLARE
    if review_status == Review.Status.SUBMITTED:
        return AssignmentRow.SUBMITTED
    if review_status == Review.Status.DRAFT:
        return AssignmentRow.DRAFT
    return AssignmentRow.NOT_STARTED


def assignment_rows(members):
    """Every live assignment of ``members`` with its status, in four queries
    whatever their number; per member, what still needs doing first."""
    members = list(members)
    assignments = live_assignments(members).select_related("entry", "entry__category")
    declared = set(
        ConflictDeclaration.objects.filter(
            member__in=members, has_conflict=False
        ).values_list("entry_id", "member_id")
    )
    statuses = {
        (entry_id, member_id): status
        for entry_id, member_id, status in Review.objects.filter(
            member__in=members
        ).values_list("entry_id", "member_id", "status")
    }
    by_pk = {member.pk: member for member in members}
    position = {member.pk: index for index, member in enumerate(members)}
    rows = []
    for assignment in assignments:
        key = (assignment.entry_id, assignment.member_id)
        rows.append(
            AssignmentRow(
                entry=assignment.entry,
                member=by_pk[assignment.member_id],
                status=assignment_status(key in declared, statuses.get(key)),
            )
        )
    # Edition by edition as the dashboard shows them; within each, what still
    # needs doing first: reviews begun, then the rest to do, submitted last (a
    # stable sort keeps the entries' order within each group).
    rows.sort(key=lambda row: (position[row.member.pk], *row.urgency))
    return rows


def next_unfinished(user, after_entry_id=None):
    """The juror's next assignment not yet submitted in an edition open for
    scoring, after ``after_entry_id`` in the dashboard's order (wrapping
    round); ``None`` when nothing is left."""
    rows = [
        row
        for row in assignment_rows(ordered_memberships(user))
        if jury_phase_open(row.member.edition)
    ]
    positions = [row.entry.pk for row in rows]
    if after_entry_id in positions:
        index = positions.index(after_entry_id)
        rows = rows[index + 1 :] + rows[:index]
    return next((row for row in rows if not row.finished), None)


def ordered_memberships(user):
    """The user's jury memberships with their editions, newest jury phase
    first (the order of the dashboard and of "next")."""
    return (
        memberships(user)
        .select_related("edition__locale")
        .order_by("-edition__jury_opens_at", "pk")
    )


# -- the secretariat's counts ----------------------------------------------------


def editions_with_jury():
    """The editions that have a jury, newest jury phase first."""
    return (
        CompetitionPage.objects.filter(jury_members__isnull=False)
        .distinct()
        .order_by("-jury_opens_at", "pk")
    )


def progress_counts(edition):
    """Per juror and per entry of ``edition``: live assignments, declarations of
    no conflict, conflicts and submitted reviews (counts only), in a fixed
    number of queries."""
    members = list(
        edition.jury_members.select_related("user").order_by(
            "user__last_name", "user__first_name", "user__username"
        )
    )
    entries = list(
        Entry.objects.filter(edition=edition, status__in=JURY_STATES)
        .select_related("category")
        .order_by("number", "pk")
    )
    declarations = ConflictDeclaration.objects.filter(member__in=members)
    return tally(
        members,
        entries,
        assigned=set(live_assignments(members).values_list("entry_id", "member_id")),
        declarations=declarations.values_list("entry_id", "member_id", "has_conflict"),
        submitted=set(
            Review.objects.filter(
                member__in=members, status=Review.Status.SUBMITTED
            ).values_list("entry_id", "member_id")
        ),
    )


def tally(members, entries, assigned, declarations, submitted):
    """:func:`progress_counts` from plain pairs: ``assigned`` and ``submitted``
    are sets of ``(entry_id, member_id)``, ``declarations`` triples with
    ``has_conflict``. Declarations and submitted reviews count for live
    assignments only; a conflict has none."""
    declarations = list(declarations)
    declared = {(e, m) for e, m, conflict in declarations if not conflict}
    conflicts = {(e, m) for e, m, conflict in declarations if conflict}

    live_submitted = assigned & submitted
    columns = {
        "assigned": assigned,
        "declared": assigned & declared,
        "conflicts": conflicts,
        "submitted": live_submitted,
    }
    per_entry = {
        name: Counter(entry_id for entry_id, _member in pairs)
        for name, pairs in columns.items()
    }
    per_member = {
        name: Counter(member_id for _entry, member_id in pairs)
        for name, pairs in columns.items()
    }
    juror_rows = [
        {"member": member} | {name: per_member[name][member.pk] for name in columns}
        for member in members
    ]
    entry_rows = [
        {"entry": entry} | {name: per_entry[name][entry.pk] for name in columns}
        for entry in entries
    ]
    return {
        "juror_rows": juror_rows,
        "entry_rows": entry_rows,
        "total_assigned": len(assigned),
        "total_submitted": len(live_submitted),
    }
