"""The entry's life (DESIGN §5): one table of allowed moves and who may make them.

Every move goes through :func:`transition`, which checks the move and the actor's
role, saves the entry and writes Wagtail's audit log in one transaction.
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
OUTCOMES = (Status.LAUREATE, Status.DISTINCTION, Status.NOT_AWARDED)
# A decision, and a change of it: before publication freely (it is pending), after
# publication only with a reason (``decisions.py`` requires it and logs the
# correction).
for _outcome in OUTCOMES:
    TRANSITIONS[(Status.REVIEWED, _outcome)] = ({SECRETARIAT, CHAIR}, False)
    for _other in OUTCOMES:
        if _other != _outcome:
            TRANSITIONS[(_outcome, _other)] = ({SECRETARIAT, CHAIR}, False)
for _state in OPEN_STATES - {Status.DRAFT}:
    TRANSITIONS[(_state, Status.WITHDRAWN)] = ({APPLICANT}, False)
    TRANSITIONS[(_state, Status.DISQUALIFIED)] = ({SECRETARIAT}, True)

# Before the jury phase the applicant may still withdraw; afterwards only the
# secretariat changes an entry's state.
WITHDRAWABLE = frozenset({Status.SUBMITTED, Status.NEEDS_CORRECTION, Status.ELIGIBLE})

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
    rule = TRANSITIONS.get((Status(entry.status), Status(to_state)))
    return rule is not None and role in rule[0]


def transition(entry, to_state, actor, reason="", **changes):
    """Move ``entry`` to ``to_state`` as ``actor`` and log it; returns the entry.

    ``changes`` are further field values saved with the move (e.g. the
    correction deadline). Raises :class:`TransitionError` for a move the table
    does not allow or a missing reason, ``PermissionDenied`` for a wrong role.
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
        entry.status = to_state
        for name, value in changes.items():
            setattr(entry, name, value)
        if to_state == Status.SUBMITTED and entry.submitted_at is None:
            entry.submitted_at = timezone.now()
        entry.save()
        log(
            instance=entry,
            action=LOG_ACTIONS[to_state][0],
            user=actor.user,
            data={
                "from": previous,
                "to": to_state.value,
                "actor": actor.role,
                "reason": reason,
            },
        )
    return entry
