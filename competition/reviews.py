"""What a juror does to an entry (DESIGN §6): declare a conflict of interest or
none (and later turn "none" into a conflict), and save a review as a draft or
submit it.

Every change goes through :func:`declare`, :func:`revise_to_conflict` or
:func:`save_review`, which check the jury phase, keep the versions and write
Wagtail's audit log in one transaction. Who may call them for which entry is
decided in ``competition/permissions.py``; the screens are in
``views/jury.py``.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models import Assignment, ConflictDeclaration, Review, ReviewVersion, Score
from .permissions import jury_phase_open

REVISED = "competition.conflict.revised"

LOG_ACTIONS = {
    "competition.conflict.declared": _("Zgłoszony konflikt interesów"),
    "competition.conflict.none": _("Deklaracja braku konfliktu interesów"),
    REVISED: _("Konflikt interesów zgłoszony po deklaracji jego braku"),
    "competition.review.submitted": _("Ocena złożona"),
    "competition.review.changed": _("Ocena zmieniona po złożeniu"),
}


class JuryError(Exception):
    """A change the jury rules do not allow."""


class ScoringClosed(JuryError):
    """The jury phase is not open: nothing changes."""


class StaleReview(JuryError):
    """The review was saved elsewhere since the juror's form was loaded."""


class AlreadyDeclared(JuryError):
    """The juror has already declared on this entry."""


class NothingToRevise(JuryError):
    """No declaration of no conflict to turn into a conflict: none was made, or
    the juror already declared a conflict (which only stays one)."""


class NotOnTheList(JuryError):
    """The entry is no longer the juror's to score: the assignment is gone or
    a conflict was declared (perhaps in another tab, a moment ago)."""


class ReviewWithdrawn(NotOnTheList):
    """The review was withdrawn when its juror declared a conflict."""


class ReasonRequired(JuryError):
    """Withdrawing a submitted review, like any change to it, needs a reason."""


@dataclass(frozen=True)
class CriterionScore:
    """What the juror entered for one criterion (``points`` may be ``None`` in a
    draft)."""

    criterion: object
    points: int | None
    comment: str = ""


def declare(member, entry, *, has_conflict, kind="", note="", user=None, now=None):
    """Record ``member``'s declaration on ``entry``; returns it.

    A conflict withdraws the member from the entry (:func:`_withdraw`), so the
    entry leaves the member's screens; the declaration stays as the record.
    Both answers are logged on the entry. Raises
    :class:`ScoringClosed` outside the jury phase and :class:`AlreadyDeclared`
    for a second declaration.
    """
    if not jury_phase_open(entry.edition, now):
        raise ScoringClosed
    with transaction.atomic():
        if ConflictDeclaration.objects.filter(entry=entry, member=member).exists():
            raise AlreadyDeclared
        declaration = ConflictDeclaration.objects.create(
            entry=entry,
            member=member,
            has_conflict=has_conflict,
            kind=kind if has_conflict else "",
            note=note.strip(),
        )
        if has_conflict:
            _withdraw(member, entry)
        _log_declaration(
            member,
            entry,
            declaration,
            "competition.conflict.declared"
            if has_conflict
            else "competition.conflict.none",
            user,
        )
    return declaration


def revise_to_conflict(member, entry, *, kind, note="", user=None, now=None):
    """Turn ``member``'s declaration of no conflict on ``entry`` into a conflict
    of ``kind``; returns the declaration.

    The effect is that of a conflict declared at once (:func:`_withdraw`): the
    assignment goes, a draft is deleted and a submitted review is withdrawn
    (kept with its versions, counted nowhere). The declaration row now holds
    the conflict; the log entry on the entry keeps the earlier declaration and
    its time, and what became of the review. Raises :class:`ScoringClosed`
    outside the jury phase and :class:`NothingToRevise` unless the member's
    declaration is one of no conflict.
    """
    now = now or timezone.now()
    if not jury_phase_open(entry.edition, now):
        raise ScoringClosed
    with transaction.atomic():
        declaration = _no_conflict_declared(member, entry)
        if declaration is None:
            raise NothingToRevise
        previous = {
            "has_conflict": False,
            "note": declaration.note,
            "declared_at": declaration.declared_at.isoformat(),
        }
        # Checked under the declaration's lock, which save_review takes too: a
        # review submitted a moment ago in another tab still needs the reason.
        submitted = Review.objects.filter(
            entry=entry, member=member, status=Review.Status.SUBMITTED
        ).exists()
        if submitted and not note.strip():
            raise ReasonRequired
        declaration.has_conflict = True
        declaration.kind = kind
        declaration.note = note.strip()
        declaration.declared_at = now
        declaration.save(update_fields=["has_conflict", "kind", "note", "declared_at"])
        review = _withdraw(member, entry, reason=declaration.note, user=user)
        _log_declaration(
            member, entry, declaration, REVISED, user, previous=previous, review=review
        )
    return declaration


def _log_declaration(member, entry, declaration, action, user, **more):
    """Log ``member``'s ``declaration`` (as it now stands) on ``entry``, with
    ``more`` data."""
    log(
        instance=entry,
        action=action,
        user=user,
        data={
            "member_id": member.pk,
            "juror": str(member),
            "has_conflict": declaration.has_conflict,
            "kind": declaration.kind,
            "reason": declaration.note,
            **more,
        },
    )


def _no_conflict_declared(member, entry):
    """``member``'s declaration of no conflict on ``entry``, row-locked, or
    ``None``. The lock orders revise_to_conflict and save_review: whichever
    comes second sees what the first did."""
    declaration = (
        ConflictDeclaration.objects.select_for_update()
        .filter(entry=entry, member=member)
        .first()
    )
    if declaration is None or declaration.has_conflict:
        return None
    return declaration


