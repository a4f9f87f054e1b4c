"""Who may do what with entries in the admin.

An entry is what an applicant sent: nobody adds or changes one in the admin
(the formal check and later decisions go through ``workflow.py``), and only a
superuser may delete one. Viewing needs ``view_entry``; exporting needs the
separate ``export_entry`` and downloading files ``download_entryfile``.

Jurors hold none of these: what a juror may see follows from their jury
membership, assignments and declarations (the functions at the end), checked by
the jury screens and the file download themselves.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Assignment, ConflictDeclaration, JuryMember
from .workflow import JURY_STATES

READ_ONLY_ACTIONS = frozenset({"add", "change"})


class EntryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that entries are read-only for everyone and
    deletion is kept for superusers (even a group granted ``delete_entry``)."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - READ_ONLY_ACTIONS
        users = get_user_model()._default_manager
        matching = users.none()
        if "delete" in actions:
            actions.discard("delete")
            matching = users.filter(is_active=True, is_superuser=True)
        if actions:
            others = super().users_with_any_permission(actions)
            matching = users.filter(pk__in=matching.values("pk")) | users.filter(
                pk__in=others.values("pk")
            )
        return matching


def can_export_entries(user):
    return user.is_active and user.has_perm("competition.export_entry")


def can_view_competition_log(user):
    """The "Dziennik konkursu": everything logged in the competition, jurors'
    declarations and score changes included, so never for jurors."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("competition.view_competition_log")
    )


# -- results (DESIGN §6: the chair and the secretariat, after scoring closes) ----


def is_chair(user, edition):
    """Whether ``user`` chairs the jury of ``edition`` (the Polish original)."""
    from .models import JuryMember

    if not (user.is_authenticated and user.is_active):
        return False
    return JuryMember.objects.filter(
        edition=edition, user=user, role=JuryMember.Role.CHAIR
    ).exists()


def may_see_results(user, edition):
    """The secretariat (``view_results``) or the edition's chair, at any time;
    the caller adds "only after scoring has closed"."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.has_perm("competition.view_results") or is_chair(user, edition)


def may_publish_results(user):
    """Closing scoring and publishing the results: the secretariat only."""
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("competition.publish_results")
    )


# -- the jury ------------------------------------------------------------------
#
# A juror's reach is decided here and nowhere else: the jury screens, the file
# downloads and anything later (rankings, exports) ask these functions. A
# conflict of interest hides an entry from that juror everywhere, even if the
# secretariat assigns them again by hand.


def memberships(user):
    """The user's jury memberships (``JuryMember``) across editions; none for an
    anonymous or inactive user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return JuryMember.objects.none()
    return JuryMember.objects.filter(user=user)


def is_juror(user):
    """Whether the user sits on the jury of any edition (the jury screens and
    their menu item are for them only)."""
    return memberships(user).exists()


def _conflicts():
    return ConflictDeclaration.objects.filter(
        entry=OuterRef("entry_id"), member=OuterRef("member_id"), has_conflict=True
    )


def _no_conflict_declared():
    return ConflictDeclaration.objects.filter(
        entry=OuterRef("entry_id"), member=OuterRef("member_id"), has_conflict=False
    )


def live_assignments(members):
    """The live assignments of several jury members (a queryset of them): as
    :func:`juror_assignments`, in one query."""
    return (
        Assignment.objects.filter(
            member__in=members,
            entry__edition_id=F("member__edition_id"),
            entry__status__in=JURY_STATES,
        )
        .exclude(Exists(_conflicts()))
        .order_by("entry__number", "entry_id")
    )


def juror_assignments(member):
    """The assignments ``member`` has to score: entries of the member's edition
    that are eligible, in review or reviewed, except those the member declared
    a conflict of interest on."""
    return live_assignments(JuryMember.objects.filter(pk=member.pk))


def assignment_for(user, entry_id):
    """The user's live assignment to the entry, or ``None`` (not a juror of its
    edition, not assigned, a conflict declared, or the entry not being judged)."""
    return (
        live_assignments(memberships(user))
        .filter(entry_id=entry_id)
        .select_related("member")
        .first()
    )


def can_open_entry(user, entry):
    """Whether the user may see the entry's content (answers, files) as a juror:
    a live assignment to it and a declaration of no conflict of interest."""
    return (
        live_assignments(memberships(user))
        .filter(entry_id=getattr(entry, "pk", entry))
        .filter(Exists(_no_conflict_declared()))
        .exists()
    )


def jury_phase_open(edition, now=None):
    """Whether jurors may declare and score now: from the start of the jury
    phase until it closes (by date or by the secretariat). Outside it the jury
    screens are read-only."""
    now = now or timezone.now()
    return edition.jury_opens_at <= now and not edition.scoring_closed(now)


def can_view_jury_progress(user):
    """The secretariat's progress screen (counts only, never points): whoever
    may view entries."""
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("competition.view_entry")
    )
