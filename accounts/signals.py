"""Receivers: sign-in events to the log, session stamps, deactivation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db import transaction
from django.db.models.signals import post_save, pre_save

from .events import log_event
from .sessions import end_sessions_of, mark_signed_in


def log_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``.
    log_event(
        "login_failed",
        request=request,
        username=credentials.get("username", ""),
        # True when axes refused the attempt (or this one set off the lockout).
        locked_out=bool(getattr(request, "axes_locked_out", False)),
    )


def log_locked_out(sender, request, username, ip_address, **kwargs):
    """The attempt that starts a lockout; axes repeats its signal for each
    attempt refused during the cool-off, which login_failed records already."""
    from .throttling import cooloff_minutes

    if getattr(request, "accounts_refused_while_locked", False):
        return

    log_event(
        "login_locked_out",
        request=request,
        username=username or "",
        ip_address=ip_address,
        cooloff_minutes=cooloff_minutes(),
    )


def start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_signed_in(request.session)
        log_event("login_succeeded", request=request, username=user.get_username())


def log_logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_event("logout", request=request, username=user.get_username())


def remember_active_state(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._accounts_was_active = None
        return
    instance._accounts_was_active = (
        sender._default_manager.filter(pk=instance.pk)
        .values_list("is_active", flat=True)
        .first()
    )


def end_sessions_on_deactivation(sender, instance, raw=False, **kwargs):
    if raw or instance.is_active or not getattr(instance, "_accounts_was_active", None):
        return

    def end_sessions():
        ended = end_sessions_of(instance)
        log_event(
            "sessions_ended_on_deactivation",
            username=instance.get_username(),
            sessions=ended,
        )

    transaction.on_commit(end_sessions)


def connect_signals():
    # axes connects its own receivers when axes.signals is imported; importing it
    # first puts ours after them, so a failure's record sees axes' verdict
    # (request.axes_locked_out) on the same attempt.
    from axes.signals import user_locked_out

    user_login_failed.connect(log_login_failed, dispatch_uid="accounts_login_failed")
    user_locked_out.connect(log_locked_out, dispatch_uid="accounts_locked_out")
    user_logged_in.connect(start_session_clock, dispatch_uid="accounts_logged_in")
    user_logged_out.connect(log_logged_out, dispatch_uid="accounts_logged_out")
    User = get_user_model()
    pre_save.connect(
        remember_active_state, sender=User, dispatch_uid="accounts_was_active"
    )
    post_save.connect(
        end_sessions_on_deactivation, sender=User, dispatch_uid="accounts_deactivated"
    )
