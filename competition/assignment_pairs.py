"""An edition's jury assignment as ``assignment.py`` sees it (DESIGN §6):
its entries and jurors as plain refs, the pairs that constrain a run
(conflicts declared, pairs removed by hand, reviews begun), the pairs its
settings decide, and its latest automatic run.

``jury_setup.py`` stores what a run or a change decides; the assignment
matrix (``views/assignment.py``) reads the same pairs to show them.
"""

from collections import Counter

from django.db.models import Prefetch
from wagtail.models import PageLogEntry

from . import workflow
from .assignment import (
    CONFLICT,
    NOT_ENOUGH_JURORS,
    AssignmentResult,
    DroppedPair,
    EntryRef,
    JurorRef,
    Shortfall,
    assign_all,
    assign_balanced,
)
from .audit import ASSIGNMENTS_GENERATED
from .models import (
    AssignmentMode,
    Category,
    ConflictDeclaration,
    Entry,
    JuryMember,
    RemovedAssignment,
    Review,
)


def matrix_entries(edition):
    return Entry.objects.filter(edition=edition, status__in=workflow.ASSIGNABLE)


def jury_members(edition):
    """The edition's jury with users and category ids (two queries), by name."""
    return (
        JuryMember.objects.filter(edition=edition)
        .select_related("user")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.only("pk")))
        .order_by("user__last_name", "user__first_name", "user__username", "pk")
    )


def juror_ref(member):
    """``member.categories`` must be prefetched (see :func:`jury_members`)."""
    ids = frozenset(category.pk for category in member.categories.all())
    return JurorRef(member.pk, ids or None)


def entry_ref(entry):
    return EntryRef(entry.pk, entry.category_id)


def declared_conflicts(edition, entry_ids=None):
    declarations = ConflictDeclaration.objects.filter(
        member__edition=edition, has_conflict=True
    )
    if entry_ids is not None:
        declarations = declarations.filter(entry_id__in=entry_ids)
    return set(declarations.values_list("entry_id", "member_id"))


def removed_by_hand(edition):
    """Pairs the secretariat removed by hand and has not assigned again."""
    return set(
        RemovedAssignment.objects.filter(member__edition=edition).values_list(
            "entry_id", "member_id"
        )
    )


def reviewed_pairs(edition, entry_ids=None):
    """Pairs with a review begun (draft or submitted): never deleted."""
    reviews = Review.objects.filter(member__edition=edition)
    if entry_ids is not None:
        reviews = reviews.filter(entry_id__in=entry_ids)
    return set(reviews.values_list("entry_id", "member_id"))


def last_run(edition):
    """The log entry of the edition's latest automatic run, or ``None``."""
    return (
        PageLogEntry.objects.filter(page=edition, action=ASSIGNMENTS_GENERATED)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )


def decide(edition, entries, members, blocked, current):
    """The pairs the edition's settings give ``entries`` and ``members`` (both
    ``{pk: instance}``, members as :func:`jury_members` reads them), with the
    ``blocked`` pairs left out and the ``current`` ones kept where allowed:
    an :class:`assignment.AssignmentResult`."""
    entry_refs = [entry_ref(entry) for entry in entries.values()]
    juror_refs = [juror_ref(member) for member in members.values()]
    if edition.assignment_mode == AssignmentMode.BALANCED:
        return assign_balanced(
            entry_refs,
            juror_refs,
            blocked,
            k=edition.jurors_per_entry,
            max_load=edition.max_load,
            seed=edition.assignment_seed,
            existing=current,
        )
    # "all" has no kept pairs of its own: keep the current ones the same way
    # assign_balanced does (a conflict drops a pair, anything else stays).
    kept = {pair for pair in current if pair not in blocked}
    pairs = assign_all(entry_refs, juror_refs, blocked) | kept
    covered = Counter(entry_id for entry_id, _ in pairs)
    return AssignmentResult(
        pairs=frozenset(pairs),
        shortfalls=tuple(
            Shortfall(ref.id, 0, 1, NOT_ENOUGH_JURORS)
            for ref in sorted(entry_refs, key=lambda ref: ref.id)
            if not covered[ref.id]
        ),
        dropped=tuple(
            DroppedPair(entry_id, member_id, CONFLICT)
            for entry_id, member_id in sorted(current - kept)
        ),
    )
