from django.urls import include, path
from wagtail import hooks

from . import passkeys, views
from .second_factor import RESET_ACTION
from .users_admin import ResetFormatter


@hooks.register("register_admin_urls")
def register_second_factor_urls():
    return [
        path(
            "second-factor/verify/",
            views.verify,
            name="accounts_second_factor_verify",
        ),
        path(
            "second-factor/enrol/",
            views.enrol,
            name="accounts_second_factor_enrol",
        ),
        path(
            "second-factor/passkey-added/",
            views.passkey_added,
            name="accounts_second_factor_passkey_added",
        ),
        # The passkey ceremonies' JSON endpoints (django-otp-webauthn), behind
        # Wagtail's admin access check like every admin URL.
        path(
            "second-factor/passkeys/",
            include((passkeys.urlpatterns, "otp_webauthn")),
        ),
    ]


@hooks.register("register_log_actions")
def register_second_factor_log_actions(actions):
    # Shown in the user's history and the site history (users_admin.py).
    actions.register_action(RESET_ACTION)(ResetFormatter)