def _next_version(review):
    return (review.versions.aggregate(last=Max("number"))["last"] or 0) + 1


def _withdraw(member, entry, reason="", user=None):
    """Take ``member`` off ``entry`` after a conflict: delete the assignment and
    a draft review (never counted, no versions), and withdraw a submitted one:
    its status changes, its version grows (a save from a form loaded before is
    refused as stale) and its history gains a "withdrawn" version with the
    points it had and the ``reason``. Returns what the review was, for the log
    (``None`` without one)."""
    Assignment.objects.filter(entry=entry, member=member).delete()
    review = (
        Review.objects.select_for_update().filter(entry=entry, member=member).first()
    )
    if review is None:
        return None
    was = {
        "id": review.pk,
        "status": review.status,
        "version": review.version,
        "submitted_at": review.submitted_at.isoformat()
        if review.submitted_at
        else None,
    }
    if review.status == Review.Status.SUBMITTED:
        Review.objects.filter(pk=review.pk).update(
            status=Review.Status.WITHDRAWN, version=F("version") + 1
        )
        ReviewVersion.objects.create(
            review=review,
            number=_next_version(review),
            status=Review.Status.WITHDRAWN,
            scores=[
                {
                    "criterion": score.criterion_id,
                    "points": score.points,
                    "comment": score.comment,
                }
                for score in review.scores.order_by("criterion_id")
            ],
            reason=reason,
            author=user,
        )
        was["now"] = Review.Status.WITHDRAWN.value
    elif review.status == Review.Status.DRAFT:
        review.delete()
        was["now"] = "deleted"
    return was


def save_review(
    member,
    entry,
    scores,
    *,
    version,
    submit,
    reason="",
    user=None,
    now=None,
    page="",
):
    """Save ``member``'s review of ``entry``; returns the saved review.

    ``scores`` is a list of :class:`CriterionScore` for the entry's criteria;
    ``version`` is the review version the juror's form was loaded with, and the
    save is refused with :class:`StaleReview` if the review changed since
    (another tab or device): nothing is overwritten silently. ``submit`` submits
    the review (every criterion then needs points); once submitted, a review
    stays submitted and every further save needs a ``reason``. The first
    submit and every save after it keep a :class:`ReviewVersion` and are logged.
    Raises :class:`ScoringClosed` outside the jury phase and
    :class:`NotOnTheList` when the member has no declaration of no conflict or
    no assignment for the entry (:class:`ReviewWithdrawn` for a review
    withdrawn after a conflict). ``page`` names the scoring screen whose
    autosave this is (``Review.saved_by_page``), "" for any other save.
    """
    now = now or timezone.now()
    if not jury_phase_open(entry.edition, now):
        raise ScoringClosed
    for score in scores:
        if score.points is not None and not (
            0 <= score.points <= score.criterion.max_points
        ):
            raise ValueError(f"points out of range for criterion {score.criterion}")
    with transaction.atomic():
        # A conflict declared meanwhile (another tab) is seen here, and no
        # draft is created for an entry the juror has just left.
        if _no_conflict_declared(member, entry) is None:
            raise NotOnTheList
        if not Assignment.objects.filter(entry=entry, member=member).exists():
            raise NotOnTheList
        review, _created = Review.objects.get_or_create(entry=entry, member=member)
        if review.status == Review.Status.WITHDRAWN:
            raise ReviewWithdrawn
        if review.version != version:
            raise StaleReview
        was_submitted = review.status == Review.Status.SUBMITTED
        if was_submitted and not (reason or "").strip():
            raise ValueError("a change after submit needs a reason")
        submitting = submit or was_submitted
        if submitting and any(score.points is None for score in scores):
            raise ValueError("a submitted review needs points for every criterion")
        # The version check and the increment in one UPDATE: of two saves made
        # from the same version, exactly one matches a row.
        updated = Review.objects.filter(pk=review.pk, version=version).update(
            version=F("version") + 1,
            status=Review.Status.SUBMITTED if submitting else Review.Status.DRAFT,
            submitted_at=review.submitted_at or (now if submitting else None),
            updated_at=now,
            saved_by_page=page,
        )
        if not updated:
            raise StaleReview
        _store_scores(review, scores)
        review.refresh_from_db()
        if submitting:
            number = _next_version(review)
            ReviewVersion.objects.create(
                review=review,
                number=number,
                status=review.status,
                scores=snapshot(scores),
                reason=(reason or "").strip(),
                author=user,
            )
            log(
                instance=review,
                action="competition.review.changed"
                if was_submitted
                else "competition.review.submitted",
                user=user,
                data={
                    "entry_id": entry.pk,
                    "entry": entry.reference,
                    "member_id": member.pk,
                    "version": number,
                    "reason": (reason or "").strip(),
                },
            )
    return review


def _store_scores(review, scores):
    existing = {score.criterion_id: score for score in review.scores.all()}
    new, changed = [], []
    for entered in scores:
        score = existing.get(entered.criterion.pk)
        if score is None:
            new.append(
                Score(
                    review=review,
                    criterion=entered.criterion,
                    points=entered.points,
                    comment=entered.comment,
                )
            )
        elif (score.points, score.comment) != (entered.points, entered.comment):
            score.points, score.comment = entered.points, entered.comment
            changed.append(score)
    Score.objects.bulk_create(new)
    Score.objects.bulk_update(changed, ["points", "comment"])


def snapshot(scores):
    """The scores as a ``ReviewVersion`` keeps them."""
    return [
        {
            "criterion": score.criterion.pk,
            "points": score.points,
            "comment": score.comment,
        }
        for score in scores
    ]
