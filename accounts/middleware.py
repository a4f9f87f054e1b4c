from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import second_factor
from .events import log_event
from .sessions import expiry_reason, touch


class StaffSessionTimeoutMiddleware:
    """Signs a user out after STAFF_SESSION_IDLE_TIMEOUT without a request and
    STAFF_SESSION_MAX_AGE after signing in (only staff have accounts here).

    A request without a session cookie is passed on untouched: reading the
    session would add ``Vary: Cookie`` to every public page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and (
            request.user.is_authenticated
        ):
            reason = expiry_reason(request.session)
            if reason:
                log_event(
                    "session_expired",
                    request=request,
                    username=request.user.get_username(),
                    reason=reason,
                )
                logout(request)
                messages.info(
                    request, _("Sesja wygasła. Zaloguj się ponownie, aby kontynuować.")
                )
            else:
                touch(request.session)
        return self.get_response(request)


# Reachable before the second factor: the step itself, leaving, and the
# translations script and icon sprite that the step's page loads. The passkey
# ceremonies too: django-otp-webauthn refuses to register a passkey for a user
# who has a device but has not used it in this session.
SECOND_FACTOR_EXEMPT = (
    "accounts_second_factor_verify",
    "accounts_second_factor_enrol",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
)


class SecondFactorMiddleware:
    """After a password-only sign-in, every admin URL but the second-factor
    step leads to it, for those who need one (accounts.second_factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._step_for(request)
        if redirect_to:
            return redirect(
                f"{reverse(redirect_to)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    def _step_for(self, request):
        if not settings.SECOND_FACTOR_REQUIRED:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = getattr(request, "resolver_match", None) or _resolve(request.path)
        if match is not None and (
            match.view_name in SECOND_FACTOR_EXEMPT
            or (match.url_name or "").startswith("wagtailadmin_password_reset")
        ):
            return None
        if not second_factor.is_required_for(user):
            return None
        if second_factor.is_enrolled(user):
            return "accounts_second_factor_verify"
        return "accounts_second_factor_enrol"


def _resolve(path):
    try:
        return resolve(path)
    except Resolver404:
        return None
