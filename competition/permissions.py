"""Who may do what: every access rule of the competition is here.

An entry is what an applicant sent: nobody adds or changes one in the admin
(the formal check and later decisions go through ``workflow.py``), and only a
superuser may delete one. Viewing needs ``view_entry``; exporting needs the
separate ``export_entry`` and downloading files ``download_entryfile``.

Jurors hold none of these: what a juror may see follows from their jury
membership, assignments and declarations (the functions at the end), checked by
the jury screens and the file download themselves.

Every rule starts from :func:`_active`: an anonymous, missing or deactivated
user may do nothing, whatever groups or memberships they hold.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Assignment, ConflictDeclaration, EntryFile, JuryMember
from .workflow import AWARDED, JURY_STATES

READ_ONLY_ACTIONS = frozenset({"add", "change"})


def _active(user):
    """A signed-in, active user (``None`` and anonymous users are neither)."""
    return user is not None and user.is_authenticated and user.is_active


class EntryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that entries are read-only for everyone and
    deletion is kept for superusers (even a group granted ``delete_entry``)."""

    def user_has_permission(self, user, action):
        if action in READ_ONLY_ACTIONS:
            return False
        if action == "delete":
            return _active(user) and user.is_superuser
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
    return _active(user) and user.has_perm("competition.export_entry")


def can_check(user):
    """The formal check (and its bulk "eligible" action): the secretariat."""
    return _active(user) and user.has_perm("competition.check_entry")


def can_view_competition_log(user):
    """The "Dziennik konkursu": everything logged in the competition, jurors'
    declarations and score changes included, so never for jurors."""
    return _active(user) and user.has_perm("competition.view_competition_log")


# -- results (DESIGN §6: the chair and the secretariat, after scoring closes) ----


def is_chair(user, edition):
    """Whether ``user`` chairs the jury of ``edition`` (the Polish original)."""
    return chaired(user).filter(edition=edition).exists()


def chaired(user):
    """The user's memberships as a jury's chair, across editions."""
    return memberships(user).filter(role=JuryMember.Role.CHAIR)


def chairs_any_edition(user):
    return chaired(user).exists()


def may_see_results(user, edition):
    """The secretariat (``view_results``) or the edition's chair, at any time;
    the caller adds "only after scoring has closed"."""
    if not _active(user):
        return False
    return user.has_perm("competition.view_results") or is_chair(user, edition)


def may_open_results_menu(user):
    """The "Wyniki" menu item and index: the secretariat, and whoever chairs a
    jury."""
    if not _active(user):
        return False
    return user.has_perm("competition.view_results") or chairs_any_edition(user)


def may_publish_results(user):
    """Closing scoring and publishing the results: the secretariat only."""
    return _active(user) and user.has_perm("competition.publish_results")


def entries_hidden_from(user, edition):
    """The ids of the entries of ``edition`` the user must not see on the
    results' screens (ranking, decisions, export, protocol): those they
    declared a conflict of interest on as a juror, the chair included
    (DESIGN §6). The secretariat (``view_results``) sees all and decides them.
    """
    if _active(user) and user.has_perm("competition.view_results"):
        return frozenset()
    return frozenset(
        ConflictDeclaration.objects.filter(
            member__in=memberships(user).filter(edition=edition),
            has_conflict=True,
        ).values_list("entry_id", flat=True)
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
    if not _active(user):
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
    return _active(user) and user.has_perm("competition.view_entry")


# -- files -----------------------------------------------------------------------


def can_download(user, entry_file):
    """Whether ``user`` may download ``entry_file``, only ever a file of an entry
    (uploads held for a form are nobody's to download): an active superuser, a
    holder of ``competition.download_entryfile`` (the secretariat), or a juror
    who may open that entry (assigned, no conflict of interest declared:
    :func:`can_open_entry`)."""
    if not _active(user) or entry_file.entry_id is None:
        return False
    if user.is_superuser or user.has_perm("competition.download_entryfile"):
        return True
    return can_open_entry(user, entry_file.entry_id)


def can_download_original(user, entry_file):
    """Whether ``user`` may download the file as it was uploaded. A juror may
    have a presentation, but a photo only as its clean copy without EXIF (GPS,
    issue 12 §3): its original stays with the secretariat (and superusers)."""
    if not can_download(user, entry_file):
        return False
    return (
        entry_file.kind != EntryFile.Kind.PHOTO
        or user.is_superuser
        or user.has_perm("competition.download_entryfile")
    )


def photo_is_public(entry_file):
    """Whether anyone, logged in or not, may see ``entry_file`` on the published
    results page: a photo (of a type detected at upload) of a laureate or a
    distinguished entry whose applicant consented to the publication of the
    image, once the edition's results are published."""
    from .uploads import PHOTO_CONTENT_TYPES

    entry = entry_file.entry
    return (
        entry is not None
        and entry_file.kind == EntryFile.Kind.PHOTO
        and entry_file.content_type in PHOTO_CONTENT_TYPES
        and entry.status in AWARDED
        and entry.image_publication_allowed
        and entry.edition.results_published()
    )


# -- personal data -----------------------------------------------------------------


def can_manage_personal_data(user):
    """Exporting an applicant's personal data (RODO art. 15) and erasing it
    (art. 17): the secretariat (``manage_personal_data``)."""
    return _active(user) and user.has_perm("competition.manage_personal_data")
