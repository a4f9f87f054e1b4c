"""Issue 12 §1 in a browser: a juror adds a passkey on the enrolment screen and
signs in with it later, with Chromium's virtual authenticator (DevTools'
WebAuthn domain) in place of a security key. django-otp-webauthn's scripts run
as shipped, under the admin's Content-Security-Policy (new_page fails the test
on any refusal or server error).

Its own runserver on the demo database, with the second factor required and
http://localhost as the relying party: browsers refuse WebAuthn for an IP
address such as the demo's 127.0.0.1.
"""

import os
import subprocess
import sys

import pytest

from .conftest import PROJECT_DIR, _free_port, _manage, _stop, _wait_healthy
from .support import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

USERNAME = "juror-passkey"
CREATE_USER = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
user = get_user_model().objects.create_user({USERNAME!r}, password={DEMO_PASSWORD!r})
user.groups.add(Group.objects.get_or_create(name="Jury")[0])
user.user_permissions.add(Permission.objects.get(codename="access_admin"))
"""


@pytest.fixture(scope="module")
def passkey_site(live_site, site_dir):
    port = _free_port()
    base_url = f"http://localhost:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{site_dir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(site_dir / "media"),
        "PRIVATE_MEDIA_ROOT": str(site_dir / "private"),
        "PYTHONUNBUFFERED": "1",
        "SECOND_FACTOR_REQUIRED": "true",
        "OTP_WEBAUTHN_RP_ID": "localhost",
        "OTP_WEBAUTHN_ALLOWED_ORIGINS": base_url,
    }
    _manage(["shell", "-c", CREATE_USER], env, site_dir / "passkey-user.log")
    log_path = site_dir / "runserver-passkeys.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_healthy(f"http://127.0.0.1:{port}/healthz", process, log_path)
            yield base_url
        finally:
            _stop(process)


def with_virtual_authenticator(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )["authenticatorId"]
    return cdp, authenticator


def sign_in(page, base_url):
    page.goto(f"{base_url}/admin/login/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()


def test_a_juror_adds_a_passkey_and_signs_in_with_it(passkey_site, new_page):
    page = new_page()
    cdp, authenticator = with_virtual_authenticator(page)

    sign_in(page, passkey_site)
    page.wait_for_url("**/admin/second-factor/enrol/**")
    page.get_by_role("button", name="Dodaj klucz dostępu").click()
    page.wait_for_url("**/admin/second-factor/passkey-added/**")
    assert page.locator(".backup-codes li").count() == 10
    (credential,) = cdp.send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator}
    )["credentials"]
    assert credential["rpId"] == "localhost"
    page.get_by_role("link", name="Przejdź dalej").click()
    page.wait_for_url(f"{passkey_site}/admin/")

    # Signed out; the next sign-in asks for the second factor again.
    page.context.clear_cookies()
    sign_in(page, passkey_site)
    page.wait_for_url("**/admin/second-factor/verify/**")
    page.get_by_role("button", name="Użyj klucza dostępu").click()
    page.wait_for_url(f"{passkey_site}/admin/")
    assert page.locator("#main").count() == 1
    (used,) = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})[
        "credentials"
    ]
    assert used["signCount"] >= 1
