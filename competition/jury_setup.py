"""The secretariat's side of the jury (DESIGN §6): storing who scores what.

``assignment.py`` decides pairs from plain ids, fed by ``assignment_pairs.py``
with the edition's entries, jury, conflicts and current pairs; this module
stores the outcome in one transaction, moves eligible entries into review
(``workflow.py``), writes the audit log (read back by ``audit.py``) and queues
the jurors' e-mails (``jury_emails.py``).

Rules kept here, once:

* the matrix holds the edition's entries that are eligible or in review
  (``workflow.ASSIGNABLE``); pairs of entries in other states are never touched;
* a run keeps every current pair (manual changes, started reviews) except
  conflicting ones; a pair whose juror already has a review is never deleted,
  by a run or by hand;
* a pair removed by hand stays removed on later runs until it is added by hand
  again (:class:`RemovedAssignment`, :func:`assignment_pairs.removed_by_hand`);
* nothing changes once scoring is closed.
"""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import ModelLogEntry

from . import workflow
from .assignment import can_score, diff
from .assignment_pairs import (
    decide,
    declared_conflicts,
    entry_ref,
    juror_ref,
    jury_members,
    matrix_entries,
    removed_by_hand,
    reviewed_pairs,
)
from .audit import ADDED, ASSIGNMENT_CHANGED, ASSIGNMENTS_GENERATED, REMOVED
from .jury_emails import notify_assigned
from .models import (
    Assignment,
    CompetitionPage,
    Entry,
    RemovedAssignment,
    Status,
)

AUTOMATIC = Assignment.Source.AUTOMATIC.value
MANUAL = Assignment.Source.MANUAL.value


class AssignmentRefused(Exception):
    """A change the rules do not allow; ``messages`` say why, in Polish."""

    def __init__(self, messages):
        # One message (maybe a lazy translation) or a list of them.
        if not isinstance(messages, list | tuple):
            messages = [messages]
        self.messages = list(messages)
        super().__init__("; ".join(str(message) for message in self.messages))


@dataclass
class RunReport:
    """What one automatic run did (also stored in the run's log entry)."""

    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept_with_review: list = field(default_factory=list)
    shortfalls: tuple = ()
    moved_to_review: int = 0
    pairs: int = 0


@dataclass
class ChangeReport:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    moved_to_review: int = 0


def _lock(edition):
    # One run or change of an edition at a time: the second waits for the first
    # and then sees its pairs.
    return CompetitionPage.objects.select_for_update().get(pk=edition.pk)


def _refuse_when_closed(edition):
    if edition.scoring_closed():
        raise AssignmentRefused(
            _("Ocena jury jest zamknięta – przydziałów nie można już zmieniać.")
        )


# -- the automatic run ---------------------------------------------------------


def run_assignment(edition, user):
    """Assign the edition's entries by its settings and store the difference.

    In mode "all" every juror gets every entry of their categories; in mode
    "balanced" ``jurors_per_entry`` jurors per entry, at most ``max_load`` each,
    drawn with ``assignment_seed``. Current pairs are passed as kept; new pairs
    are saved as automatic, conflicting ones deleted unless a review has
    begun (then kept and reported). Eligible entries with a juror move into
    review. One log entry on the edition for the run, one per changed pair on
    its entry; one e-mail per juror with new entries. Returns a
    :class:`RunReport`; raises :class:`AssignmentRefused` once scoring closed.
    """
    with transaction.atomic():
        edition = _lock(edition)
        _refuse_when_closed(edition)
        entries = {
            entry.pk: entry
            for entry in matrix_entries(edition).select_related("category")
        }
        members = {member.pk: member for member in jury_members(edition)}
        current = {
            (entry_id, member_id): pk
            for pk, entry_id, member_id in Assignment.objects.filter(
                entry__edition=edition, entry__status__in=workflow.ASSIGNABLE
            ).values_list("pk", "entry_id", "member_id")
        }
        blocked = declared_conflicts(edition) | removed_by_hand(edition)
        result = decide(edition, entries, members, blocked, set(current))

        added, removed = diff(current, result.pairs)
        started = reviewed_pairs(edition)
        report = RunReport(
            added=added,
            removed=[pair for pair in removed if pair not in started],
            kept_with_review=[pair for pair in removed if pair in started],
            shortfalls=result.shortfalls,
        )
        report.pairs = len(result.pairs) + len(report.kept_with_review)

        Assignment.objects.filter(
            pk__in=[current[pair] for pair in report.removed]
        ).delete()
        _create(added, AUTOMATIC, user)
        _log_changes(
            edition, entries, members, user, AUTOMATIC, "", report.added, ADDED
        )
        _log_changes(
            edition, entries, members, user, AUTOMATIC, "", report.removed, REMOVED
        )
        report.moved_to_review = _start_review(
            [entries[entry_id] for entry_id, _ in result.pairs], user
        )
        log(
            instance=edition,
            action=ASSIGNMENTS_GENERATED,
            user=user,
            data=_run_data(edition, entries, members, report),
        )
        notify_assigned(edition, members, report.added)
    return report


