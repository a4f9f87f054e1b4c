"""Who needs a second factor (django-otp: TOTP or a passkey) and which of their
devices count."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

BACKUP_CODE_COUNT = 10

#: Wagtail's log action of a reset (its label: ``users_admin.ResetFormatter``).
RESET_ACTION = "accounts.second_factor.reset"


def is_required_for(user):
    """Whether the signed-in ``user`` needs a second factor: superusers, the
    groups of the settings, and anyone who can reach applicants' data (a
    permission on it, their own or any group's, or a seat on a jury)."""
    if not settings.SECOND_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    return _required_by_role(user)


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def status(user):
    """What an administrator sees of a user's second factor."""
    return {
        "authenticator": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "passkeys": WebAuthnCredential.objects.filter(
            user=user, confirmed=True
        ).count(),
        "backup_codes_left": StaticToken.objects.filter(
            device__user=user, device__confirmed=True
        ).count(),
        "has_devices": TOTPDevice.objects.filter(user=user).exists()
        or StaticDevice.objects.filter(user=user).exists()
        or WebAuthnCredential.objects.filter(user=user).exists(),
        "required": _required_by_role(user),
    }


def _required_by_role(user):
    # As is_required_for, but for the user on the screen, not the one signed in
    # (and whether or not the demo has switched the requirement off). One query;
    # the middleware asks only until the user is verified, and not from the
    # session: a permission given later must count from the next request.
    from competition.models import JuryMember
    from competition.roles import APPLICANT_DATA_MODELS

    if user.is_superuser:
        return True
    groups = set(settings.SECOND_FACTOR_GROUPS)
    if settings.SECOND_FACTOR_FOR_EDITORS:
        groups |= set(settings.SECOND_FACTOR_EDITOR_GROUPS)
    member = OuterRef("pk")
    in_group = Group.objects.filter(user=member, name__in=groups)
    applicant_data = Permission.objects.filter(
        Q(user=member) | Q(group__user=member),
        content_type__app_label="competition",
        content_type__model__in=APPLICANT_DATA_MODELS,
    )
    on_a_jury = JuryMember.objects.filter(user=member)
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(Exists(in_group) | Exists(applicant_data) | Exists(on_a_jury))
        .exists()
    )


def pending_totp_device(user):
    """The unconfirmed authenticator being enrolled (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="authenticator", confirmed=False
        )
    return device


def new_backup_codes(user):
    """Replace the user's backup codes; returns the new ones (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def reset(user):
    """Remove every device and end the user's sessions: they sign in and
    enrol again. Returns how many sessions ended."""
    from .sessions import end_sessions_of

    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
    return end_sessions_of(user)


def reset_by_administrator(user, reason, by, request=None):
    """An administrator's reset (Users admin or ``reset_second_factor``):
    :func:`reset`, written to Wagtail's log of ``user`` (their history and the
    site history) and as a structured event. ``by`` is the administrator's
    user, or their name when the command names no account. Returns how many
    sessions ended."""
    from django.db import transaction
    from wagtail.log_actions import log

    from .events import log_event

    by_user = by if hasattr(by, "get_username") else None
    with transaction.atomic():
        sessions = reset(user)
        log(
            instance=user,
            action=RESET_ACTION,
            user=by_user,
            data={"reason": reason, "sessions_ended": sessions},
        )
    log_event(
        "second_factor_reset",
        request=request,
        username=user.get_username(),
        reason=reason,
        reset_by=by_user.get_username() if by_user else str(by),
        sessions_ended=sessions,
    )
    return sessions
