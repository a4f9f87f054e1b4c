"""Who may do what with entries in the admin.

An entry is what an applicant sent: nobody adds or changes one in the admin
(the formal check and later decisions go through ``workflow.py``), and only a
superuser may delete one. Viewing needs ``view_entry``; exporting needs the
separate ``export_entry`` and downloading files ``download_entryfile``.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

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