def _run_data(edition, entries, members, report):
    def reference(entry_id):
        return entries[entry_id].reference or str(entry_id)

    return {
        "edition": edition.pk,
        "mode": edition.assignment_mode,
        "seed": edition.assignment_seed,
        "jurors_per_entry": edition.jurors_per_entry,
        "max_load": edition.max_load,
        "entries": len(entries),
        "jurors": len(members),
        "pairs": report.pairs,
        "added": len(report.added),
        "removed": len(report.removed),
        "kept_with_review": [
            {"entry": reference(entry_id), "juror": str(members[member_id])}
            for entry_id, member_id in report.kept_with_review
        ],
        "moved_to_review": report.moved_to_review,
        "shortfalls": [
            {
                "entry_id": shortfall.entry_id,
                "entry": reference(shortfall.entry_id),
                "got": shortfall.got,
                "needed": shortfall.needed,
                "reason": shortfall.reason,
            }
            for shortfall in report.shortfalls
        ],
    }


# -- manual changes ------------------------------------------------------------


def change_assignments(edition, user, add=(), remove=(), reason=""):
    """Add and remove ``(entry_id, member_id)`` pairs by hand, all or nothing.

    A removal needs a reason; an addition must pass ``assignment.can_score``
    (the juror covers the category, no conflict declared); a pair whose juror
    has begun a review is not removed. Anything refused raises
    :class:`AssignmentRefused` with every reason and changes nothing. Pairs
    already in the wished state are skipped. Logged per pair; eligible entries
    that get a juror move into review; jurors with new entries are e-mailed.
    """
    reason = (reason or "").strip()
    add, remove = set(add), set(remove)
    with transaction.atomic():
        edition = _lock(edition)
        _refuse_when_closed(edition)
        entry_ids = {entry_id for entry_id, _ in add | remove}
        entries = {
            entry.pk: entry
            for entry in matrix_entries(edition)
            .filter(pk__in=entry_ids)
            .select_related("category")
        }
        members = {member.pk: member for member in jury_members(edition)}
        current = {
            (entry_id, member_id): pk
            for pk, entry_id, member_id in Assignment.objects.filter(
                entry_id__in=list(entries)
            ).values_list("pk", "entry_id", "member_id")
        }
        conflicts = declared_conflicts(edition, list(entries))
        started = reviewed_pairs(edition, list(entries))

        errors = []
        if remove and not reason:
            errors.append(_("Podaj powód usunięcia przydziału."))
        for entry_id, member_id in sorted(add | remove):
            if entry_id not in entries or member_id not in members:
                errors.append(
                    _("Tego zgłoszenia lub jurora nie ma w przydziale tej edycji.")
                )
        if errors:
            raise AssignmentRefused(errors)
        for pair in sorted(add - current.keys()):
            entry, member = entries[pair[0]], members[pair[1]]
            if not can_score(entry_ref(entry), juror_ref(member), conflicts):
                errors.append(_refusal(entry, member, conflict=pair in conflicts))
        for pair in sorted(remove & current.keys()):
            if pair in started:
                errors.append(
                    _(
                        "%(juror)s rozpoczął(-ęła) już ocenę zgłoszenia "
                        "%(entry)s – tego przydziału nie można usunąć."
                    )
                    % {"juror": members[pair[1]], "entry": entries[pair[0]]}
                )
        if errors:
            raise AssignmentRefused(errors)

        report = ChangeReport(
            added=sorted(add - current.keys() - remove),
            removed=sorted(remove & current.keys()),
        )
        Assignment.objects.filter(pk__in=[current[p] for p in report.removed]).delete()
        _create(report.added, MANUAL, user)
        _remember_removals(report.added, report.removed)
        _log_changes(
            edition, entries, members, user, MANUAL, reason, report.added, ADDED
        )
        _log_changes(
            edition, entries, members, user, MANUAL, reason, report.removed, REMOVED
        )
        report.moved_to_review = _start_review(
            [entries[entry_id] for entry_id, _ in report.added], user
        )
        notify_assigned(edition, members, report.added)
    return report


