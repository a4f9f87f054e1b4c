"""The entry's life (DESIGN §5): one table of allowed moves and who may make them,
and every group of states the rest of the code asks about.

Every move goes through :func:`transition`, which checks the move and the actor's
role, saves the entry and writes Wagtail's audit log in one transaction. Rules
that also depend on time (a withdrawal only before the jury phase, a correction
only until its deadline) are in ``applicant.py`` beside the table's answer.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models.entries import Status

APPLICANT = "applicant"
SECRETARIAT = "secretariat"
JURY = "jury"
CHAIR = "chair"  # the jury's chair: decisions (membership is checked by the caller)
SYSTEM = "system"

# -- groups of states ------------------------------------------------------------

#: Not finished yet: from the draft to the jury's score, before any decision.
OPEN_STATES = frozenset(
    {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.NEEDS_CORRECTION,
        Status.ELIGIBLE,
        Status.IN_REVIEW,
        Status.REVIEWED,
    }
)

#: The applicant may still withdraw (before the jury phase: see
#: ``applicant.can_withdraw``); afterwards only the secretariat changes the state.
WITHDRAWABLE = frozenset({Status.SUBMITTED, Status.NEEDS_CORRECTION, Status.ELIGIBLE})

#: What the secretariat's formal check decides about a submitted entry.
FORMAL_CHECK_OUTCOMES = frozenset(
    {Status.ELIGIBLE, Status.INELIGIBLE, Status.NEEDS_CORRECTION}
)

#: The entry is the jury's: assigned jurors see and score it.
JURY_STATES = frozenset({Status.ELIGIBLE, Status.IN_REVIEW, Status.REVIEWED})

#: Jurors may still be assigned or unassigned (the assignment matrix): eligible
#: or in review; pairs of entries in other states are never touched.
ASSIGNABLE = frozenset({Status.ELIGIBLE, Status.IN_REVIEW})

#: The jury's decisions; hidden from the applicant until the results are published.
OUTCOMES = frozenset({Status.LAUREATE, Status.DISTINCTION, Status.NOT_AWARDED})

#: Decisions shown on the public results page.
AWARDED = frozenset({Status.LAUREATE, Status.DISTINCTION})

#: Scored by the jury and still waiting for a decision.
AWAITING_DECISION = frozenset({Status.IN_REVIEW, Status.REVIEWED})

#: Scored by the jury: ranked, and open to a decision or its change.
SCORED = AWAITING_DECISION | OUTCOMES

#: Told at publication that the jury did not assess them.
NOT_ASSESSED = frozenset(
    {
        Status.SUBMITTED,
        Status.NEEDS_CORRECTION,
        Status.ELIGIBLE,
        Status.INELIGIBLE,
        Status.DISQUALIFIED,
    }
)

#: Not (or no longer) an application: never sent, or taken back by the applicant.
#: Left out of duplicate checks and of the results e-mails.
NOT_SENT = frozenset({Status.DRAFT, Status.WITHDRAWN})

#: Set by the secretariat with a reason the applicant reads on the status page.
WITH_REASON = frozenset(
    {Status.NEEDS_CORRECTION, Status.INELIGIBLE, Status.DISQUALIFIED}
)

# -- the moves ---------------------------------------------------------------------

# (from, to) -> roles allowed to make the move, and whether a reason is required.
TRANSITIONS = {
    (Status.DRAFT, Status.SUBMITTED): ({APPLICANT}, False),
    (Status.SUBMITTED, Status.NEEDS_CORRECTION): ({SECRETARIAT}, True),
    (Status.NEEDS_CORRECTION, Status.SUBMITTED): ({APPLICANT}, False),
    (Status.SUBMITTED, Status.ELIGIBLE): ({SECRETARIAT}, False),
    (Status.SUBMITTED, Status.INELIGIBLE): ({SECRETARIAT}, True),
    (Status.ELIGIBLE, Status.IN_REVIEW): ({SECRETARIAT, SYSTEM}, False),
    (Status.IN_REVIEW, Status.REVIEWED): ({SECRETARIAT, SYSTEM}, False),
}
# A decision, and a change of it: before publication freely (it is pending), after
# publication only with a reason (``decisions.py`` requires it and logs the
# correction).
for _outcome in OUTCOMES:
    TRANSITIONS[(Status.REVIEWED, _outcome)] = ({SECRETARIAT, CHAIR}, False)
    for _other in OUTCOMES - {_outcome}:
        TRANSITIONS[(_outcome, _other)] = ({SECRETARIAT, CHAIR}, False)
for _state in WITHDRAWABLE:
    TRANSITIONS[(_state, Status.WITHDRAWN)] = ({APPLICANT}, False)
for _state in OPEN_STATES - {Status.DRAFT}:
    TRANSITIONS[(_state, Status.DISQUALIFIED)] = ({SECRETARIAT}, True)

LOG_ACTIONS = {
    Status.SUBMITTED: ("competition.entry.submitted", _("Zgłoszenie wysłane")),
    Status.NEEDS_CORRECTION: (
        "competition.entry.needs_correction",
        _("Zgłoszenie skierowane do poprawy"),
    ),
    Status.ELIGIBLE: ("competition.entry.eligible", _("Zgłoszenie spełnia wymogi")),
    Status.INELIGIBLE: (
        "competition.entry.ineligible",
        _("Zgłoszenie nie spełnia wymogów"),
    ),
    Status.IN_REVIEW: ("competition.entry.in_review", _("Zgłoszenie w ocenie jury")),
    Status.REVIEWED: ("competition.entry.reviewed", _("Zgłoszenie ocenione")),
    Status.LAUREATE: ("competition.entry.laureate", _("Decyzja: laureat")),
    Status.DISTINCTION: ("competition.entry.distinction", _("Decyzja: wyróżnienie")),
    Status.NOT_AWARDED: ("competition.entry.not_awarded", _("Decyzja: bez nagrody")),
    Status.WITHDRAWN: ("competition.entry.withdrawn", _("Zgłoszenie wycofane")),
    Status.DISQUALIFIED: (
        "competition.entry.disqualified",
        _("Zgłoszenie zdyskwalifikowane"),
    ),
}


class TransitionError(Exception):
    """A move the table does not allow, or one missing its reason."""


@dataclass(frozen=True)
class Actor:
    """Who makes a move: a role, and the user when it is a staff member."""

    role: str
    user: object = None


def can_transition(entry, to_state, role):
    """Whether the table lets ``role`` move ``entry`` (as loaded) to ``to_state``.

    Time-dependent rules are the caller's (e.g. ``applicant.can_withdraw``);
    :func:`transition` checks the table again on the locked row.
    """
    rule = TRANSITIONS.get((Status(entry.status), Status(to_state)))
    return rule is not None and role in rule[0]


def transition(entry, to_state, actor, reason="", **changes):
    """Move ``entry`` to ``to_state`` as ``actor`` and log it; returns the entry.

    ``changes`` are further field values saved with the move (e.g. the
    correction deadline). Only the state, ``changes`` and the timestamps are
    written, on the row as locked, so a stale copy in the caller's hands never
    overwrites what others saved meanwhile; the caller's ``entry`` is updated
    to match. Raises :class:`TransitionError` for a move the table does not
    allow or a missing reason, ``PermissionDenied`` for a wrong role.
    """
    to_state = Status(to_state)
    with transaction.atomic():
        # Lock the row so two staff members cannot make competing moves.
        current = type(entry).objects.select_for_update().get(pk=entry.pk)
        key = (Status(current.status), to_state)
        if key not in TRANSITIONS:
            raise TransitionError(
                f"{current.status} -> {to_state} is not an allowed move"
            )
        roles, needs_reason = TRANSITIONS[key]
        if actor.role not in roles:
            raise PermissionDenied(f"{actor.role} may not move {key}")
        if needs_reason and not (reason or "").strip():
            raise TransitionError("this move needs a reason")
        previous = current.status
        current.status = to_state
        for name, value in changes.items():
            setattr(current, name, value)
        fields = {"status", "updated_at", *changes}
        if to_state == Status.SUBMITTED and current.submitted_at is None:
            current.submitted_at = timezone.now()
            fields.add("submitted_at")
        current.save(update_fields=sorted(fields))
        log(
            instance=current,
            action=LOG_ACTIONS[to_state][0],
            user=actor.user,
            data={
                "from": previous,
                "to": to_state.value,
                "actor": actor.role,
                "reason": reason,
            },
        )
    for name in fields:
        setattr(entry, name, getattr(current, name))
    return entry
