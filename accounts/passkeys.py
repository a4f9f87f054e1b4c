"""Passkeys (WebAuthn, django-otp-webauthn) as a second factor next to TOTP.

Only as a second factor: OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is off, so a
passkey never replaces the password (nor the throttling in front of it).
"""

from django.urls import path
from django.utils.translation import gettext_noop
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions, views
from django_otp_webauthn.models import WebAuthnCredential

from .events import log_event


def has_passkey(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


# The library's messages a signed-in user can see (its views answer with them
# and its script shows them), here so that our catalog gives them in Polish.
LIBRARY_MESSAGES = (
    gettext_noop(
        "You must verify your identity first with an existing MFA device before "
        "you can register a new passkey."
    ),
    gettext_noop(
        "State is missing or invalid. Please begin the operation first before "
        "trying to complete it."
    ),
    gettext_noop("This Passkey has been marked as disabled."),
    gettext_noop("The Passkey you tried to use was not found. Perhaps it was removed?"),
    gettext_noop(
        "The Passkey you tried to use does not belong to the currently logged-in "
        "user. Try using a different Passkey or logout first to use this Passkey."
    ),
    gettext_noop("Authentication required."),
    gettext_noop("Error processing WebAuthn request."),
)


class CompleteRegistration(views.CompleteCredentialRegistrationView):
    """The library's view, and a security event for the log."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        log_event(
            "passkey_registered",
            request=self.request,
            username=self.request.user.get_username(),
        )
        return response


class CompleteAuthentication(views.CompleteCredentialAuthenticationView):
    """The library's view, logged like a code (accounts.views.verify)."""

    def complete_auth(self, device):
        super().complete_auth(device)
        log_event(
            "second_factor_verified",
            request=self.request,
            username=self.request.user.get_username(),
            device=device.__class__.__name__,
        )

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.OTPWebAuthnApiError):
            log_event(
                "second_factor_failed",
                request=self.request,
                username=self.request.user.get_username(),
                device="WebAuthnCredential",
                reason=exc.code,
            )
        return super().handle_exception(exc)


# django_otp_webauthn.urls with the two views above; the namespace is the
# library's, which its template tags reverse.
urlpatterns = [
    path(
        "registration/begin/",
        views.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