def _remember_removals(added, removed):
    """Pairs removed by hand stay out of later runs; added back, they may return."""
    if added:
        RemovedAssignment.objects.filter(
            reduce(
                operator.or_,
                (
                    Q(entry_id=entry_id, member_id=member_id)
                    for entry_id, member_id in added
                ),
            )
        ).delete()
    RemovedAssignment.objects.bulk_create(
        [
            RemovedAssignment(entry_id=entry_id, member_id=member_id)
            for entry_id, member_id in removed
        ],
        ignore_conflicts=True,
    )


def _refusal(entry, member, conflict):
    values = {"juror": member, "entry": entry}
    if conflict:
        return (
            _(
                "%(juror)s zgłosił(a) konflikt interesów przy zgłoszeniu "
                "%(entry)s – tego przydziału nie można dodać."
            )
            % values
        )
    return (
        _(
            "%(juror)s nie ocenia kategorii zgłoszenia %(entry)s – zmień najpierw "
            "kategorie członka jury."
        )
        % values
    )


# -- shared steps --------------------------------------------------------------


def _create(pairs, source, user):
    Assignment.objects.bulk_create(
        [
            Assignment(
                entry_id=entry_id, member_id=member_id, source=source, created_by=user
            )
            for entry_id, member_id in pairs
        ],
        batch_size=500,
    )


def _start_review(entries, user):
    """Move eligible entries (with a juror now) into review; returns how many."""
    moved = 0
    for entry in {entry.pk: entry for entry in entries}.values():
        if entry.status != Status.ELIGIBLE:
            continue
        try:
            workflow.transition(
                entry, Status.IN_REVIEW, workflow.Actor(workflow.SECRETARIAT, user)
            )
        except workflow.TransitionError:
            # Withdrawn or disqualified meanwhile: it keeps its state.
            continue
        moved += 1
    return moved


def _log_changes(edition, entries, members, user, source, reason, pairs, action):
    """One ``competition.assignment.changed`` entry per pair, on the entry's log.

    Written in bulk: a first run of a large edition changes thousands of pairs.
    """
    if not pairs:
        return
    content_type = ContentType.objects.get_for_model(Entry)
    context = get_active_log_context()
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(entry_id),
                label=str(entries[entry_id])[:255],
                action=ASSIGNMENT_CHANGED,
                user=user or context.user,
                uuid=context.uuid,
                timestamp=now,
                data={
                    "edition": edition.pk,
                    "entry_id": entry_id,
                    "entry": str(entries[entry_id]),
                    "member_id": member_id,
                    "juror": str(members[member_id]),
                    "action": action,
                    "source": source,
                    "reason": reason,
                },
            )
            for entry_id, member_id in pairs
        ],
        batch_size=500,
    )
